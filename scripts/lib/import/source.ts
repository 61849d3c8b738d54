/**
 * Reads the rows of an import source: a CSV file (RFC 4180: quoted fields, doubled quotes,
 * newlines inside quotes, optional BOM) or a JSON file (an array of objects, or an object whose
 * `records` path holds one).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

export type Row = Record<string, unknown>;

export interface SourceRow<D extends Row = Row> {
  /** 1-based position among the data rows (the header does not count). */
  row: number;
  /** Line of the row in a CSV file, for messages. */
  line?: number;
  data: D;
}

/** A row of CSV cells and the line it starts on. */
interface CsvRecord {
  line: number;
  cells: string[];
}

/** Splits CSV text into rows of cells (RFC 4180 quoting; LF, CRLF or CR line ends; a BOM). */
function csvRecords(text: string): CsvRecord[] {
  const input = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: startLine, cells });
      cells = [];
      cell = '';
      line++;
      startLine = line;
    } else cell += ch;
  }
  if (quoted) throw new Error(`CSV: a quoted field opened on line ${startLine} is never closed`);
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: startLine, cells });
  }
  return records;
}

/**
 * Parses CSV text into rows of strings keyed by the header, blank lines skipped, cells trimmed.
 * Empty cells are left out. The one CSV reader of the commands (import, benchmarks).
 */
export function parseCsv(text: string): SourceRow<Record<string, string>>[] {
  const nonEmpty = csvRecords(text).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...body] = nonEmpty;
  if (!header) return [];
  const names = header.cells.map((c) => c.trim());
  return body.map((record, index) => {
    const data: Record<string, string> = {};
    names.forEach((name, i) => {
      const value = record.cells[i]?.trim();
      if (name && value !== undefined && value !== '') data[name] = value;
    });
    return { row: index + 1, line: record.line, data };
  });
}

/** Value at a dot path (`a.b.c`) of a JSON value. */
export function valueAtPath(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.').filter(Boolean)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Rows of a JSON document: the array itself, or the array at `recordsPath`. */
export function parseJsonRows(text: string, recordsPath?: string): SourceRow[] {
  const doc: unknown = JSON.parse(text);
  const list = recordsPath ? valueAtPath(doc, recordsPath) : doc;
  if (!Array.isArray(list)) {
    throw new Error(
      recordsPath
        ? `JSON: "${recordsPath}" is not a list of records`
        : 'JSON: the file is not a list of records (set "records" in the mapping to the path of the list)',
    );
  }
  return list.map((data: unknown, index) => ({
    row: index + 1,
    data: data !== null && typeof data === 'object' ? (data as Row) : { value: data },
  }));
}

/** Reads a CSV or JSON source file by its extension. */
export function readSource(path: string, recordsPath?: string): SourceRow[] {
  const text = readFileSync(path, 'utf8');
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return parseCsv(text);
  if (ext === '.json') return parseJsonRows(text, recordsPath);
  throw new Error(
    `unsupported source "${path}": use a .csv or .json file / 仅支持 .csv 或 .json 文件`,
  );
}
