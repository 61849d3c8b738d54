// Shared fixtures for the ingest tests: temporary projects and generated images (real files).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import {
  type IngestOptions,
  type IngestResult,
  runIngest,
} from '../../../scripts/lib/ingest/run.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const SHARED_MODELS = resolve(REPO_ROOT, '..', 'shared', 'data', 'models');

/** A throwaway project: content/, public/media, generated/ and .cache/ live in a temp dir. */
export interface TempProject {
  root: string;
  /** Create a record folder with an index.mdx; returns its path. */
  record(collection: string, slug: string): Promise<string>;
  /** Write a file relative to the project root. */
  write(rel: string, data: string | Uint8Array): Promise<string>;
  ingest(options?: Omit<IngestOptions, 'root'>): Promise<IngestResult>;
  cleanup(): Promise<void>;
}

export async function tempProject(): Promise<TempProject> {
  const root = await mkdtemp(join(tmpdir(), 'baigong-ingest-'));
  return {
    root,
    async record(collection, slug) {
      const dir = join(root, 'content', collection, slug);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'index.mdx'), `---\ntitle: ${slug}\n---\n`);
      return dir;
    },
    async write(rel, data) {
      const path = join(root, rel);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
      return path;
    },
    ingest(options = {}) {
      return runIngest({ root, quiet: true, ...options });
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** Deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Raw RGB pixels of a blocky random pattern; different seeds give unrelated perceptual hashes. */
export async function patternRaw(width: number, height: number, seed: number): Promise<Buffer> {
  const rand = random(seed);
  const cells = Buffer.alloc(12 * 9 * 3);
  for (let i = 0; i < cells.length; i += 1) cells[i] = Math.floor(rand() * 256);
  return sharp(cells, { raw: { width: 12, height: 9, channels: 3 } })
    .resize({ width, height, fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer();
}

/** A JPEG (or other format) of the random pattern. */
export async function patternImage(
  width: number,
  height: number,
  seed: number,
  format: 'jpeg' | 'png' | 'webp' | 'avif' | 'tiff' = 'jpeg',
): Promise<Buffer> {
  const raw = await patternRaw(width, height, seed);
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .toFormat(format, format === 'avif' ? { effort: 0 } : {})
    .toBuffer();
}

/** An image filled with one colour. */
export function solidImage(width: number, height: number, hex: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: hex } })
    .png()
    .toBuffer();
}

/**
 * A 16-bit-per-channel RGB baseline TIFF written by hand (sharp 0.35 writes 8-bit TIFFs only),
 * like a scanner's master. Pixel (x, y) = (x·k, y·k, 40000) in 16-bit units.
 */
export function tiff16(width: number, height: number): Buffer {
  const pixels = Buffer.alloc(width * height * 6);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const o = (y * width + x) * 6;
      pixels.writeUInt16LE(Math.round((x / width) * 65535), o);
      pixels.writeUInt16LE(Math.round((y / height) * 65535), o + 2);
      pixels.writeUInt16LE(40000, o + 4);
    }
  }
  const entries: [number, number, number, number][] = [
    [256, 3, 1, width],
    [257, 3, 1, height],
    [258, 3, 3, 0], // BitsPerSample → offset filled below
    [259, 3, 1, 1],
    [262, 3, 1, 2],
    [273, 4, 1, 0], // StripOffsets → filled below
    [277, 3, 1, 3],
    [278, 3, 1, height],
    [279, 4, 1, pixels.length],
    [284, 3, 1, 1],
  ];
  const ifdOffset = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  const bitsOffset = ifdOffset + ifdSize;
  const dataOffset = bitsOffset + 6;
  entries[2]![3] = bitsOffset;
  entries[5]![3] = dataOffset;
  const header = Buffer.alloc(dataOffset);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  header.writeUInt32LE(ifdOffset, 4);
  header.writeUInt16LE(entries.length, ifdOffset);
  entries.forEach(([tag, type, count, value], i) => {
    const o = ifdOffset + 2 + i * 12;
    header.writeUInt16LE(tag, o);
    header.writeUInt16LE(type, o + 2);
    header.writeUInt32LE(count, o + 4);
    if (type === 3 && count === 1) header.writeUInt16LE(value, o + 8);
    else header.writeUInt32LE(value, o + 8);
  });
  header.writeUInt32LE(0, ifdOffset + 2 + entries.length * 12);
  for (let i = 0; i < 3; i += 1) header.writeUInt16LE(16, bitsOffset + i * 2);
  return Buffer.concat([header, pixels]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a valid PNG header announcing width × height greyscale pixels, with a
 * tiny deflate stream (a few KB on disk, gigapixels when decoded).
 */
export function pngBomb(width = 60_000, height = 60_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * 64); // 64 zero rows; the rest is "missing"
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Read raw pixels of an output file. */
export async function pixelAt(path: string, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
  const o = (y * info.width + x) * info.channels;
  return [...data.subarray(o, o + info.channels)];
}
