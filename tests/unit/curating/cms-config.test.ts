import { join } from 'node:path';
import type { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { cmsConfig } from '../../../scripts/lib/cms-config.ts';
import { IdAllocator } from '../../../scripts/lib/import/registry.ts';
import { collections, schemas, type Collection } from '../../../src/schemas/index.ts';

const contentDir = join(import.meta.dirname, '..', '..', 'fixtures', 'search', 'content');
const config = cmsConfig(contentDir, 'http://127.0.0.1:8081/api/v1', '2026-01-01') as {
  collections: { name: string; folder: string; fields: { name: string; default?: unknown }[] }[];
};

interface EditorField {
  name: string;
  fields?: EditorField[];
}
type Shape = Record<string, z.ZodType>;

const editorFields = (collection: Collection): EditorField[] =>
  config.collections.find((c) => c.name === collection)!.fields.filter((f) => f.name !== 'body');

/** A schema without its optional, default, array and pipe wrappers. */
function innermost(type: z.ZodType): z.ZodType {
  const def = (type as unknown as { def: Record<string, unknown> }).def;
  const inner = def['innerType'] ?? def['element'] ?? def['in'];
  return inner ? innermost(inner as z.ZodType) : type;
}

const kind = (type: z.ZodType) => (type as unknown as { def: { type: string } }).def.type;

/** The object schema inside the wrappers, if there is one. */
function objectShape(type: z.ZodType): Shape | undefined {
  const inner = innermost(type);
  return kind(inner) === 'object' ? (inner as z.ZodObject).shape : undefined;
}

/** A field no value can fill (contact details are `never`): it must not be offered. */
const forbidden = (type: z.ZodType) => kind(innermost(type)) === 'never';

/** `path: name` for every field the editor and the schema disagree on, at every depth. */
function mismatches(path: string, fields: EditorField[], shape: Shape): string[] {
  const offered = fields.map((f) => f.name);
  const allowed = Object.keys(shape).filter((name) => !forbidden(shape[name]!));
  return [
    ...allowed
      .filter((name) => !offered.includes(name))
      .map((name) => `${path}${name} not offered`),
    ...offered.filter((name) => !allowed.includes(name)).map((name) => `${path}${name} unknown`),
    ...fields.flatMap((f) => {
      const inner = f.fields && shape[f.name] ? objectShape(shape[f.name]!) : undefined;
      return f.fields && inner ? mismatches(`${path}${f.name}.`, f.fields, inner) : [];
    }),
  ];
}

describe('the web editor configuration', () => {
  it('edits every record type, in the folders the site reads', () => {
    expect(config.collections.map((c) => c.name).sort()).toEqual([...collections].sort());
    for (const c of config.collections) expect(c.folder).toBe(`content/${c.name}`);
  });

  it.each([...collections])(
    'offers exactly the fields a %s record may have, at every depth',
    (collection) => {
      // A field missing here cannot be edited there, and Decap has dropped unconfigured
      // frontmatter on save (decap-cms#1174): the editor must know every field.
      const shape = (schemas[collection] as z.ZodObject).shape;
      expect(mismatches('', editorFields(collection), shape)).toEqual([]);
    },
  );

  it('never offers contact fields', () => {
    const offered = editorFields('people').map((f) => f.name);
    expect(offered).not.toContain('phone');
    expect(editorFields('clusters').map((f) => f.name)).not.toContain('contactPhone');
  });

  it('offers "living" as a choice that can go back to unknown, read by the schema as booleans', () => {
    const living = config.collections
      .find((c) => c.name === 'people')!
      .fields.find((f) => f.name === 'living') as {
      widget?: string;
      options?: { value: string }[];
      required?: boolean;
    };
    expect(living).toMatchObject({ widget: 'select', required: false });
    const base = {
      id: 'BGP-000001',
      name: { zh: '陈彩华', en: 'Chen Caihua', pinyin: 'Chén Cǎihuá' },
      summary: { zh: '广彩艺人。', en: 'A Guangcai painter.' },
      references: [
        { title: '国家级非物质文化遗产代表性项目名录', publisher: '国务院', year: 2008 },
      ],
      added: '2026-12-01',
    };
    const read = (living: unknown) => schemas.people.parse({ ...base, living }).living;
    expect(living.options!.map((o) => read(o.value))).toEqual([true, false]);
    // Cleared in the editor, or never chosen: unknown, never "has died".
    expect(read('')).toBeUndefined();
    expect(read(null)).toBeUndefined();
    expect(read(undefined)).toBeUndefined();
    expect(schemas.people.safeParse({ ...base, living: 'maybe' }).success).toBe(false);
  });

  it.each([...collections])('fills a new %s record with the next free ID', (collection) => {
    const id = config.collections
      .find((c) => c.name === collection)!
      .fields.find((f) => f.name === 'id')?.default;
    expect(id).toBe(IdAllocator.forContent(contentDir).next(collection));
  });
});
