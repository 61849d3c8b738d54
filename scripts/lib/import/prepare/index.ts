/**
 * Source-specific preparation of import rows (a mapping's `prepare`): what the generic mapping
 * steps cannot do, such as joining a row with another file or with the records already in the
 * archive, joining several photographs of one object into one row or reading a bilingual
 * caption. A preparer returns the rows with computed columns (names starting with `_`); a row it
 * cannot prepare carries `_rejected`, a row it leaves out on purpose `_skipped` (field and
 * reason each), and both are reported like any other row.
 */
import type { SourceRow } from '../source.ts';
import { prepareChinesenotesPhotos } from './chinesenotes-photos.ts';
import { prepareNationalList } from './national-list.ts';
import {
  JOINED,
  NOTE,
  RECORDS,
  REJECTED,
  SKIPPED,
  type PrepareContext,
  type Preparer,
} from './rows.ts';

export { JOINED, RECORDS, REJECTED, type PrepareContext };

const preparers: Record<string, Preparer> = {
  'national-list': prepareNationalList,
  'chinesenotes-photos': prepareChinesenotesPhotos,
};

/** Runs the mapping's preparer, if it names one. */
export function prepareRows(rows: SourceRow[], context: PrepareContext): SourceRow[] {
  const name = context.mapping.prepare?.name;
  if (name === undefined) return rows;
  const preparer = preparers[name];
  if (!preparer) {
    throw new Error(
      `mapping "${context.mapping.name}" names the preparer "${name}", which does not exist (known: ${Object.keys(preparers).join(', ')}) / 未知的预处理步骤`,
    );
  }
  return preparer(rows, context);
}

/** The other source rows a prepared row stands for (joined into it). */
export function joinedRows(row: SourceRow): number[] {
  const joined = row.data[JOINED];
  return Array.isArray(joined) ? joined.filter((n): n is number => typeof n === 'number') : [];
}

type Flag = { field: string; reason: string };
const flag = (row: SourceRow, column: string): Flag | undefined => {
  const f = row.data[column] as { field?: unknown; reason?: unknown } | undefined;
  return f && typeof f.field === 'string' && typeof f.reason === 'string'
    ? { field: f.field, reason: f.reason }
    : undefined;
};

/** The rejection a preparer put on a row, if any. */
export const preparedRejection = (row: SourceRow) => flag(row, REJECTED);

/** The reason a preparer left a row out, if it did. */
export const preparedSkip = (row: SourceRow) => flag(row, SKIPPED);

/** A preparer's note on a row it prepared (reported beside the row's action). */
export function preparedNote(row: SourceRow): string | undefined {
  const note = row.data[NOTE];
  return typeof note === 'string' ? note : undefined;
}
