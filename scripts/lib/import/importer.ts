/**
 * `npm run import`: creates or updates records from a CSV or JSON file through a mapping.
 *
 * - Keyed: each row's key (mapping `key`) is stored in the record's `imported.key`; a re-import
 *   finds the record by it and updates the same folder with the same ID.
 * - Idempotent: the same input gives byte-identical files, so nothing is written.
 * - Careful: `imported.hash` is the SHA-256 of the file as written (with the hash line left out).
 *   A file whose hash no longer matches was edited by a curator and is skipped unless `force`.
 * - No duplicates: a row describing something a hand-written record already has (same heritage
 *   code, same holding accession — mapping `existing`) is skipped and the record named.
 * - Validated: every record is checked with the project's schema and body rules before it is
 *   written; a row that fails is rejected with their message, like every other rejected row.
 *   Source values go into the body escaped, as text (`escapeMarkdownText`).
 * - Scoped: a row outside what the archive collects (a `skip` rule, a `units` rule, or the
 *   mapping's preparer) is skipped with its reason, never dropped silently.
 * - Joined: a mapping's preparer (`prepare`) may join rows with other files and with the records
 *   already in the archive, or several photographs of one object into one row; an `into`
 *   mapping fills a list inside those records (into.ts).
 * - Media: a mapping's `media` column lists files to copy beside each record; each is checked
 *   against its SHA-256 first, and a master already in the record's folder is never overwritten.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { stringify } from 'yaml';
import { checkBody } from '../../../src/lib/content-safety/body.ts';
import { idPrefixes, schemas } from '../../../src/schemas/index.ts';
import { describeIssue } from '../problems.ts';
import {
  applyRules,
  buildRecord,
  FieldRejection,
  FieldSkip,
  renderTemplate,
  setPath,
  valuesAtPath,
  type BuiltRecord,
  type Data,
} from './build.ts';
import { importInto } from './into.ts';
import { loadMapping, resolveMappingPath, type Mapping } from './mapping.ts';
import { checkMedia, copyMedia, planCopies, type CheckedMedia, type MediaPlan } from './media.ts';
import {
  joinedRows,
  preparedNote,
  preparedRejection,
  preparedSkip,
  prepareRows,
} from './prepare/index.ts';
import {
  IdAllocator,
  readRetired,
  scanCollection,
  scanContent,
  type ExistingRecord,
} from './registry.ts';
import { slugify, uniqueSlug } from './slug.ts';
import { readSource, valueAtPath, type SourceRow } from './source.ts';
import { RejectError } from './transforms.ts';
import { groupUnits, type UnitCounts, type UnitRows } from './units.ts';

export const ACTIONS = [
  'created',
  'updated',
  'unchanged',
  'skipped-edited',
  'skipped-existing',
  'skipped-retired',
  'skipped-scope',
  'rejected',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface RowResult {
  /** 1-based data row (CSV: the header is not counted). */
  row: number;
  /** Further rows joined into this one by the mapping's preparer (photos of one object). */
  joined?: number[] | undefined;
  /** Line in a CSV file. */
  line?: number | undefined;
  key?: string | undefined;
  action: Action;
  /** The record file, relative to the project root. */
  file?: string | undefined;
  id?: string | undefined;
  /** For a rejected row: the field concerned. */
  field?: string | undefined;
  /** Why the row was rejected or skipped. */
  reason?: string | undefined;
  /** For a mapping with `titles`: the source title and what the thesaurus made of it. */
  title?: TitleOutcome | undefined;
}

/** A title translated through the thesaurus, or the words the thesaurus lacks for it. */
export interface TitleOutcome {
  source: string;
  /** The title written, disambiguated where needed; undefined when not translated. */
  zh?: string | undefined;
  /** Words of the source title that no thesaurus label covers. */
  missing: string[];
}

