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
    sorted[key] = { sha256: r.sha256, bytes: r.bytes, type: r.type };
  }
  return `${JSON.stringify(sorted, null, 2)}\n`;
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
    else if (a.sha256 !== e.sha256 || a.bytes !== e.bytes)
      diff.changed.push({ key, expected: e, actual: a });
    else diff.ok.push(key);
  }
  for (const key of Object.keys(actual).sort()) {
    if (!(key in expected)) diff.added.push({ key, actual: actual[key]! });
  }
  return diff;
}
