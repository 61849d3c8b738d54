import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { clusterSchema } from './schemas/cluster.ts';
import type { Collection } from './schemas/common.ts';
import { craftSchema } from './schemas/craft.ts';
import { exhibitionSchema } from './schemas/exhibition.ts';
import { personSchema } from './schemas/person.ts';
import { workSchema } from './schemas/work.ts';
import { recordPattern, recordSlug } from './lib/record-files.ts';

/** Records of one collection: `content/<name>/<slug>/index.{md,mdx}`, drafts (`_…`) left out. */
function records(name: Collection) {
  return glob({
    base: `./content/${name}`,
    pattern: recordPattern,
    generateId: ({ entry }) => recordSlug(entry),
  });
}

export const collections = {
  works: defineCollection({ loader: records('works'), schema: workSchema }),
  crafts: defineCollection({ loader: records('crafts'), schema: craftSchema }),
  people: defineCollection({ loader: records('people'), schema: personSchema }),
  clusters: defineCollection({ loader: records('clusters'), schema: clusterSchema }),
  exhibitions: defineCollection({ loader: records('exhibitions'), schema: exhibitionSchema }),
};