export interface ImportOptions {
  /** Project root (for relative paths and the default source). */
  root: string;
  /** Content folder; default `<root>/content`. */
  contentDir?: string | undefined;
  /** Mapping file path or name in `import-mappings/`. */
  mapping: string;
  /** Source file; default the mapping's `source`. */
  source?: string | undefined;
  dryRun?: boolean | undefined;
  force?: boolean | undefined;
  /** Only the first N rows. */
  limit?: number | undefined;
  /** Date for `added` / `modified` (YYYY-MM-DD); default today. */
  today?: string | undefined;
}

export interface ImportReport {
  mapping: string;
  collection: string;
  source: string;
  dryRun: boolean;
  rows: RowResult[];
  counts: Record<Action, number>;
  /** For a mapping with `units`: organisations found, skipped by a rule, merged. */
  units?: UnitCounts | undefined;
}

const HASH_LINE = /^ {2}hash: [0-9a-f]{64}\n/m;

/**
 * A row built into record data by the mapping, or why not: the preparer refused it or left it
 * out of scope, or a field rejected it (or skipped it, for a scope rule written as a field).
 */
export function buildRow(
  mapping: Mapping,
  row: SourceRow,
):
  | { built: BuiltRecord }
  | { action: 'rejected' | 'skipped-scope'; field?: string | undefined; reason: string } {
  const refused = preparedRejection(row);
  if (refused) return { action: 'rejected', ...refused };
  const outside = preparedSkip(row);
  if (outside) return { action: 'skipped-scope', ...outside };
  try {
    return { built: buildRecord(mapping, row.data) };
  } catch (error) {
    if (!(error instanceof FieldRejection)) throw error;
    const action = error instanceof FieldSkip ? 'skipped-scope' : 'rejected';
    return { action, field: error.field, reason: error.reason };
  }
}

/**
 * The import key of a row, remembered in `seen`; or why the row is rejected: an empty key
 * column, or a key that an earlier row of the same file already has.
 */
export function rowKey(
  row: SourceRow,
  mapping: Mapping,
  seen: Set<string>,
): { key: string } | { field: string; reason: string } {
  const raw = valueAtPath(row.data, mapping.key);
  const key = raw === undefined || raw === null ? '' : String(raw).trim();
  if (key === '')
    return { field: mapping.key, reason: `the key column "${mapping.key}" is empty / 主键列为空` };
  if (seen.has(key))
    return {
      field: mapping.key,
      reason: `key "${key}" appears more than once in the file / 主键重复`,
    };
  seen.add(key);
  return { key };
}

/** SHA-256 of a record file's text with its `imported.hash` line left out. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(HASH_LINE, '')).digest('hex');
}

const toYmd = (value: unknown): string | undefined =>
  value instanceof Date
    ? value.toISOString().slice(0, 10)
    : typeof value === 'string' && value.trim()
      ? value.trim()
      : undefined;

/** Orders top-level fields as the schema declares them, so files read alike. */
function ordered(mapping: Mapping, data: Data): Data {
  const shape = Object.keys(
    (schemas[mapping.collection] as unknown as { shape: Record<string, unknown> }).shape,
  );
  const out: Data = {};
  for (const key of shape) if (data[key] !== undefined) out[key] = data[key];
  return out;
}

/** The record file's text: commented frontmatter, then the body. */
export function renderFile(mapping: Mapping, data: Data, body: string): string {
  const { id, ...fields } = data;
  const withoutHash = {
    id,
    ...fields,
    imported: { mapping: mapping.name, key: (data['imported'] as Data)['key'] },
  };
  const yaml = (d: Data) => stringify(d, { lineWidth: 0 });
  const header =
    `# 由 npm run import 按映射 “${mapping.name}” 生成；可以修改，修改后重新导入将跳过本文件（除非加 --force）。\n` +
    `# Generated by npm run import (mapping "${mapping.name}"). You may edit it: a re-import then leaves it alone unless run with --force.\n`;
  const draft = `---\n${header}${yaml(withoutHash)}---\n\n${body}`;
  const hash = contentHash(draft);
  const final = { ...withoutHash, imported: { ...(withoutHash.imported as Data), hash } };
  return `---\n${header}${yaml(final)}---\n\n${body}`;
}

function normalise(value: unknown): string {
  return String(value).toLowerCase().replace(/\s+/g, '');
}

