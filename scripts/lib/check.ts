/**
 * Every check that runs on content: schema (through `loadRecords`), unique IDs, references
 * between records, and media files that must exist inside each record's folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { idPrefixes, type Collection } from '../../src/schemas/index.ts';
import { isInsideFolder, loadRecords, type AnyRecord } from './content.ts';
import type { Problem } from './problems.ts';

/** Every record ID a record points at, with the field that holds it. */
export function referencesOf(record: AnyRecord): { field: string; id: string }[] {
  const refs: { field: string; id: string }[] = [];
  const add = (field: string, ids: readonly (string | undefined)[]) =>
    ids.forEach((id, i) => id && refs.push({ field: ids.length > 1 || field.endsWith('s') ? `${field}.${i}` : field, id }));
  switch (record.collection) {
    case 'works': {
      const d = record.data;
      add('techniques', d.techniques);
      d.makers.forEach((m, i) => m.person && refs.push({ field: `makers.${i}.person`, id: m.person }));
      if (d.cluster) refs.push({ field: 'cluster', id: d.cluster });
      break;
    }
    case 'crafts':
      add('relatedWorks', record.data.relatedWorks);
      break;
    case 'people':
      add('crafts', record.data.crafts);
      break;
    case 'clusters':
      add('crafts', record.data.crafts);
      add('works', record.data.works);
      add('people', record.data.people);
      break;
    case 'exhibitions':
      add('works', record.data.works);
      break;
  }
  return refs;
}

/** Media files a record names, with their fields. */
export function mediaFilesOf(record: AnyRecord): { field: string; file: string }[] {
  const files: { field: string; file: string }[] = [];
  const data = record.data as {
    images?: { file: string }[];
    models?: { file: string; poster?: string | undefined }[];
    cover?: { file: string } | undefined;
    steps?: { image?: string | undefined }[];
  };
  data.images?.forEach((m, i) => files.push({ field: `images.${i}.file`, file: m.file }));
  data.models?.forEach((m, i) => {
    files.push({ field: `models.${i}.file`, file: m.file });
    if (m.poster) files.push({ field: `models.${i}.poster`, file: m.poster });
  });
  if (data.cover) files.push({ field: 'cover.file', file: data.cover.file });
  data.steps?.forEach((s, i) => s.image && files.push({ field: `steps.${i}.image`, file: s.image }));
  return files;
}

function collectionOfId(id: string): Collection | undefined {
  const prefix = id.split('-')[0];
  return (Object.keys(idPrefixes) as Collection[]).find((c) => idPrefixes[c] === prefix);
}

function duplicateIds(records: AnyRecord[]): Problem[] {
  const first = new Map<string, AnyRecord>();
  const problems: Problem[] = [];
  for (const record of records) {
    const other = first.get(record.data.id);
    if (other) {
      problems.push({
        file: record.file,
        field: 'id',
        en: `ID ${record.data.id} is already used by ${other.file}`,
        zh: `编号 ${record.data.id} 已被 ${other.file} 使用`,
        fix: 'give this record the next free ID (npm run new picks one); IDs are never reused / 请改用下一个未使用的编号',
      });
    } else first.set(record.data.id, record);
  }
  return problems;
}

function brokenReferences(records: AnyRecord[]): Problem[] {
  const ids = new Set(records.map((r) => r.data.id));
  return records.flatMap((record) =>
    referencesOf(record)
      .filter((ref) => !ids.has(ref.id))
      .map((ref) => ({
        file: record.file,
        field: ref.field,
        en: `refers to ${ref.id}, but no ${collectionOfId(ref.id) ?? 'record'} has that ID`,
        zh: `引用的编号 ${ref.id} 不存在`,
        fix: 'correct the ID, or add the record it refers to / 请更正编号或先添加被引用的记录',
      })),
  );
}

function missingMedia(records: AnyRecord[]): Problem[] {
  return records.flatMap((record) =>
    mediaFilesOf(record).flatMap(({ field, file }): Problem[] => {
      if (!isInsideFolder(record.dir, file)) {
        return [
          {
            file: record.file,
            field,
            en: `"${file}" is outside the record's folder`,
            zh: `“${file}” 不在本记录的文件夹内`,
            fix: "copy the file into the record's folder and name it there / 请把文件复制到记录文件夹内",
          },
        ];
      }
      if (existsSync(join(record.dir, file))) return [];
      return [
        {
          file: record.file,
          field,
          en: `media file "${file}" does not exist`,
          zh: `媒体文件 “${file}” 不存在`,
          fix: "put the file next to index.mdx or correct the name (names are case-sensitive) / 请把文件放在 index.mdx 旁或更正文件名（区分大小写）",
        },
      ];
    }),
  );
}

export interface CheckResult {
  records: number;
  problems: Problem[];
}

/** Runs every content check over the project at `root`. */
export function checkContent(root: string, contentDir = join(root, 'content')): CheckResult {
  const { files, records, problems } = loadRecords(root, contentDir);
  problems.push(...duplicateIds(records), ...brokenReferences(records), ...missingMedia(records));
  return { records: files, problems };
}
