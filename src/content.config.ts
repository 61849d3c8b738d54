import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { collections as names, schemas, type Collection } from './schemas/index.ts';
import { recordPattern, recordSlug } from './lib/record-files.ts';

function records(name: Collection) {
  return defineCollection({
    loader: glob({
      base: `./content/${name}`,
      pattern: recordPattern,
      generateId: ({ entry }) => recordSlug(entry),
    }),
    schema: schemas[name],
  });
}

export const collections = Object.fromEntries(names.map((name) => [name, records(name)]));
