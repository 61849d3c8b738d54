/**
 * `into` mappings: each row becomes one item of a list inside existing records (a craft's
 * regional entries), not a record of its own. The mapping's preparer names the records a row
 * belongs to (column `_records`); the importer owns the list there:
 *
 * - it replaces the items it imports (matched by their key) and keeps the others, sorted by key;
 * - it edits only that field's block of the frontmatter, so a hand-written record keeps its
 *   comments and layout, and the same input changes nothing;
 * - in a record made by another import whose file still matches its hash, it updates the hash,
 *   so that import keeps treating the file as its own (it keeps the field: mapping `keeps`); a
 *   record edited by hand since keeps its stale hash and stays the curator's.
 */
import { isDeepStrictEqual } from 'node:util';
import { stringify } from 'yaml';
import { schemas } from '../../../src/schemas/index.ts';
import { describeIssue } from '../problems.ts';
import type { Data } from './build.ts';
import { buildRow, contentHash, rowKey, type RowResult } from './importer.ts';
import { INTO_FIELDS, type Mapping } from './mapping.ts';
import { RECORDS } from './prepare/index.ts';
import type { ExistingRecord } from './registry.ts';
import type { SourceRow } from './source.ts';

/** Field of an `into` item that holds the row's key (the entry number of a regional entry). */
const ITEM_KEY: Record<keyof typeof INTO_FIELDS, string> = {
  'crafts.entries': 'entry',
};

export interface IntoInput {
  mapping: Mapping;
  rows: SourceRow[];
  /** Every record in the content folder. */
  records: ExistingRecord[];
  /** Path relative to the project root, for messages. */
  rel: (path: string) => string;
}

export interface IntoPlan {
  results: RowResult[];
  writes: { path: string; text: string }[];
}

const FRONTMATTER = /^(---\r?\n)([\s\S]*?\r?\n)(---(?:\r?\n|$))/;

/** Start and end (exclusive) of a top-level key's block in frontmatter text, if it is there. */
function blockOf(yaml: string, key: string): { start: number; end: number } | undefined {
  const lines = yaml.split('\n');
  const first = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (first < 0) return undefined;
  let last = first + 1;
  // the block runs over indented lines (and lists written at column 0) up to the next key
  while (last < lines.length && /^(\s|- |$)/.test(lines[last] ?? '') && lines[last] !== '') last++;
  const offset = (n: number) => lines.slice(0, n).reduce((sum, line) => sum + line.length + 1, 0);
  return { start: offset(first), end: offset(last) };
}

/**
 * The record text with the top-level `key` set to `value`: its block replaced, or a new block
 * after the nearest field the schema lists before it (`after`), else at the end.
 */
export function setFrontmatterField(
  text: string,
  key: string,
  value: unknown,
  after: readonly string[],
): string {
  const match = FRONTMATTER.exec(text);
  if (!match) throw new Error('the record has no frontmatter');
  const [whole, open = '', yaml = '', close = ''] = match;
  const block = stringify({ [key]: value }, { lineWidth: 0 });
  const own = blockOf(yaml, key);
  let next: string;
  if (own) next = yaml.slice(0, own.start) + block + yaml.slice(own.end);
  else {
    const before = [...after]
      .reverse()
      .map((field) => blockOf(yaml, field))
      .find((b) => b !== undefined);
    const at = before?.end ?? yaml.length;
    next = yaml.slice(0, at) + block + yaml.slice(at);
  }
  return open + next + close + text.slice(whole.length);
}

const HASH_LINE = /^( {2}hash: )[0-9a-f]{64}$/m;

/** Hashed imported records that still match their hash get the new hash; others keep theirs. */
function rehash(before: string, after: string, record: ExistingRecord): string {
  const stored = (record.data?.['imported'] as { hash?: string } | undefined)?.hash;
  if (!stored || stored !== contentHash(before)) return after;
  return after.replace(HASH_LINE, `$1${contentHash(after)}`);
}

type Placed = { result: number; key: string; item: Data };

/** Plans an `into` import: per-row results and the record files to write. */
export function importInto(input: IntoInput): IntoPlan {
  const { mapping, rows, records, rel } = input;
  const into = mapping.into;
  if (!into) throw new Error(`mapping "${mapping.name}" is not an into mapping`);
  const [collection, field = ''] = into.split('.');
  const itemKey = ITEM_KEY[into];
  const itemSchema = INTO_FIELDS[into];
  const byId = new Map(
    records.filter((r) => r.collection === collection && r.id).map((r) => [r.id ?? '', r]),
  );
  const results: RowResult[] = [];
  const placed = new Map<string, Placed[]>();
  const seen = new Set<string>();

  for (const row of rows) {
    const base = { row: row.row, line: row.line };
    const keyed = rowKey(row, mapping, seen);
    if ('reason' in keyed) {
      results.push({ ...base, action: 'rejected', ...keyed });
      continue;
    }
    const { key } = keyed;
    const at = { ...base, key };
    const outcome = buildRow(mapping, row);
    if ('reason' in outcome) {
      results.push({ ...at, ...outcome });
      continue;
    }
    const item = outcome.built.data;
    const checked = itemSchema.safeParse(item);
    if (!checked.success) {
      const problems = checked.error.issues.map((issue) => describeIssue(issue, item));
      results.push({
        ...at,
        action: 'rejected',
        field: problems[0]?.field ?? '(item)',
        reason: problems.map((p) => `${p.field}: ${p.en} / ${p.zh}`).join('; '),
      });
      continue;
    }
    const ids = (row.data[RECORDS] as string[] | undefined) ?? [];
    const missing = ids.filter((id) => !byId.has(id));
    if (ids.length === 0 || missing.length > 0) {
      results.push({
        ...at,
        action: 'rejected',
        field: RECORDS,
        reason: `no ${collection} record to put it into / 找不到要写入的记录`,
      });
      continue;
    }
    results.push({ ...at, action: 'unchanged', id: ids.join(', ') });
    for (const id of ids)
      placed.set(id, [...(placed.get(id) ?? []), { result: results.length - 1, key, item }]);
  }

  const shape = Object.keys(
    (schemas[collection as 'crafts'] as unknown as { shape: object }).shape,
  );
  const after = shape.slice(0, shape.indexOf(field));
  const writes: IntoPlan['writes'] = [];
  for (const [id, items] of placed) {
    const record = byId.get(id);
    if (!record) continue;
    const current = ((record.data?.[field] ?? []) as Data[]).filter(
      (i) => i && typeof i === 'object',
    );
    const keys = new Set(items.map((i) => i.key));
    const list = [
      ...current.filter((i) => !keys.has(String(i[itemKey]))),
      ...items.map((i) => i.item),
    ];
    list.sort((a, b) => String(a[itemKey]).localeCompare(String(b[itemKey])));
    for (const { result, key, item } of items) {
      const prior = current.find((i) => String(i[itemKey]) === key);
      const change = !prior ? 'created' : isDeepStrictEqual(prior, item) ? 'unchanged' : 'updated';
      const r = results[result];
      if (!r) continue;
      // a row placed into several records reports its strongest change and every file
      const rank = { unchanged: 0, updated: 1, created: 2 } as const;
      if (r.action === 'unchanged' || rank[change] > rank[r.action as keyof typeof rank])
        r.action = change;
      r.file = r.file ? `${r.file}, ${rel(record.file)}` : rel(record.file);
    }
    const text = setFrontmatterField(record.text, field, list, after);
    if (text !== record.text)
      writes.push({ path: record.file, text: rehash(record.text, text, record) });
  }
  return { results, writes };
}
