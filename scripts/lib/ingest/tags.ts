// Image tags: palette and dominant colour with Chinese/English names, perceptual hash, EXIF facts.
import colourNames from '../../../src/data/colour-names.json' with { type: 'json' };
import type {
  ColourName,
  ImageTags,
  PaletteColour,
} from '../../../src/lib/records/media-manifest.ts';

type Lab = [number, number, number];

interface NamedLab {
  name: ColourName;
  lab: Lab;
}

function srgbToLinear(c: number): number {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** sRGB (0–255) to CIE L*a*b* (D65). */
export function rgbToLab(r: number, g: number, b: number): Lab {
  const lr = srgbToLinear(r);
  const lg = srgbToLinear(g);
  const lb = srgbToLinear(b);
  const x = (lr * 0.4124 + lg * 0.3576 + lb * 0.1805) / 0.95047;
  const y = lr * 0.2126 + lg * 0.7152 + lb * 0.0722;
  const z = (lr * 0.0193 + lg * 0.1192 + lb * 0.9505) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function labDistance2(a: Lab, b: Lab): number {
  return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function rgbToHex(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

const NAMED: NamedLab[] = (colourNames as { zh: string; en: string; hex: string }[]).map((c) => ({
  name: { zh: c.zh, en: c.en },
  lab: rgbToLab(...hexToRgb(c.hex)),
}));

/** Nearest traditional colour name (CIE76 distance in Lab). */
export function nameColour(hex: string): ColourName {
  const lab = rgbToLab(...hexToRgb(hex));
  let best = NAMED[0]!;
  let bestD = Infinity;
  for (const named of NAMED) {
    const d = labDistance2(lab, named.lab);
    if (d < bestD) {
      bestD = d;
      best = named;
    }
  }
  return best.name;
}

/**
 * Palette by k-means in Lab over the opaque pixels of a small RGB(A) thumbnail. Deterministic:
 * seeds are the most populated cells of a coarse colour histogram, kept apart from each other.
 */
export function extractPalette(
  data: Uint8Array,
  channels: number,
  k = 5,
): { rgb: [number, number, number]; share: number }[] {
  const pixels: [number, number, number][] = [];
  for (let i = 0; i + channels - 1 < data.length; i += channels) {
    if (channels === 4 && data[i + 3]! < 128) continue;
    pixels.push([data[i]!, data[i + 1]!, data[i + 2]!]);
  }
  if (pixels.length === 0) return [{ rgb: [255, 255, 255], share: 1 }];
  const labs = pixels.map((p) => rgbToLab(...p));
  const bins = new Map<number, { count: number; index: number }>();
  pixels.forEach((p, index) => {
    const bin = ((p[0] >> 5) << 6) | ((p[1] >> 5) << 3) | (p[2] >> 5);
    const entry = bins.get(bin);
    if (entry) entry.count += 1;
    else bins.set(bin, { count: 1, index });
  });
  const seeds: Lab[] = [];
  for (const { index } of [...bins.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[0] - b[0])
    .map((e) => e[1])) {
    const lab = labs[index]!;
    if (seeds.every((s) => labDistance2(s, lab) > 15 ** 2)) seeds.push(lab);
    if (seeds.length === k) break;
  }
  const centres = seeds;
  const assignment = new Int32Array(labs.length);
  for (let iteration = 0; iteration < 10; iteration += 1) {
    const sums = centres.map(() => [0, 0, 0, 0]);
    labs.forEach((lab, i) => {
      let best = 0;
      let bestD = Infinity;
      centres.forEach((c, j) => {
        const d = labDistance2(lab, c);
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
  pixels.forEach((p, i) => {
    const t = totals[assignment[i]!]!;
    t.r += p[0];
    t.g += p[1];
    t.b += p[2];
    t.n += 1;
  });
  return totals
    .filter((t) => t.n > 0)
    .map((t) => ({
      rgb: [t.r / t.n, t.g / t.n, t.b / t.n] as [number, number, number],
      share: t.n / pixels.length,
    }))
    .sort((a, b) => b.share - a.share);
}

/** Named palette entries from {@link extractPalette}. */
export function namedPalette(data: Uint8Array, channels: number): PaletteColour[] {
  return extractPalette(data, channels).map(({ rgb, share }) => {
    const hex = rgbToHex(...rgb);
    return { hex, name: nameColour(hex), share: Math.round(share * 1000) / 1000 };
  });
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

/** Hamming distance between two 64-bit hex hashes. */
export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (x) {
    count += Number(x & 1n);
    x >>= 1n;
  }
  return count;
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
