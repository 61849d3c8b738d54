/**
 * Mapping files (`import-mappings/*.json|yaml`): which source column feeds which record field,
 * how values map onto the vocabularies, constants, and transforms. The format is documented in
 * `import-mappings/README.md`; this module reads a mapping and rejects a malformed one with a
 * message that names the problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { regionalEntry } from '../../../src/schemas/craft.ts';
import { schemas, type Collection } from '../../../src/schemas/index.ts';
import { unitsSpec } from './units.ts';

/** One step of a field's transform chain. */
const step = z.union([
  z.enum([
    'trim',
    'capitalize',
    'lowercase',
    'dashes',
    'number',
    'unique',
    'first',
    'only',
    'as-range',
  ]),
  // a regular expression replaced in each value (JavaScript syntax, `$1` for a group)
  z.object({ replace: z.string(), with: z.string() }).strict(),
  z.object({ split: z.string() }).strict(),
  z.object({ join: z.string() }).strict(),
  z.object({ each: z.string() }).strict(),
  // a list of objects: each key a field path, each value a template over the list item
  z
    .object({ each: z.record(z.string(), z.string()), numbers: z.array(z.string()).optional() })
    .strict(),
  z.object({ pick: z.string() }).strict(),
  z.object({ lookup: z.string(), within: z.string().optional() }).strict(),
  z.object({ match: z.string(), all: z.boolean().optional() }).strict(),
  // a Chinese title through the thesaurus (src/lib/thesaurus/title-zh.ts); the row's materials
  // column and a computed category field help it choose the prefix and painting titles
  z
    .object({
      'title-zh': z
        .object({ materials: z.string().optional(), category: z.string().optional() })
        .strict(),
    })
    .strict(),
  z
    .object({
      parse: z.enum(['year-range', 'dimensions', 'provinces', 'divisions', 'name-en']),
      glossary: z.string().optional(),
    })
    .strict(),
]);
export type Step = z.infer<typeof step>;

export interface FieldSpec {
  /** Source column (dot path for nested JSON). */
  column?: string | undefined;
  /** Text with `{column}`, `{@field}` and `{@field:zh}` placeholders; empty when one is missing. */
  template?: string | undefined;
  /** Transform steps, in order. */
  steps?: Step[] | undefined;
  /** Used when this spec gives no value. */
  fallback?: FieldSpec | undefined;
  /** When set and no value results, the row is rejected with this reason (a template). */
  required?: string | undefined;
}

const fieldSpec: z.ZodType<FieldSpec> = z.lazy(() =>
  z
    .object({
      column: z.string().optional(),
      template: z.string().optional(),
      steps: z.array(step).optional(),
      fallback: fieldSpec.optional(),
      required: z.string().optional(),
    })
    .strict()
    .refine((s) => s.column !== undefined || s.template !== undefined, {
      message: 'a field needs "column" or "template"',
    }),
);

/** A rule of a pattern map: the first (or every) rule whose regular expression matches wins. */
const rule = z
  .object({
    /** Regular expression, matched case-insensitively. */
    match: z.string(),
    /** Value to produce. */
    value: z.unknown().optional(),
    /** Instead of a value: reject the row with this reason. */
    reject: z.string().optional(),
    /** Instead of a value: skip the row with this reason (outside what the archive collects). */
    skip: z.string().optional(),
  })
  .strict();
export type Rule = z.infer<typeof rule>;

const valueMap = z.union([
  z.object({ rules: z.array(rule) }).strict(),
  z.object({ values: z.record(z.string(), z.unknown()) }).strict(),
  /** The map of the same name in another mapping (`{"from": "ich"}`): one rule, not two copies. */
  z.object({ from: z.string().regex(/^[a-z0-9-]+$/) }).strict(),
]);
export type ValueMap = Exclude<z.infer<typeof valueMap>, { from: string }>;

/**
 * Lists inside records that an `into` mapping may fill, with the schema of one item: the
 * mapping's fields build one item per row, and the importer puts it into the records its
 * preparer links the row to (column `_records`).
 */
export const INTO_FIELDS = {
  'crafts.entries': regionalEntry,
} as const;

