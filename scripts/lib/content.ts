/**
 * Reads the records in `content/` the same way the site does (the same folders through
 * `listRecordFolders`, the same schemas) and reports every problem with its file, line and
 * field. Used by `npm run check`, the search indexer, the importer and the tests.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { LineCounter, parseDocument, isMap, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { listRecordFolders } from '../../src/lib/records/record-files.ts';
import type { RecordRef } from '../../src/lib/records/record-ref.ts';
import { schemas, type Collection } from '../../src/schemas/index.ts';
import { describeIssue, type Problem } from './problems.ts';

export type { Problem };

/** A record in the one record shape, with where it was read from. */
export interface LoadedRecord<C extends Collection = Collection> extends RecordRef<C> {
  /** Path of the record file, relative to the project root. */
  file: string;
  /** Absolute path of the record's folder. */
  dir: string;
  /** The MDX or Markdown body. */
  body: string;
  /** Line of the body's first line in the file (for messages). */
  bodyLine: number;
}

export type AnyRecord = { [C in Collection]: LoadedRecord<C> }[Collection];

export interface LoadResult {
  /** How many record files were read. */
  files: number;
  records: AnyRecord[];
  problems: Problem[];
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

interface ParsedFile {
  doc: Document;
  lines: LineCounter;
  raw: unknown;
  body: string;
  bodyLine: number;
  /** Line of the first YAML line in the file. */
  offset: number;
}

function parseRecordFile(text: string): ParsedFile | Problem[] {
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return [
      {
        field: '(frontmatter)',
        en: 'the file does not start with a frontmatter block between two --- lines',
        zh: '文件开头缺少以 --- 包围的 frontmatter 元数据块',
        fix: 'start the file with ---, the YAML fields, then --- / 在文件开头加上 ---、YAML 字段和 ---',
      },
    ];
  }
  const lines = new LineCounter();
  const doc = parseDocument(match[1] ?? '', { lineCounter: lines });
  if (doc.errors.length > 0) {
    return doc.errors.map((error) => ({
      field: '(YAML)',
      line: (error.linePos?.[0]?.line ?? 0) + 1,
      en: `malformed YAML: ${error.message.split('\n')[0]}`,
      zh: 'YAML 格式错误',
      fix: 'check indentation, colons and quotes on that line / 检查该行的缩进、冒号和引号',
    }));
  }
  const bodyStart = match[0].length;
  return {
    doc,
    lines,
    raw: doc.toJS(),
    body: text.slice(bodyStart),
    bodyLine: text.slice(0, bodyStart).split('\n').length,
    offset: 2,
  };
}

/** Line in the file of the value at `path`, where the YAML has it. */
function lineOf(parsed: ParsedFile, path: PropertyKey[]): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const node = parsed.doc.getIn(path.slice(0, depth) as (string | number)[], true) as
      { range?: [number, number, number] } | undefined;
    if (node?.range) return parsed.lines.linePos(node.range[0]).line + parsed.offset - 1;
  }
  return undefined;
}

function unknownFields(parsed: ParsedFile, schema: z.ZodType): Problem[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (!shape || !isMap(parsed.doc.contents)) return [];
  return Object.keys(parsed.raw as Record<string, unknown>)
    .filter((key) => !(key in shape))
    .map((key) => ({
      field: key,
      line: lineOf(parsed, [key]),
      en: `unknown field "${key}"`,
      zh: `未知字段 “${key}”`,
      fix: `check the spelling; allowed fields: ${Object.keys(shape).join(', ')} / 请检查拼写`,
    }));
}

/** Reads and validates one record file. */
export function loadRecordFile(
  root: string,
  collection: Collection,
  path: string,
): { record?: AnyRecord; problems: Problem[] } {
  const file = relative(root, path).split(sep).join('/');
  const withFile = (problems: Problem[]) => problems.map((p) => ({ ...p, file }));
  const parsed = parseRecordFile(readFileSync(path, 'utf8'));
  if (Array.isArray(parsed)) return { problems: withFile(parsed) };
  const schema = schemas[collection];
  const result = schema.safeParse(parsed.raw);
  const problems = unknownFields(parsed, schema);
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const key = issue.path.join('.');
      if (seen.has(key)) continue; // the first complaint about a field is the useful one
      seen.add(key);
      problems.push({ ...describeIssue(issue, parsed.raw), line: lineOf(parsed, issue.path) });
    }
    return { problems: withFile(problems) };
  }
  const dir = resolve(path, '..');
  const slug = dir.split(sep).pop() ?? '';
  const record = {
    collection,
    slug,
    file,
    dir,
    data: result.data,
    body: parsed.body,
    bodyLine: parsed.bodyLine,
  } as AnyRecord;
  return { record, problems: withFile(problems) };
}

/** Loads every record of every collection, with the problems found in each file. */
export function loadRecords(root: string, contentDir = join(root, 'content')): LoadResult {
  const records: AnyRecord[] = [];
  const problems: Problem[] = [];
  const folders = listRecordFolders(contentDir);
  for (const folder of folders) {
    const loaded = loadRecordFile(root, folder.collection, folder.file);
    if (loaded.record) records.push(loaded.record);
    problems.push(...loaded.problems);
  }
  return { files: folders.length, records, problems };
}

/** Whether `file` (relative to the record folder) stays inside it, following links. */
export function isInsideFolder(dir: string, file: string): boolean {
  const target = resolve(dir, file);
  const base = realpathSync(dir);
  const real = existsSync(target) ? realpathSync(target) : target;
  return real === base || real.startsWith(base + sep);
}
