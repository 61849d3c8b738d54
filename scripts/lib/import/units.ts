/**
 * Sources where one cell names several organisations and one organisation appears in several rows
 * (the protection units of the national list's regional entries). A mapping's `units` block turns
 * such rows into one row per organisation before the usual row-by-row import:
 *
 * - rows outside the archive's scope are left out by another mapping's rules (`scope`: the item
 *   import's craft rules, reused rather than copied);
 * - each cell is split at the separator, except inside brackets (`某中心（甲馆、乙馆）` is one unit);
 * - units that match a `skip` rule (public cultural bodies …) are left out with that rule's reason;
 * - rows naming the same unit become one row: the first row's columns, the unit under `as`, and
 *   every row that named it under `entries`.
 */
import { z } from 'astro/zod';
import { RejectError } from './transforms.ts';
import { valueAtPath, type Row, type SourceRow } from './source.ts';

export const unitsSpec = z
  .object({
    /** Column naming the organisations. */
    column: z.string(),
    /** Separator between organisations in one cell. */
    split: z.string().min(1),
    /** Column name under which each organisation's name is given to the fields. */
    as: z.string(),
    /** Column name under which the rows that named the organisation are given. */
    entries: z.string(),
    /** Rules of another mapping that decide whether a row is in scope (rows they reject are left out). */
    scope: z
      .object({ mapping: z.string(), map: z.string(), column: z.string() })
      .strict()
      .optional(),
    /** Organisations that are not imported, each rule with its reason. */
    skip: z.array(z.object({ match: z.string(), reason: z.string() }).strict()).default([]),
  })
  .strict();
export type UnitsSpec = z.infer<typeof unitsSpec>;

/** A row or organisation left out, with the reason. */
export interface LeftOut {
  row: number;
  line?: number | undefined;
  key: string;
  reason: string;
}

export interface UnitCounts {
  /** Source rows read. */
  rows: number;
  /** Rows left out by the scope rules. */
  outOfScope: number;
  /** Distinct organisations to import. */
  organisations: number;
  /** Distinct organisations left out by a skip rule (public bodies …). */
  skipped: number;
  /** Mentions folded into an organisation already named by an earlier row. */
  merged: number;
}

export interface UnitRows {
  rows: SourceRow[];
  leftOut: LeftOut[];
  counts: UnitCounts;
}

const OPEN = new Set(['(', '（', '[', '【']);
const CLOSE = new Set([')', '）', ']', '】']);

/** Splits `text` at `separator`, except inside brackets; parts trimmed, empty parts dropped. */
export function splitOutsideBrackets(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(current);
      current = '';
      i += separator.length - 1;
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** The same organisation written with half- or full-width brackets or stray spaces is one key. */
export function unitKey(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/**
 * Groups source rows by organisation. `inScope` is the scope test (it throws a `RejectError`
 * with the reason for a row out of scope).
 */
export function groupUnits(
  source: SourceRow[],
  spec: UnitsSpec,
  inScope: (row: Row) => void,
): UnitRows {
  const leftOut: LeftOut[] = [];
  const groups = new Map<string, { first: SourceRow; name: string; entries: Row[] }>();
  const skipped = new Set<string>();
  let outOfScope = 0;
  let merged = 0;
  const skipRules = spec.skip.map((r) => ({ pattern: new RegExp(r.match, 'u'), reason: r.reason }));
  for (const row of source) {
    try {
      inScope(row.data);
    } catch (error) {
      if (!(error instanceof RejectError)) throw error;
      outOfScope++;
      continue;
    }
    const cell = valueAtPath(row.data, spec.column);
    for (const name of splitOutsideBrackets(String(cell ?? ''), spec.split)) {
      const key = unitKey(name);
      const rule = skipRules.find((r) => r.pattern.test(name));
      if (rule) {
        if (!skipped.has(key))
          leftOut.push({ row: row.row, line: row.line, key: name, reason: rule.reason });
        skipped.add(key);
        continue;
      }
      const group = groups.get(key);
      if (group) {
        group.entries.push(row.data);
        merged++;
      } else groups.set(key, { first: row, name, entries: [row.data] });
    }
  }
  const rows = [...groups.values()].map((g) => ({
    row: g.first.row,
    ...(g.first.line === undefined ? {} : { line: g.first.line }),
    data: { ...g.first.data, [spec.as]: g.name, [spec.entries]: g.entries },
  }));
  return {
    rows,
    leftOut,
    counts: {
      rows: source.length,
      outOfScope,
      organisations: rows.length,
      skipped: skipped.size,
      merged,
    },
  };
}
