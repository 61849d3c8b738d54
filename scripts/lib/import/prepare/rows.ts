/** What preparers and the importer share: the context a preparer gets and the row columns it sets. */
import type { Mapping } from '../mapping.ts';
import type { ExistingRecord } from '../registry.ts';
import type { SourceRow } from '../source.ts';

export interface PrepareContext {
  mapping: Mapping;
  /** Absolute path of the source file (media paths are relative to its folder). */
  sourcePath: string;
  /** Every record already in the content folder (drafts included), for joins. */
  records: ExistingRecord[];
}

export type Preparer = (rows: SourceRow[], context: PrepareContext) => SourceRow[];

/** Row column marking a row the preparer rejects: `{ field, reason }`. */
export const REJECTED = '_rejected';
/** Row column marking a row the preparer leaves out on purpose: `{ field, reason }`. */
export const SKIPPED = '_skipped';
/** Row column with a note on a row that is imported (a join that partly failed). */
export const NOTE = '_note';
/** Row column listing the record IDs an `into` mapping puts the row's item into. */
export const RECORDS = '_records';
/** Row column listing the other source rows a prepared row stands for. */
export const JOINED = '_joined';
