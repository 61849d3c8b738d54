/**
 * What already exists in `content/`, read cheaply and including drafts (`_slug` folders), for
 * `npm run new` and `npm run import`: every record's ID (to hand out the next free one), every
 * record's import key (so a re-import updates the same folder) and the IDs retired in
 * `content/retired-ids.json` (never handed out again).
 *
 * Validation is not done here: `loadRecords` / `checkContent` do that. A file whose YAML is
 * broken still counts with whatever ID line it has, so its ID is never given to another record.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listRecordFolders, type RecordFolder } from '../../../src/lib/records/record-files.ts';
import { idPrefixes, type Collection } from '../../../src/schemas/index.ts';

/** A record file as found on disk, draft or not. */
export interface ExistingRecord {
  collection: Collection;
  /** Folder name (a draft starts with `_`). */
  folder: string;
  /** Absolute path of the record file. */
  file: string;
  /** Its text. */
  text: string;
  /** Parsed frontmatter, or undefined when the YAML is broken. */
  data: Record<string, unknown> | undefined;
  id: string | undefined;
}

/** One retired ID. The file is committed, so IDs of deleted records are never reused. */
export interface RetiredId {
  id: string;
  /** Why it was retired (record deleted, merged into another …). */
  reason?: string;
  /** For a deleted imported record: its mapping and key, so a re-import does not bring it back. */
  mapping?: string;
  key?: string;
}

export const RETIRED_FILE = 'retired-ids.json';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;
const ID_LINE = /^id:\s*["']?([A-Z]{3}-\d{6})["']?\s*$/m;

/** Frontmatter of a record file as a plain object, or undefined when it cannot be read. */
export function readFrontmatter(text: string): Record<string, unknown> | undefined {
  const match = FRONTMATTER.exec(text);
  if (!match) return undefined;
  try {
    const data: unknown = parse(match[1] ?? '');
    return data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A record file as it is on disk, read without validation. */
function existingRecord({ collection, slug, file }: RecordFolder): ExistingRecord {
  const text = readFileSync(file, 'utf8');
  const data = readFrontmatter(text);
  const id = typeof data?.['id'] === 'string' ? data['id'] : ID_LINE.exec(text)?.[1];
  return { collection, folder: slug, file, text, data, id };
}

/** Every record file of one collection, drafts included. */
export function scanCollection(contentDir: string, collection: Collection): ExistingRecord[] {
  return listRecordFolders(contentDir, { drafts: true, only: [collection] }).map(existingRecord);
}

/** Every record file of every collection, drafts included. */
export function scanContent(contentDir: string): ExistingRecord[] {
  return listRecordFolders(contentDir, { drafts: true }).map(existingRecord);
}

/** IDs retired for good, from `content/retired-ids.json` (a missing file means none). */
export function readRetired(contentDir: string): RetiredId[] {
  const path = join(contentDir, RETIRED_FILE);
  if (!existsSync(path)) return [];
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const list = Array.isArray(data) ? data : (data as { retired?: unknown }).retired;
  if (!Array.isArray(list)) throw new Error(`${path}: expected a list of {"id": …} entries`);
  return list.map((entry: unknown) =>
    typeof entry === 'string' ? { id: entry } : (entry as RetiredId),
  );
}

/** Hands out stable IDs: one more than the highest ever used, drafts and retired IDs included. */
export class IdAllocator {
  private readonly highest = new Map<Collection, number>();

  constructor(existing: Iterable<string | undefined>) {
    for (const id of existing) if (id) this.see(id);
  }

  static forContent(contentDir: string, records = scanContent(contentDir)): IdAllocator {
    return new IdAllocator([
      ...records.map((r) => r.id),
      ...readRetired(contentDir).map((r) => r.id),
    ]);
  }

  /** Notes an ID as used. */
  see(id: string): void {
    const collection = (Object.keys(idPrefixes) as Collection[]).find((c) =>
      id.startsWith(`${idPrefixes[c]}-`),
    );
    const number = Number(id.slice(4));
    if (!collection || !Number.isInteger(number)) return;
    this.highest.set(collection, Math.max(this.highest.get(collection) ?? 0, number));
  }

  /** The next free ID of a collection, reserved at once. */
  next(collection: Collection): string {
    const number = (this.highest.get(collection) ?? 0) + 1;
    if (number > 999_999) throw new Error(`no IDs left for ${collection}`);
    const id = `${idPrefixes[collection]}-${String(number).padStart(6, '0')}`;
    this.see(id);
    return id;
  }
}