/** The hand-written record that already describes this row, if any. */
function findExisting(mapping: Mapping, data: Data, row: SourceRow, candidates: ExistingRecord[]) {
  for (const rule of mapping.existing) {
    const wanted = Object.entries(rule).map(
      ([path, template]) => [path, renderTemplate(template, row.data, data)] as const,
    );
    if (wanted.some(([, v]) => v === undefined)) continue;
    const match = candidates.find((record) =>
      wanted.every(([path, v]) =>
        valuesAtPath(record.data, path).some((have) => normalise(have) === normalise(v)),
      ),
    );
    if (match) return { record: match, fields: wanted.map(([p]) => p).join(' + ') };
  }
  return undefined;
}

function schemaProblems(
  mapping: Mapping,
  data: Data,
): { field: string; reason: string } | undefined {
  const result = schemas[mapping.collection].safeParse(data);
  if (result.success) return undefined;
  const problems = result.error.issues.map((issue) => describeIssue(issue, data));
  const first = problems[0];
  return {
    field: first?.field ?? '(record)',
    reason: problems.map((p) => `${p.field}: ${p.en} / ${p.zh}`).join('; '),
  };
}

/** The first problem the body rules of `npm run check` find in a generated body. */
function bodyProblem(body: string): { field: string; reason: string } | undefined {
  const [first] = checkBody(body, 'md').problems;
  return first && { field: '(body)', reason: `${first.en} / ${first.zh}` };
}

/** A row that was built, waiting for the write decision. */
interface Planned {
  row: SourceRow;
  at: { row: number; line?: number | undefined; key: string };
  key: string;
  built: BuiltRecord;
  /** The media files to copy beside the record, checked against their SHA-256. */
  media: CheckedMedia[];
  /** The preparer's note on the row, reported with its outcome. */
  noted: { reason?: string };
}

const sameSource = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The translated titles of a mapping with `titles`. Two different objects must not share a
 * Chinese title unless their source titles are the same: where translation makes them the
 * same, each gets the mapping's `distinct` suffix (the museum and accession number).
 */
function distinctTitles(mapping: Mapping, planned: Planned[]): Map<SourceRow, TitleOutcome> {
  const spec = mapping.titles!;
  const outcomes = new Map<SourceRow, TitleOutcome>();
  const groups = new Map<string, Planned[]>();
  for (const p of planned) {
    const result = p.built.working[spec.result] as { zh?: string; missing?: string[] } | undefined;
    const source = String(valueAtPath(p.row.data, spec.source) ?? '');
    outcomes.set(p.row, { source, zh: result?.zh, missing: result?.missing ?? [] });
    if (!result?.zh) continue;
    const title = String(valueAtPath(p.built.data, spec.field) ?? '');
    groups.set(title, [...(groups.get(title) ?? []), p]);
  }
  for (const [title, group] of groups) {
    if (new Set(group.map((p) => sameSource(outcomes.get(p.row)!.source))).size < 2) continue;
    for (const p of group) {
      const suffix = renderTemplate(spec.distinct, p.row.data, p.built.data) ?? '';
      setPath(p.built.data, spec.field, `${title}${suffix}`);
      outcomes.get(p.row)!.zh = `${title}${suffix}`;
    }
  }
  return outcomes;
}

/** One row per organisation for a mapping with `units` (scope rules from the mapping it names). */
function unitRows(root: string, mapping: Mapping, rows: SourceRow[]): UnitRows | undefined {
  const spec = mapping.units;
  if (!spec) return undefined;
  const scope = spec.scope;
  const scopeMapping = scope ? loadMapping(resolveMappingPath(root, scope.mapping)) : undefined;
  return groupUnits(rows, spec, (row) => {
    if (!scope || !scopeMapping) return;
    const text = String(valueAtPath(row, scope.column) ?? '');
    // a row no rule accepts is out of scope too: the other import would reject it for that
    if (applyRules(scopeMapping, scope.map, text) === undefined)
      throw new RejectError(`no rule of map "${scope.map}" accepts "${text}"`);
  });
}

