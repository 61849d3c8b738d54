/**
 * Media files an import copies beside its records (a mapping's `media` column): each source file
 * is hashed and must match the SHA-256 its source declares, or the row is rejected; a copy
 * already in place is left alone; a different file under the same name (replaced by hand) is
 * never overwritten, because masters are never modified.
 */
import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { mediaFile } from '../../../src/schemas/common.ts';

/** One file to place in the record's folder. */
export interface MediaItem {
  /** Path of the source file, relative to the source (manifest) file or absolute. */
  source: string;
  /** SHA-256 the source declares for it. */
  sha256: string;
  /** Its name in the record's folder. */
  file: string;
}

/** A media item checked against its source: where to copy it from. */
export interface CheckedMedia {
  from: string;
  file: string;
  sha256: string;
}

/** Files to copy into one record's folder. */
export interface MediaPlan {
  /** Files absent from the record's folder. */
  copies: { from: string; to: string }[];
  /** A file of the same name that differs from the source: left alone, and said so. */
  conflict?: string | undefined;
}

const hashes = new Map<string, string>();

/** SHA-256 of a file, read again only when its size or modification time changed. */
export function sha256Of(path: string): string {
  const { size, mtimeMs } = statSync(path);
  const key = `${path}\0${size}\0${mtimeMs}`;
  let hash = hashes.get(key);
  if (!hash) {
    hash = createHash('sha256').update(readFileSync(path)).digest('hex');
    hashes.set(key, hash);
  }
  return hash;
}

function isItem(value: unknown): value is MediaItem {
  const v = value as Partial<MediaItem> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.source === 'string' &&
    typeof v.sha256 === 'string' &&
    typeof v.file === 'string'
  );
}

/**
 * Checks a row's media against the hashes its source declares. Returns the files, or the
 * rejection (field and reason) of the first that is missing, unsafe or changed. `field` names
 * the record field the files appear in, for messages.
 */
export function checkMedia(
  items: unknown,
  sourceDir: string,
  field = 'images',
): { media: CheckedMedia[] } | { rejection: { field: string; reason: string } } {
  const media: CheckedMedia[] = [];
  const list = Array.isArray(items) ? items : [];
  for (const [i, item] of list.entries()) {
    const at = `${field}.${i}.file`;
    if (!isItem(item) || !mediaFile.safeParse(item.file).success) {
      return {
        rejection: {
          field: at,
          reason: `not a file name inside the record's folder: ${JSON.stringify(item)} / 媒体文件名无效`,
        },
      };
    }
    const from = isAbsolute(item.source) ? item.source : resolve(sourceDir, item.source);
    if (!existsSync(from)) {
      return {
        rejection: {
          field: at,
          reason: `the source file ${item.source} does not exist / 源文件不存在`,
        },
      };
    }
    const actual = sha256Of(from);
    if (actual !== item.sha256.toLowerCase()) {
      return {
        rejection: {
          field: at,
          reason: `${item.source} has SHA-256 ${actual}, but the source declares ${item.sha256}: the file changed or is damaged, so it is not copied / 文件校验值与清单不符，未复制`,
        },
      };
    }
    media.push({ from, file: item.file, sha256: actual });
  }
  return { media };
}

/** What to copy into `folder`: files not there yet; a different file of the same name is a conflict. */
export function planCopies(media: CheckedMedia[], folder: string): MediaPlan {
  const plan: MediaPlan = { copies: [] };
  for (const item of media) {
    const to = join(folder, item.file);
    if (!existsSync(to)) plan.copies.push({ from: item.from, to });
    else if (sha256Of(to) !== item.sha256) plan.conflict = item.file;
  }
  return plan;
}

/** Copies the planned files (never over an existing file). */
export function copyMedia(plan: MediaPlan): void {
  for (const { from, to } of plan.copies) {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to, constants.COPYFILE_EXCL);
  }
}
