// Image tags: palette and dominant colour with Chinese/English names, perceptual hash, EXIF facts.
import colourNames from '../../../src/data/colour-names.json' with { type: 'json' };
import type {
  ColourName,
  ImageTags,
  ObjectColours,
  PaletteColour,
} from '../../../src/lib/records/media-manifest.ts';
import {
  hexOf,
  nearestNamed,
  oklabDistance2,
  oklabOf,
  type Oklab,
  type Rgb,
} from '../../../src/lib/colour/colour.ts';
import { objectMask } from '../../../src/lib/colour/object-mask.ts';

interface Named extends ColourName {
  hex: string;
}

const NAMED: readonly Named[] = colourNames as Named[];

export function rgbToHex(r: number, g: number, b: number): string {
  return hexOf([Math.round(r), Math.round(g), Math.round(b)]);
}

/** Nearest traditional colour name (CIEDE2000, through culori). */
export function nameColour(hex: string): ColourName {
  const { zh, en } = nearestNamed(hex, NAMED);
  return { zh, en };
}

/** A pixel of a thumbnail: its sRGB colour and OKLab coordinates. */
interface Pixel {
  rgb: Rgb;
  lab: Oklab;
}

/** The pixels of a raw RGB(A) thumbnail row by row; a transparent one is undefined. */
function readPixels(data: Uint8Array, channels: number): (Pixel | undefined)[] {
  const pixels: (Pixel | undefined)[] = [];
  for (let i = 0; i + channels - 1 < data.length; i += channels) {
    if (channels === 4 && data[i + 3]! < 128) {
      pixels.push(undefined);
      continue;
    }
    const rgb: Rgb = [data[i]!, data[i + 1]!, data[i + 2]!];
    pixels.push({ rgb, lab: oklabOf(rgb) });
  }
  return pixels;
}

/** Pixels closer than this (OKLab) do not both seed the palette: about six visible steps. */
const SEED_SEPARATION = 0.12;

/**
 * Palette by k-means in OKLab over the given pixels. Deterministic: seeds are the most populated
 * cells of a coarse colour histogram, kept apart from each other.
 */
function paletteOf(pixels: readonly Pixel[], k: number): { rgb: Rgb; share: number }[] {
  if (pixels.length === 0) return [{ rgb: [255, 255, 255], share: 1 }];
  const bins = new Map<number, { count: number; index: number }>();
  pixels.forEach(({ rgb }, index) => {
    const bin = ((rgb[0] >> 5) << 6) | ((rgb[1] >> 5) << 3) | (rgb[2] >> 5);
    const entry = bins.get(bin);
    if (entry) entry.count += 1;
    else bins.set(bin, { count: 1, index });
  });
  const centres: Oklab[] = [];
  for (const { index } of [...bins.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[0] - b[0])
    .map((e) => e[1])) {
    const lab = pixels[index]!.lab;
    if (centres.every((c) => oklabDistance2(c, lab) > SEED_SEPARATION ** 2)) centres.push(lab);
    if (centres.length === k) break;
  }
  const assignment = new Int32Array(pixels.length);
  for (let iteration = 0; iteration < 10; iteration += 1) {
    const sums = centres.map(() => [0, 0, 0, 0]);
    pixels.forEach(({ lab }, i) => {
      let best = 0;
      let bestD = Infinity;
      centres.forEach((c, j) => {
        const d = oklabDistance2(lab, c);
        if (d < bestD) {
          bestD = d;
          best = j;
        }
      });
      assignment[i] = best;
      const s = sums[best]!;
      s[0]! += lab[0];
      s[1]! += lab[1];
      s[2]! += lab[2];
      s[3]! += 1;
    });
    sums.forEach((s, j) => {
      if (s[3]! > 0) centres[j] = [s[0]! / s[3]!, s[1]! / s[3]!, s[2]! / s[3]!];
    });
  }
  const totals = centres.map(() => ({ r: 0, g: 0, b: 0, n: 0 }));
  pixels.forEach(({ rgb }, i) => {
    const t = totals[assignment[i]!]!;
    t.r += rgb[0];
    t.g += rgb[1];
    t.b += rgb[2];
    t.n += 1;
  });
  return totals
    .filter((t) => t.n > 0)
    .map((t) => ({
      rgb: [t.r / t.n, t.g / t.n, t.b / t.n] as const,
      share: t.n / pixels.length,
    }))
    .sort((a, b) => b.share - a.share);
}

/** Palette of the opaque pixels of a small RGB(A) thumbnail (see {@link paletteOf}). */
export function extractPalette(
  data: Uint8Array,
  channels: number,
  k = 5,
): { rgb: Rgb; share: number }[] {
  return paletteOf(
    readPixels(data, channels).filter((p): p is Pixel => p !== undefined),
    k,
  );
}