/** Runs an import (or plans it, with `dryRun`). */
export function runImport(options: ImportOptions): ImportReport {
  const { root } = options;
  const contentDir = options.contentDir ?? join(root, 'content');
  const mapping = loadMapping(resolveMappingPath(root, options.mapping));
  const sourcePath = options.source ?? (mapping.source ? join(root, mapping.source) : undefined);
  if (!sourcePath)
    throw new Error(`no source file given, and mapping "${mapping.name}" names none`);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const rel = (path: string) => {
    const r = relative(root, path).split(sep).join('/');
    return r.startsWith('..') ? path : r;
  };

  const all = scanContent(contentDir);
  let rows = prepareRows(readSource(sourcePath, mapping.records), {
    mapping,
    sourcePath,
    records: all,
  });
  if (options.limit !== undefined) rows = rows.slice(0, options.limit);
  const units = unitRows(root, mapping, rows);
  if (units) rows = units.rows;
  if (mapping.into) {
    const into = importInto({ mapping, rows, records: all, rel });
    if (!options.dryRun) for (const { path, text } of into.writes) writeFileSync(path, text);
    return report(mapping, rel(sourcePath), options, into.results);
  }

  const ids = IdAllocator.forContent(contentDir, all);
  const inCollection = scanCollection(contentDir, mapping.collection);
  const importedBy = (r: ExistingRecord) =>
    r.data?.['imported'] as { mapping?: string; key?: string; hash?: string } | undefined;
  const byKey = new Map(
    inCollection
      .filter((r) => importedBy(r)?.mapping === mapping.name)
      .map((r) => [String(importedBy(r)?.key), r] as const),
  );
  const handWritten = inCollection.filter((r) => importedBy(r)?.mapping !== mapping.name && r.data);
  const retired = new Set(
    readRetired(contentDir)
      .filter((r) => r.mapping === mapping.name && r.key !== undefined)
      .map((r) => String(r.key)),
  );
  const taken = new Set(inCollection.map((r) => r.folder));
  const seenKeys = new Set<string>();
  const results: RowResult[] = (units?.leftOut ?? []).map((left) => ({
    ...left,
    action: 'skipped-scope' as const,
  }));
  const writes: { path: string; text: string }[] = [];
  const copies: MediaPlan[] = [];

  const planned: Planned[] = [];
  for (const row of rows) {
    const joined = joinedRows(row);
    const base = { row: row.row, line: row.line, ...(joined.length > 0 ? { joined } : {}) };
    const keyed = rowKey(row, mapping, seenKeys);
    if ('reason' in keyed) {
      results.push({ ...base, action: 'rejected', ...keyed });
      continue;
    }
    const { key } = keyed;
    const at = { ...base, key };
    if (retired.has(key)) {
      results.push({
        ...at,
        action: 'skipped-retired',
        reason: 'listed in content/retired-ids.json / 已在退役编号表中',
      });
      continue;
    }

    const outcome = buildRow(mapping, row);
    if ('reason' in outcome) {
      results.push({ ...at, ...outcome });
      continue;
    }
    const { built } = outcome;

    let media: CheckedMedia[] = [];
    if (mapping.media) {
      const checked = checkMedia(valueAtPath(row.data, mapping.media), dirname(sourcePath));
      if ('rejection' in checked) {
        results.push({ ...at, action: 'rejected', ...checked.rejection });
        continue;
      }
      media = checked.media;
    }

    const note = preparedNote(row);
    planned.push({ row, at, key, built, media, noted: note ? { reason: note } : {} });
  }

  const titles = mapping.titles
    ? distinctTitles(mapping, planned)
    : new Map<SourceRow, TitleOutcome>();
  for (const { row, at, key, built, media, noted } of planned) {
    const title = titles.get(row);
    const prior = byKey.get(key);
    if (!prior) {
      const existing = findExisting(mapping, built.data, row, handWritten);
      if (existing) {
        results.push({
          ...at,
          title,
          action: 'skipped-existing',
          file: rel(existing.record.file),
          id: existing.record.id,
          reason: `a hand-written record already describes it (same ${existing.fields}); the row is not imported / 已有人工记录，未导入`,
        });
        continue;
      }
    }

    const priorData = prior?.data ?? {};
    // fields another import fills in these records (a craft's regional entries) stay as they are
    const kept = Object.fromEntries(mapping.keeps.map((field) => [field, priorData[field]]));
    const compose = (modified: string | undefined): Data => ({
      ...ordered(mapping, {
        id: prior?.id,
        ...kept,
        ...built.data,
        added: toYmd(priorData['added']) ?? today,
        modified,
      }),
      imported: { mapping: mapping.name, key },
    });
    const data = compose(toYmd(priorData['modified']));
    // the ID is handed out only once the row is valid: validate with a well-formed stand-in
    const problem =
      schemaProblems(mapping, {
        ...data,
        id: prior?.id ?? `${idPrefixes[mapping.collection]}-000000`,
      }) ?? bodyProblem(built.body);
    if (problem) {
      results.push({ ...at, title, action: 'rejected', ...problem });
      continue;
    }

    if (prior) {
      const stored = importedBy(prior)?.hash;
      if (!options.force && stored !== contentHash(prior.text)) {
        results.push({
          ...at,
          title,
          action: 'skipped-edited',
          file: rel(prior.file),
          id: prior.id,
          reason:
            'edited by hand since the last import (use --force to overwrite) / 已被人工修改，如需覆盖请加 --force',
        });
        continue;
      }
      const plan = planCopies(media, dirname(prior.file));
      if (plan.conflict) {
        results.push({
          ...at,
          title,
          action: 'skipped-edited',
          file: rel(prior.file),
          id: prior.id,
          reason: `${plan.conflict} in the record's folder differs from the source's file; masters are never overwritten / 记录文件夹中的 ${plan.conflict} 与源文件不同，母版不会被覆盖`,
        });
        continue;
      }
      copies.push(plan);
      const same = renderFile(mapping, data, built.body);
      if (same === prior.text && plan.copies.length === 0) {
        results.push({
          ...at,
          title,
          action: 'unchanged',
          file: rel(prior.file),
          id: prior.id,
          ...noted,
        });
        continue;
      }
      if (same === prior.text) {
        results.push({
          ...at,
          title,
          action: 'updated',
          file: rel(prior.file),
          id: prior.id,
          reason: `copied ${plan.copies.length} missing media file(s) / 补齐媒体文件`,
        });
        continue;
      }
      const text = renderFile(mapping, compose(today), built.body);
      writes.push({ path: prior.file, text });
      results.push({
        ...at,
        title,
        action: 'updated',
        file: rel(prior.file),
        id: prior.id,
        ...noted,
      });
      continue;
    }

    const id = ids.next(mapping.collection);
    const wantedSlug =
      slugify(renderTemplate(mapping.slug, row.data, built.data) ?? '') ||
      slugify(key) ||
      id.toLowerCase();
    const folder = uniqueSlug(wantedSlug, taken);
    taken.add(folder);
    const path = join(contentDir, mapping.collection, folder, 'index.md');
    writes.push({ path, text: renderFile(mapping, { ...data, id }, built.body) });
    copies.push(planCopies(media, dirname(path)));
    results.push({ ...at, title, action: 'created', file: rel(path), id, ...noted });
  }

  if (!options.dryRun) {
    for (const { path, text } of writes) {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
    }
    copies.forEach(copyMedia);
  }
  results.sort((a, b) => a.row - b.row);
  return report(mapping, rel(sourcePath), options, results, units?.counts);
}

function report(
  mapping: Mapping,
  source: string,
  options: ImportOptions,
  results: RowResult[],
  units?: UnitRows['counts'],
): ImportReport {
  const counts = Object.fromEntries(
    ACTIONS.map((a) => [a, results.filter((r) => r.action === a).length]),
  ) as Record<Action, number>;
  return {
    mapping: mapping.name,
    collection: mapping.into ?? mapping.collection,
    source,
    dryRun: Boolean(options.dryRun),
    rows: results,
    counts,
    ...(units ? { units } : {}),
  };
}