const mappingSchema = z
  .object({
    $schema: z.string().optional(),
    /** Short name stored in each record's `imported.mapping`. */
    name: z.string().regex(/^[a-z0-9-]+$/),
    description: z.string().optional(),
    /** Target collection. */
    collection: z.enum(['works', 'crafts', 'people', 'cases']),
    /** Default source file, relative to the project root. */
    source: z.string().optional(),
    /** For JSON sources: dot path of the list of records. */
    records: z.string().optional(),
    /** Rows that name several organisations each, grouped into one row per organisation. */
    units: unitsSpec.optional(),
    /** Mappings whose records this one joins: `npm run import` without `--map` runs them first. */
    after: z.array(z.string()).default([]),
    /**
     * A source-specific step run on the rows before they are mapped (`name` from
     * `scripts/lib/import/prepare/`), with its own options: joins with other files and with the
     * records already in the archive, or of rows that describe one object, and columns the
     * generic steps cannot compute.
     */
    prepare: z.object({ name: z.string() }).catchall(z.unknown()).optional(),
    /**
     * Instead of one record per row: one item of a list field per row (`crafts.entries`), put
     * into each record the preparer links the row to. The importer owns that list: it replaces
     * the items it imports and keeps the others.
     */
    into: z.enum(Object.keys(INTO_FIELDS) as [keyof typeof INTO_FIELDS]).optional(),
    /** Fields another mapping fills in these records (`into`): a re-import keeps them as they are. */
    keeps: z.array(z.string()).default([]),
    /**
     * Column holding the media files to copy beside each record: a list of
     * `{ source, sha256, file }` (source path relative to the source file, expected SHA-256,
     * file name in the record's folder). A file whose hash differs is a rejection.
     */
    media: z.string().optional(),
    /** Column holding the stable key of each row. */
    key: z.string(),
    /** Template of the folder name (slugified; made unique). */
    slug: z.string().default(''),
    /** How to recognise a hand-written record of the same thing (all fields must match). */
    existing: z.array(z.record(z.string(), z.string())).default([]),
    /** Fixed values, by field path; strings may hold placeholders. */
    constants: z.record(z.string(), z.unknown()).default({}),
    /** Fields computed from each row, by field path, in order. */
    fields: z.record(z.string(), fieldSpec),
    /** Value maps used by `lookup` and `match` steps. */
    maps: z.record(z.string(), valueMap).default({}),
    /**
     * Titles translated through the thesaurus: the working field holding the `title-zh` result,
     * the source column with the original title, and the suffix (a template) that tells apart
     * different objects whose Chinese titles would otherwise be the same.
     */
    titles: z
      .object({ result: z.string(), field: z.string(), source: z.string(), distinct: z.string() })
      .strict()
      .optional(),
    /** Lines of the Markdown body per language; a line with a missing placeholder is dropped. */
    body: z
      .object({ zh: z.array(z.string()), en: z.array(z.string()) })
      .strict()
      .default({ zh: [], en: [] }),
  })
  .strict();

export type Mapping = Omit<z.infer<typeof mappingSchema>, 'maps'> & {
  maps: Record<string, ValueMap>;
  collection: Collection;
  file: string;
};

/** Finds a mapping by name (`ima` → `import-mappings/ima.json`) or path. */
export function resolveMappingPath(root: string, nameOrPath: string): string {
  if (existsSync(nameOrPath)) return nameOrPath;
  for (const ext of ['.json', '.yaml', '.yml']) {
    const candidate = join(root, 'import-mappings', `${nameOrPath}${ext}`);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    `mapping "${nameOrPath}" not found (give a file path or a name from import-mappings/) / 找不到映射文件 “${nameOrPath}”`,
  );
}

/** Reads and checks a mapping file. Throws with every problem listed. */
export function loadMapping(path: string): Mapping {
  const text = readFileSync(path, 'utf8');
  const raw: unknown = ['.yaml', '.yml'].includes(extname(path))
    ? parseYaml(text)
    : JSON.parse(text);
  const result = mappingSchema.safeParse(raw);
  const problems = result.success
    ? []
    : result.error.issues.map((i) => `${i.path.join('.') || '(mapping)'}: ${i.message}`);
  if (result.success) {
    const into = result.data.into;
    const shape = (
      (into ? INTO_FIELDS[into] : schemas[result.data.collection]) as unknown as {
        shape: Record<string, unknown>;
      }
    ).shape;
    const target = into ?? result.data.collection;
    const paths = [...Object.keys(result.data.fields), ...Object.keys(result.data.constants)];
    for (const path of paths) {
      const top = path.split('.')[0] ?? path;
      if (top.startsWith('_')) continue; // working value, not written
      if (!(top in shape)) problems.push(`fields.${path}: "${top}" is not a field of ${target}`);
      if (top === 'imported' || top === 'id' || top === 'added' || top === 'modified') {
        problems.push(`fields.${path}: "${top}" is set by the importer itself`);
      }
    }
    const mapNames = new Set(Object.keys(result.data.maps));
    const steps = Object.values(result.data.fields).flatMap(function all(s: FieldSpec): Step[] {
      return [...(s.steps ?? []), ...(s.fallback ? all(s.fallback) : [])];
    });
    for (const s of steps) {
      const name =
        typeof s === 'object' && 'lookup' in s
          ? s.lookup
          : typeof s === 'object' && 'match' in s
            ? s.match
            : typeof s === 'object' && 'glossary' in s
              ? s.glossary
              : undefined;
      if (name !== undefined && !mapNames.has(name))
        problems.push(`maps.${name}: used by a step but not defined`);
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `invalid mapping ${basename(path)} / 映射文件有误:\n  ${problems.join('\n  ')}`,
    );
  }
  const data = result.data as z.infer<typeof mappingSchema>;
  return { ...data, maps: sharedMaps(data.maps, path), collection: data.collection, file: path };
}

/** Maps given as `{"from": "other-mapping"}` replaced by that mapping's map of the same name. */
function sharedMaps(
  maps: Record<string, z.infer<typeof valueMap>>,
  path: string,
): Record<string, ValueMap> {
  const out: Record<string, ValueMap> = {};
  for (const [name, map] of Object.entries(maps)) {
    if (!('from' in map)) {
      out[name] = map;
      continue;
    }
    const other = join(dirname(path), `${map.from}.json`);
    const found = existsSync(other)
      ? (JSON.parse(readFileSync(other, 'utf8')) as { maps?: Record<string, unknown> }).maps?.[name]
      : undefined;
    const parsed = valueMap.safeParse(found);
    if (!parsed.success || 'from' in parsed.data) {
      throw new Error(
        `invalid mapping ${basename(path)} / 映射文件有误:\n  maps.${name}: mapping "${map.from}" has no map "${name}" to share (only one level of "from")`,
      );
    }
    out[name] = parsed.data;
  }
  return out;
}