function named(palette: { rgb: Rgb; share: number }[]): PaletteColour[] {
  return palette.map(({ rgb, share }) => {
    const hex = rgbToHex(...rgb);
    return { hex, name: nameColour(hex), share: Math.round(share * 1000) / 1000 };
  });
}

/** Named palette entries from {@link extractPalette}. */
export function namedPalette(data: Uint8Array, channels: number): PaletteColour[] {
  return named(extractPalette(data, channels));
}

/**
 * The palette of the object alone, where the picture lets it be told from its background
 * (src/lib/colour/object-mask.ts), with the object's share of the picture.
 */
export function objectPalette(
  data: Uint8Array,
  width: number,
  height: number,
  channels: number,
): ObjectColours | undefined {
  const pixels = readPixels(data, channels);
  const found = objectMask(
    pixels.map((p) => p?.lab),
    width,
    height,
  );
  if (!found) return undefined;
  const object = pixels.filter((p, i): p is Pixel => p !== undefined && found.mask[i] === 1);
  return { palette: named(paletteOf(object, 5)), share: Math.round(found.share * 1000) / 1000 };
}

/** dHash: 64 bits comparing horizontally adjacent pixels of a 9×8 greyscale thumbnail. */
export function dHash(grey9x8: Uint8Array): string {
  let bits = 0n;
  for (let y = 0; y < 8; y += 1) {
    for (let x = 0; x < 8; x += 1) {
      const left = grey9x8[y * 9 + x]!;
      const right = grey9x8[y * 9 + x + 1]!;
      bits = (bits << 1n) | (left > right ? 1n : 0n);
    }
  }
  return bits.toString(16).padStart(16, '0');
}

/** Orientation label from oriented dimensions. */
export function orientationOf(width: number, height: number): ImageTags['orientation'] {
  if (width === height) return 'square';
  return width > height ? 'landscape' : 'portrait';
}

// ---------------------------------------------------------------- EXIF (kept as data only)

/** Facts read from EXIF; derivatives never carry them. */
export interface ExifFacts {
  capturedAt?: string;
  camera?: string;
}

/** Parse the capture date and camera from a raw EXIF block (as returned by sharp). */
export function parseExif(exif: Buffer | undefined): ExifFacts {
  if (!exif || exif.length < 14) return {};
  let base = exif.indexOf('Exif\0\0', 0, 'latin1');
  base = base >= 0 && base < 16 ? base + 6 : 0;
  const order = exif.toString('latin1', base, base + 2);
  if (order !== 'II' && order !== 'MM') return {};
  const le = order === 'II';
  const u16 = (o: number) => (le ? exif.readUInt16LE(o) : exif.readUInt16BE(o));
  const u32 = (o: number) => (le ? exif.readUInt32LE(o) : exif.readUInt32BE(o));
  const tags = new Map<number, string | number>();
  const readIfd = (offset: number, depth: number) => {
    if (depth > 2 || base + offset + 2 > exif.length) return;
    const count = u16(base + offset);
    for (let i = 0; i < count; i += 1) {
      const entry = base + offset + 2 + i * 12;
      if (entry + 12 > exif.length) return;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const n = u32(entry + 4);
      if (type === 2) {
        const start = n <= 4 ? entry + 8 : base + u32(entry + 8);
        if (start + n <= exif.length) {
          tags.set(
            tag,
            exif
              .toString('latin1', start, start + n)
              .replace(/\0.*$/s, '')
              .trim(),
          );
        }
      } else if (type === 4 || type === 13) {
        tags.set(tag, u32(entry + 8));
      }
    }
    const exifIfd = tags.get(0x8769);
    if (depth === 0 && typeof exifIfd === 'number') {
      tags.delete(0x8769);
      readIfd(exifIfd, depth + 1);
    }
  };
  try {
    readIfd(u32(base + 4), 0);
  } catch {
    return {};
  }
  const facts: ExifFacts = {};
  const date = tags.get(0x9003) ?? tags.get(0x9004) ?? tags.get(0x0132);
  if (typeof date === 'string') {
    const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(date);
    if (m && m[1] !== '0000') {
      const offset = tags.get(0x9011);
      const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '';
      facts.capturedAt = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`;
    }
  }
  const make = tags.get(0x010f);
  const model = tags.get(0x0110);
  const makeText = typeof make === 'string' ? make : '';
  const modelText = typeof model === 'string' ? model : '';
  const camera =
    makeText && modelText.toLowerCase().startsWith(makeText.toLowerCase().split(' ')[0] ?? '')
      ? modelText
      : [makeText, modelText].filter(Boolean).join(' ');
  if (camera) facts.camera = camera;
  return facts;
}
