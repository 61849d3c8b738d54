import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { recordPattern, recordSlug, type Collection } from './lib/records/record-files.ts';
import { schemas } from './schemas/index.ts';

/**
 * Records of one collection: `content/<name>/<slug>/index.{md,mdx}`, drafts (`_…`) left out. The
 * pattern is the rule of src/lib/records/record-files.ts, which `listRecordFolders` runs for the
 * commands through the same glob engine as this loader.
 */
function records(name: Collection) {
  return glob({
    base: `./content/${name}`,
    pattern: recordPattern,
    generateId: ({ entry }) => recordSlug(entry),
  });
}

/**
 * Astro keeps parsed records in its content store until the text of this file changes; a change
 * to a schema in src/schemas/ alone would leave records parsed by the old schema (without the
 * new defaults), so `npm run build` and `npm run dev` drop a stale store first
 * (scripts/lib/content-store.ts).
 */
export const collections = {
  works: defineCollection({ loader: records('works'), schema: schemas.works }),
  crafts: defineCollection({ loader: records('crafts'), schema: schemas.crafts }),
  people: defineCollection({ loader: records('people'), schema: schemas.people }),
  clusters: defineCollection({ loader: records('clusters'), schema: schemas.clusters }),
  exhibitions: defineCollection({ loader: records('exhibitions'), schema: schemas.exhibitions }),
  cases: defineCollection({ loader: records('cases'), schema: schemas.cases }),
} satisfies Record<Collection, unknown>;
