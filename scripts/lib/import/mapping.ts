/**
 * Mapping files (`import-mappings/*.json|yaml`): which source column feeds which record field,
 * how values map onto the vocabularies, constants, and transforms. The format is documented in
 * `import-mappings/README.md`; this module reads a mapping and rejects a malformed one with a
 * message that names the problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { schemas, type Collection } from '../../../src/schemas/index.ts';

/** One step of a field's transform chain. */
const step = z.union([
  z.enum(['trim', 'capitalize', 'lowercase', 'number', 'unique', 'first', 'as-range']),
  z.object({ split: z.string() }).strict(),
  z.object({ join: z.string() }).strict(),
  z.object({ each: z.string() }).strict(),
  z.object({ pick: z.string() }).strict(),
  z.object({ lookup: z.string(), within: z.string().optional() }).strict(),
  z.object({ match: z.string(), all: z.boolean().optional() }).strict(),
  z
    .object({
      parse: z.enum(['year-range', 'dimensions', 'provinces', 'name-en']),
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
  })
  .strict();
export type Rule = z.infer<typeof rule>;

const valueMap = z.union([
  z.object({ rules: z.array(rule) }).strict(),
  z.object({ values: z.record(z.string(), z.unknown()) }).strict(),
]);
export type ValueMap = z.infer<typeof valueMap>;

const mappingSchema = z
  .object({
    $schema: z.string().optional(),
    /** Short name stored in each record's `imported.mapping`. */
    name: z.string().regex(/^[a-z0-9-]+$/),
    description: z.string().optional(),
    /** Target collection. */
    collection: z.enum(['works', 'crafts']),
    /** Default source file, relative to the project root. */
    source: z.string().optional(),
    /** For JSON sources: dot path of the list of records. */
    records: z.string().optional(),
    /** Column holding the stable key of each row. */
    key: z.string(),
    /** Template of the folder name (slugified; made unique). */
    slug: z.string(),
    /** How to recognise a hand-written record of the same thing (all fields must match). */
    existing: z.array(z.record(z.string(), z.string())).default([]),
    /** Fixed values, by field path; strings may hold placeholders. */
    constants: z.record(z.string(), z.unknown()).default({}),
    /** Fields computed from each row, by field path, in order. */
    fields: z.record(z.string(), fieldSpec),
    /** Value maps used by `lookup` and `match` steps. */
    maps: z.record(z.string(), valueMap).default({}),
    /** Lines of the Markdown body per language; a line with a missing placeholder is dropped. */
    body: z.object({ zh: z.array(z.string()), en: z.array(z.string()) }).strict(),
  })
  .strict();

export type Mapping = z.infer<typeof mappingSchema> & { collection: Collection; file: string };

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
    const shape = (schemas[result.data.collection] as unknown as { shape: Record<string, unknown> })
      .shape;
    const paths = [...Object.keys(result.data.fields), ...Object.keys(result.data.constants)];
    for (const path of paths) {
      const top = path.split('.')[0] ?? path;
      if (top.startsWith('_')) continue; // working value, not written
      if (!(top in shape))
        problems.push(`fields.${path}: "${top}" is not a field of ${result.data.collection}`);
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
  return {
    ...(result.data as z.infer<typeof mappingSchema>),
    collection: result.data!.collection,
    file: path,
  };
}
