/**
 * Which folders are records, the one rule for the site and every command: a record is
 * `content/<collection>/<slug>/index.mdx` (or `index.md` for imported records that need no
 * components); a folder whose name starts with `_` is a draft, one starting with `.` is hidden.
 * The collections are those of the schemas. The rule is written once, as the glob pattern that
 * Astro's `glob` loader runs (src/content.config.ts); {@link listRecordFolders} runs the same
 * pattern through the same glob engine (tinyglobby) for `npm run check`, ingest, index, import and
 * new, so the site and the commands always see the same records.
 * Not pure: reads the file system.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { collections, type Collection } from '../../schemas/index.ts';

export { collections, type Collection };

/** Names of a record file, the preferred first (a folder holding both is read as its `.mdx`). */
export const RECORD_FILES = ['index.mdx', 'index.md'] as const;

/** Whether a path relative to a record folder is its record file. */
export function isRecordFile(rel: string): boolean {
  return RECORD_FILES.some((name) => name === rel);
}

/** Folders whose name starts with this are drafts: kept out of the site and the checks. */
export const DRAFT_PREFIX = '_';

/** Glob of record files inside one collection folder, drafts included (hidden folders never). */
const ANY_RECORD = '*/index.{md,mdx}';

/** Glob of record files inside one collection folder, drafts excluded: the site's pattern. */
export const recordPattern = [ANY_RECORD, `!${DRAFT_PREFIX}*/**`];

/** The record's slug (its folder name) from a path relative to the collection folder. */
export function recordSlug(entry: string): string {
  return entry.replace(/\\/g, '/').replace(/\/index\.mdx?$/, '');
}

/** Whether a record folder's name marks it as a draft. */
export function isDraftFolder(name: string): boolean {
  return name.startsWith(DRAFT_PREFIX);
}

/** The folder name of a draft of `slug`. */
export function draftFolder(slug: string): string {
  return `${DRAFT_PREFIX}${slug}`;
}

/** The folder name a draft gets when published. */
export function publishedSlug(folder: string): string {
  return isDraftFolder(folder) ? folder.slice(DRAFT_PREFIX.length) : folder;
}

/** A record folder under `content/`. */
export interface RecordFolder {
  collection: Collection;
  /** Folder name (a draft's starts with `_`). */
  slug: string;
  /** Absolute path of the folder. */
  dir: string;
  /** Absolute path of its record file. */
  file: string;
}

export interface ListOptions {
  /** Include draft folders (`_slug`): the ID registry must see them. Default false. */
  drafts?: boolean;
  /** Only these collections. Default all, in the schemas' order. */
  only?: readonly Collection[];
}

/** The record file of a folder (`index.mdx` before `index.md`), when it has one. */
export function recordFileIn(dir: string): string | undefined {
  return RECORD_FILES.map((name) => join(dir, name)).find((file) => existsSync(file));
}

/** Record folders of one collection, sorted by slug. */
function foldersOf(contentDir: string, collection: Collection, drafts: boolean): RecordFolder[] {
  const base = join(contentDir, collection);
  const matches = globSync(drafts ? [ANY_RECORD] : recordPattern, {
    cwd: base,
    expandDirectories: false,
  });
  const slugs = [...new Set(matches.map(recordSlug))].sort();
  return slugs.flatMap((slug) => {
    const dir = join(base, slug);
    const file = recordFileIn(dir);
    return file ? [{ collection, slug, dir, file }] : [];
  });
}

/** Every record folder under `contentDir`, collection by collection, each sorted by slug. */
export function listRecordFolders(contentDir: string, options: ListOptions = {}): RecordFolder[] {
  const only = options.only ?? collections;
  return only.flatMap((collection) => foldersOf(contentDir, collection, options.drafts ?? false));
}
