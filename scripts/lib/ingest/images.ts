// Image masters → responsive derivatives (AVIF, WebP, JPEG/PNG), placeholder, tags, IIIF tiles.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';
import type { Derivative, ImageEntry } from '../../../src/lib/records/media-manifest.ts';
import { writeFileAtomic } from './atomic-write.ts';
import type { Master } from './discover.ts';
import { BadInputError, MAX_SVG_BYTES, checkImageContent, readHead, svgProblems } from './sniff.ts';
import type { ImageSettings } from './settings.ts';
import { dHash, namedPalette, objectPalette, orientationOf, parseExif } from './tags.ts';
import { makeIiifTiles } from './tiles.ts';

/** Where and how one master's outputs are written. */
export interface OutputTarget {
  /** Absolute directory of this master's outputs. */
  dir: string;
  /** Site-root-relative URL of that directory (`/media/<collection>/<slug>/<stem>`). */
  url: string;
  /** File name prefix (the URL-safe stem). */
  stem: string;
  /** Short hash of master + settings, put in file names so URLs change when content does. */
  tag: string;
}

/** Result of processing one master. */
export interface ProcessedImage {
  entry: ImageEntry;
  /** Output paths relative to the master's output dir (`iiif` stands for the tile folder). */
  outputs: string[];
}

interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

