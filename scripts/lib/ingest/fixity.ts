// SHA-256 hashing of masters and the committed fixity manifest (content/fixity.json).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

/** One fixity record: what the master was when it was last ingested. */
export interface FixityRecord {
  sha256: string;
  bytes: number;
  /** MIME type derived from the extension (model resources included). */
  type: string;
  /** Earlier versions a curator replaced on purpose (`--accept-changed`), oldest first. */
  replaced?: FixityReplacement[];
}

/** A version of a master that a curator replaced: its hash and size, and the day of the change. */
export interface FixityReplacement {
  sha256: string;
  bytes: number;
  /** `YYYY-MM-DD` (UTC) of the ingest that accepted the replacement. */
  date: string;
}

/** `"<collection>/<slug>/<file>"` → record. */
export type FixityManifest = Record<string, FixityRecord>;

const MIME: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  glb: 'model/gltf-binary',
  gltf: 'model/gltf+json',
  bin: 'application/octet-stream',
  ktx2: 'image/ktx2',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  mxf: 'application/mxf',
  mkv: 'video/x-matroska',
  webm: 'video/webm',
  avi: 'video/x-msvideo',
  wav: 'audio/wav',
  flac: 'audio/flac',
  aif: 'audio/aiff',
  aiff: 'audio/aiff',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
};

/** MIME type of a master or model resource, by extension. */
export function mimeTypeOf(file: string): string {
  return MIME[extname(file).slice(1).toLowerCase()] ?? 'application/octet-stream';
}

/** Stream a file through SHA-256 (opened read-only; never loads it whole). */
export function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let bytes = 0;
    const stream = createReadStream(path, { flags: 'r', highWaterMark: 1 << 20 });
    stream.on('data', (chunk) => {
      bytes += chunk.length;
      hash.update(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve({ sha256: hash.digest('hex'), bytes }));
  });
}

/** Read the fixity manifest; a missing file is an empty manifest. */
export async function readFixity(path: string): Promise<FixityManifest> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as FixityManifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`cannot read fixity manifest ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Serialise with sorted keys and two-space indentation (stable diffs). */
export function serialiseFixity(manifest: FixityManifest): string {
  const sorted: FixityManifest = {};
  for (const key of Object.keys(manifest).sort()) {
    const r = manifest[key]!;
    const record: FixityRecord = { sha256: r.sha256, bytes: r.bytes, type: r.type };
    if (r.replaced?.length) {
      record.replaced = r.replaced.map((v) => ({ sha256: v.sha256, bytes: v.bytes, date: v.date }));
    }
    sorted[key] = record;
  }
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** Whether a file's bytes are those a fixity record describes. */
export function matchesFixity(record: FixityRecord, actual: { sha256: string; bytes: number }) {
  return record.sha256 === actual.sha256 && record.bytes === actual.bytes;
}

/**
 * The record of a deliberately replaced master: the new bytes, with the old version appended to
 * the history so that fixity.json still shows what was there before and when it changed.
 */
export function recordReplacement(
  before: FixityRecord,
  now: Omit<FixityRecord, 'replaced'>,
  date: Date,
): FixityRecord {
  const previous = { sha256: before.sha256, bytes: before.bytes, date: isoDay(date) };
  return { ...now, replaced: [...(before.replaced ?? []), previous] };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A file whose bytes no longer match its fixity record. */
export interface ChangedFile {
  /** Fixity key. */
  key: string;
  /** Path as a curator types it: relative to the project root, `/`-separated. */
  path: string;
  recorded: FixityRecord;
  found: { sha256: string; bytes: number };
}

/** Quote a path for a POSIX shell when it holds anything but safe characters. */
function shellQuote(path: string): string {
  return /^[\w./@%+=:,-]+$/u.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}

/** The command that accepts these files as deliberate replacements. */
export function acceptCommand(paths: readonly string[]): string {
  return `npm run ingest -- ${paths.map((p) => `--accept-changed ${shellQuote(p)}`).join(' ')}`;
}

/**
 * Why a changed master stops the ingest: each file with its recorded and current hash, and the
 * exact command a curator runs when the change is a deliberate replacement.
 */
export function changedMasterMessage(files: readonly ChangedFile[], fixityPath: string): string {
  const each = files.map(
    (f) =>
      `${f.path}: recorded sha256 ${f.recorded.sha256} (${f.recorded.bytes} bytes), found sha256 ${f.found.sha256} (${f.found.bytes} bytes)`,
  );
  return (
    `changed since it was recorded in ${fixityPath} (damage, or a replacement nobody accepted): ` +
    `${each.join('; ')}. Restore it from backup; if the new file is a deliberate replacement, ` +
    `run: ${acceptCommand(files.map((f) => f.path))} / 母版与 ${fixityPath} 中的记录不符：` +
    '若是损坏，请从备份恢复；若是有意替换，请运行上面的命令'
  );
}

/** Write the manifest atomically, only when its content changed. Returns whether it wrote. */
export async function writeFixity(path: string, manifest: FixityManifest): Promise<boolean> {
  const text = serialiseFixity(manifest);
  let current: string | undefined;
  try {
    current = await readFile(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) return false;
  await writeFileAtomic(path, text);
  return true;
}

/** Result of comparing the masters on disk with the manifest. */
export interface FixityDiff {
  /** Listed and present, same hash. */
  ok: string[];
  /** Listed but the bytes differ. */
  changed: { key: string; expected: FixityRecord; actual: FixityRecord }[];
  /** Listed but gone. */
  missing: { key: string; expected: FixityRecord }[];
  /** Present but not listed. */
  added: { key: string; actual: FixityRecord }[];
}

/** Compare a manifest with freshly computed records. */
export function diffFixity(expected: FixityManifest, actual: FixityManifest): FixityDiff {
  const diff: FixityDiff = { ok: [], changed: [], missing: [], added: [] };
  for (const key of Object.keys(expected).sort()) {
    const e = expected[key]!;
    const a = actual[key];
    if (!a) diff.missing.push({ key, expected: e });
    else if (!matchesFixity(e, a)) diff.changed.push({ key, expected: e, actual: a });
    else diff.ok.push(key);
  }
  for (const key of Object.keys(actual).sort()) {
    if (!(key in expected)) diff.added.push({ key, actual: actual[key]! });
  }
  return diff;
}
