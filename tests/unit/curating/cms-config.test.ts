import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmsConfig } from '../../../scripts/lib/cms-config.ts';
import { IdAllocator } from '../../../scripts/lib/import/registry.ts';
import { collections, schemas, type Collection } from '../../../src/schemas/index.ts';

const contentDir = join(import.meta.dirname, '..', '..', 'fixtures', 'search', 'content');
const config = cmsConfig(contentDir, 'http://127.0.0.1:8081/api/v1', '2026-01-01') as {
  collections: { name: string; folder: string; fields: { name: string; default?: unknown }[] }[];
};

const editorFields = (collection: Collection) =>
  config.collections
    .find((c) => c.name === collection)!
    .fields.map((f) => f.name)
    .filter((name) => name !== 'body');

/** Top-level fields a record must have: the schema refuses the record without them. */
const requiredFields = (collection: Collection) =>
  Object.entries(schemas[collection].shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([name]) => name);

describe('the web editor configuration', () => {
  it('edits every record type, in the folders the site reads', () => {
    expect(config.collections.map((c) => c.name).sort()).toEqual([...collections].sort());
    for (const c of config.collections) expect(c.folder).toBe(`content/${c.name}`);
  });

  it.each([...collections])('offers only fields the %s schema knows', (collection) => {
    const known = Object.keys(schemas[collection].shape);
    expect(editorFields(collection).filter((name) => !known.includes(name))).toEqual([]);
  });

  it.each([...collections])('offers every field a %s record requires', (collection) => {
    const offered = editorFields(collection);
    expect(requiredFields(collection).filter((name) => !offered.includes(name))).toEqual([]);
  });

  it.each([...collections])('fills a new %s record with the next free ID', (collection) => {
    const id = config.collections
      .find((c) => c.name === collection)!
      .fields.find((f) => f.name === 'id')?.default;
    expect(id).toBe(IdAllocator.forContent(contentDir).next(collection));
  });
});
