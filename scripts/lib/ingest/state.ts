// Incremental-run state (.cache/ingest/state.json): what was produced from which master bytes
// under which settings, plus a stat cache so unchanged files are not even re-hashed.
import { readFile, stat } from 'node:fs/promises';
import type { MediaEntry } from '../../../src/lib/records/media-manifest.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { sha256File } from './fixity.ts';

export const STATE_VERSION = 1;

/** Identity of a file's bytes on disk, as cheap to read as a stat. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  sha256: string;
}

/** What one master produced. */
export interface StateItem {
  /** SHA-256 over the master (and a .gltf's resources). */
  contentHash: string;
  /** Settings key of the master's kind when it was processed. */
  settingsKey: string;
  /** Output folder relative to the media output root. */
  outputDir: string;
  /** Files (and the `iiif` folder) inside outputDir. */
  outputs: string[];
  /** The manifest entry (without cross-collection warnings). */
  entry: MediaEntry;
}

export interface IngestState {
  version: number;
  /** Fixity key → stamp (hash cache). */
  files: Record<string, FileStamp>;
  /** Master key → item. */
  items: Record<string, StateItem>;
}

export function emptyState(): IngestState {
  return { version: STATE_VERSION, files: {}, items: {} };
}

export async function readState(path: string): Promise<IngestState> {
  try {
    const state = JSON.parse(await readFile(path, 'utf8')) as IngestState;
    return state.version === STATE_VERSION ? state : emptyState();
  } catch {
    return emptyState();
  }
}

export async function writeState(path: string, state: IngestState): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(state));
}

/**
 * SHA-256 of a file, reusing the cached value when size, mtime, ctime and inode are unchanged
 * (ctime cannot be set back by tools that copy timestamps). `rehash` forces reading the bytes.
 */
export async function hashWithCache(
  state: IngestState,
  key: string,
  path: string,
  rehash = false,
): Promise<FileStamp> {
  const s = await stat(path);
  const cached = state.files[key];
  if (
    !rehash &&
    cached &&
    cached.size === s.size &&
    cached.mtimeMs === s.mtimeMs &&
    cached.ctimeMs === s.ctimeMs &&
    cached.ino === s.ino
  ) {
    return cached;
  }
  const { sha256, bytes } = await sha256File(path);
  const stamp = { size: bytes, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino, sha256 };
  state.files[key] = stamp;
  return stamp;
}