async function toRaw(pipeline: Sharp): Promise<RawImage> {
  const { data, info } = await pipeline
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

function fromRaw(raw: RawImage): Sharp {
  return sharp(raw.data, {
    raw: { width: raw.width, height: raw.height, channels: raw.channels },
  });
}

function isOpaque(raw: RawImage): boolean {
  if (raw.channels !== 4 && raw.channels !== 2) return true;
  for (let i = raw.channels - 1; i < raw.data.length; i += raw.channels) {
    if (raw.data[i] !== 255) return false;
  }
  return true;
}

/**
 * Derivative widths: the ladder, never upscaled, plus the original width when it is smaller.
 * A rung within `minStep` (a fraction) below the original's width is left out: a 960 px copy of a
 * 1000 px photo costs a full set of encodes and saves a browser almost nothing.
 */
export function ladderFor(width: number, ladder: readonly number[], minStep = 0): number[] {
  const top = ladder.at(-1) ?? width;
  const rungs = ladder.filter((w) => w < width && (width > top || w < width * (1 - minStep)));
  if (width <= top) rungs.push(width);
  else rungs.push(top);
  return [...new Set(rungs)].sort((a, b) => a - b);
}

/** Open the master for decoding: file path (read-only by sharp) or sanitised SVG bytes. */
async function openInput(
  master: Master,
  settings: ImageSettings,
  sniffed: string,
): Promise<{ input: string | Buffer; options: SharpOptions; warnings: string[] }> {
  const options: SharpOptions = { limitInputPixels: settings.maxInputPixels, failOn: 'warning' };
  if (sniffed !== 'svg') return { input: master.abs, options, warnings: [] };
  const bytes = await readFile(master.abs, { flag: 'r' });
  if (bytes.length > MAX_SVG_BYTES) throw new BadInputError('SVG larger than 20 MB refused');
  const problems = svgProblems(bytes.toString('utf8'));
  if (problems.length > 0) {
    throw new BadInputError(
      `unsafe SVG rejected: it contains ${problems.join(', ')}; remove them (or export as PNG) and ingest again`,
    );
  }
  const probe = await sharp(bytes, { ...options, limitInputPixels: false })
    .metadata()
    .catch((error: unknown) => {
      throw describeSharpError(error);
    });
  const side = Math.max(probe.width, probe.height);
  const density = Math.min(2400, Math.max(1, (72 * settings.svgRasterSide) / side));
  return { input: bytes, options: { ...options, density }, warnings: [] };
}

function describeSharpError(error: unknown): BadInputError {
  const message = (error as Error).message ?? String(error);
  if (/pixel limit/i.test(message)) {
    return new BadInputError(`decompression bomb refused: ${message}`);
  }
  return new BadInputError(`truncated or corrupt image, cannot decode: ${message.split('\n')[0]}`);
}

/** What the master's header says, checked: format, size, orientation and the sizes to make. */
interface Inspected {
  sniffed: string;
  warnings: string[];
  input: string | Buffer;
  options: SharpOptions;
  meta: Metadata;
  /** Size after EXIF rotation. */
  width: number;
  height: number;
  pixels: number;
}

/** Reads the master's header (no pixel decoding): refuses a wrong format or a decompression bomb. */
async function inspect(
  master: Master,
  masterInfo: { sha256: string; bytes: number },
  settings: ImageSettings,
): Promise<Inspected> {
  const head = await readHead(master.abs);
  const { format: sniffed, warning } = checkImageContent(master.ext, masterInfo.bytes, head);
  const warnings = warning ? [warning] : [];
  const opened = await openInput(master, settings, sniffed);
  const { input, options } = opened;
  let meta;
  try {
    // Header only (no pixel decoding), so the size check below can name the dimensions.
    meta = await sharp(input, { ...options, limitInputPixels: false }).metadata();
  } catch (error) {
    throw describeSharpError(error);
  }
  const pixels = meta.width * meta.height;
  if (pixels > settings.maxInputPixels) {
    throw new BadInputError(
      `decompression bomb refused: ${meta.width}×${meta.height} = ${(pixels / 1e6).toFixed(0)} megapixels exceeds the limit of ${(settings.maxInputPixels / 1e6).toFixed(0)} MP`,
    );
  }
  if ((meta.pages ?? 1) > 1 && sniffed === 'gif') warnings.push('animated GIF: first frame used');
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  return {
    sniffed,
    warnings: [...warnings, ...opened.warnings],
    input,
    options,
    meta,
    width,
    height,
    pixels,
  };
}

/**
 * Decodes the master once: at full size when it gets tiles and fits in memory (the top rung is
 * resized from it), else straight to the top rung. An opaque alpha channel is dropped.
 */
async function decode(
  image: Inspected,
  topWidth: number,
  full: boolean,
): Promise<{ full?: RawImage | undefined; top: RawImage; hasAlpha: boolean }> {
  let whole: RawImage | undefined;
  let top: RawImage;
  try {
    if (full) {
      whole = await toRaw(sharp(image.input, image.options).rotate());
      top =
        topWidth === whole.width ? whole : await toRaw(fromRaw(whole).resize({ width: topWidth }));
    } else {
      top = await toRaw(sharp(image.input, image.options).rotate().resize({ width: topWidth }));
    }
  } catch (error) {
    throw describeSharpError(error);
  }
  const hasAlpha = !isOpaque(top);
  if (!hasAlpha && (top.channels === 4 || top.channels === 2)) {
    top = await toRaw(fromRaw(top).removeAlpha());
    if (whole && whole.channels === 4) whole = await toRaw(fromRaw(whole).removeAlpha());
  }
  return { full: whole, top, hasAlpha };
}

/** The encoders of one rung: AVIF, WebP and the fallback (PNG for transparency, else JPEG). */
function encodersFor(
  level: RawImage,
  fallback: 'png' | 'jpeg',
  settings: ImageSettings,
): [Derivative['format'], () => Sharp][] {
  return [
    [
      'avif',
      () => fromRaw(level).avif({ quality: settings.avifQuality, effort: settings.avifEffort }),
    ],
    [
      'webp',
      () => fromRaw(level).webp({ quality: settings.webpQuality, effort: settings.webpEffort }),
    ],
    fallback === 'png'
      ? ['png', () => fromRaw(level).png({ compressionLevel: 9, adaptiveFiltering: true })]
      : [
          'jpeg',
          () =>
            fromRaw(level)
              .flatten({ background: '#ffffff' })
              .jpeg({ quality: settings.jpegQuality, progressive: true, mozjpeg: false }),
        ],
  ];
}

/**
 * Writes every rung of the ladder in every format, largest first (each rung resized from the one
 * above); returns the derivatives, their file names and the smallest rung.
 */
async function writeDerivatives(
  top: RawImage,
  widths: readonly number[],
  fallback: 'png' | 'jpeg',
  target: OutputTarget,
  settings: ImageSettings,
): Promise<{ derivatives: Derivative[]; outputs: string[]; smallest: RawImage }> {
  const derivatives: Derivative[] = [];
  const outputs: string[] = [];
  let current = top;
  for (const w of [...widths].reverse()) {
    if (current.width !== w) current = await toRaw(fromRaw(current).resize({ width: w }));
    const level = current;
    await Promise.all(
      encodersFor(level, fallback, settings).map(async ([format, encode]) => {
        const ext = format === 'jpeg' ? 'jpg' : format;
        const name = `${target.stem}-${w}.${target.tag}.${ext}`;
        const buffer = await encode().toBuffer();
        await writeFileAtomic(join(target.dir, name), buffer);
        outputs.push(name);
        derivatives.push({
          format,
          width: level.width,
          height: level.height,
          url: `${target.url}/${name}`,
          bytes: buffer.length,
        });
      }),
    );
  }
  const order = { avif: 0, webp: 1, jpeg: 2, png: 2 };
  derivatives.sort((a, b) => order[a.format] - order[b.format] || a.width - b.width);
  return { derivatives, outputs, smallest: current };
}

/** The blurred placeholder, colour palette and dHash, all from the smallest rung. */
async function looksOf(smallest: RawImage, settings: ImageSettings) {
  const placeholder = await fromRaw(smallest)
    .resize({ width: Math.min(settings.placeholderWidth, smallest.width) })
    .webp({ quality: 40 })
    .toBuffer();
  const thumb = await fromRaw(smallest)
    .resize({ width: 64, height: 64, fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey = await fromRaw(smallest)
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize({ width: 9, height: 8, fit: 'fill' })
    .raw()
    .toBuffer();
  return {
    placeholder: `data:image/webp;base64,${placeholder.toString('base64')}`,
    palette: namedPalette(thumb.data, thumb.info.channels),
    object: objectPalette(thumb.data, thumb.info.width, thumb.info.height, thumb.info.channels),
    phash: dHash(grey),
  };
}

/** Static IIIF level-0 tiles of the full image (transparency flattened on white). */
async function writeTiles(
  image: Inspected,
  decoded: { full?: RawImage | undefined; hasAlpha: boolean },
  target: OutputTarget,
  settings: ImageSettings,
): Promise<NonNullable<ImageEntry['iiif']>> {
  const source = decoded.full
    ? fromRaw(decoded.full)
    : sharp(image.input, image.options).rotate().toColourspace('srgb');
  const tiled = decoded.hasAlpha ? source.flatten({ background: '#ffffff' }) : source;
  const idBase = `${settings.siteUrl}${target.url}`;
  await makeIiifTiles(tiled, join(target.dir, 'iiif'), idBase, settings);
  return {
    id: `${idBase}/iiif`,
    info: `${target.url}/iiif/info.json`,
    width: image.width,
    height: image.height,
    tileSize: settings.iiifTileSize,
  };
}

/** Process one image master; writes its outputs atomically into `target.dir`. */
export async function processImage(
  master: Master,
  masterInfo: { sha256: string; bytes: number },
  target: OutputTarget,
  settings: ImageSettings,
): Promise<ProcessedImage> {
  const image = await inspect(master, masterInfo, settings);
  const { sniffed, width, height } = image;
  const widths = ladderFor(width, settings.widths, settings.ladderMinStep);
  const zoomable = Math.max(width, height) >= settings.iiifMinSide && sniffed !== 'svg';
  const inMemory = image.pixels <= settings.inMemoryPixels;
  const decoded = await decode(image, widths.at(-1)!, zoomable && inMemory);
  const fallback = decoded.hasAlpha || sniffed === 'svg' ? 'png' : 'jpeg';
  const written = await writeDerivatives(decoded.top, widths, fallback, target, settings);
  const looks = await looksOf(written.smallest, settings);
  const exif = parseExif(image.meta.exif);
  const iiif = zoomable ? await writeTiles(image, decoded, target, settings) : undefined;
  const outputs = iiif ? [...written.outputs, 'iiif'] : written.outputs;
  const entry: ImageEntry = {
    kind: 'image',
    master: { sha256: masterInfo.sha256, bytes: masterInfo.bytes, format: sniffed },
    width: sniffed === 'svg' ? decoded.top.width : width,
    height: sniffed === 'svg' ? decoded.top.height : height,
    hasAlpha: decoded.hasAlpha,
    placeholder: looks.placeholder,
    derivatives: written.derivatives,
    ...(iiif ? { iiif } : {}),
    tags: {
      dominant: { hex: looks.palette[0]!.hex, name: looks.palette[0]!.name },
      palette: looks.palette,
      orientation: orientationOf(width, height),
      width,
      height,
      ...(exif.capturedAt ? { capturedAt: exif.capturedAt } : {}),
      ...(exif.camera ? { camera: exif.camera } : {}),
      phash: looks.phash,
      ...(looks.object ? { object: looks.object } : {}),
    },
    warnings: image.warnings,
  };
  return { entry, outputs: outputs.sort() };
}
