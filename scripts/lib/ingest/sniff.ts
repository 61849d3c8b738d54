// Content sniffing (never trust the extension) and SVG safety checks.
import { open } from 'node:fs/promises';

/** A typed rejection: the message is shown to curators as is. */
export class BadInputError extends Error {
  override name = 'BadInputError';
}

export type SniffedFormat =
  | 'jpeg'
  | 'png'
  | 'gif'
  | 'webp'
  | 'tiff'
  | 'avif'
  | 'heic'
  | 'svg'
  | 'glb'
  | 'gltf-json'
  | 'bmp'
  | 'psd'
  | 'pdf'
  | 'jxl'
  | 'jp2'
  | 'zip'
  | 'text'
  | 'unknown';

/** SVGs larger than this are refused (they are read whole to be checked and rasterised). */
export const MAX_SVG_BYTES = 20 * 1024 * 1024;

const UNSUPPORTED_LABEL: Partial<Record<SniffedFormat, string>> = {
  heic: 'HEIC/HEIF',
  bmp: 'BMP',
  psd: 'Photoshop PSD',
  pdf: 'PDF',
  jxl: 'JPEG XL',
  jp2: 'JPEG 2000',
  zip: 'ZIP archive',
};

/** Read the first bytes of a file (read-only). */
export async function readHead(path: string, length = 4096): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1;
  }
  return control / head.length < 0.02 && !Number.isNaN(head.toString('utf8').length);
}

/** Identify a file's real format from its first bytes. */
export function sniff(head: Buffer): SniffedFormat {
  const ascii = (start: number, end: number) => head.subarray(start, end).toString('latin1');
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'tiff';
  if (ascii(4, 8) === 'ftyp') {
    const brands = ascii(8, 32);
    if (/avif|avis/.test(brands)) return 'avif';
    if (/heic|heix|hevc|mif1|msf1/.test(brands)) return 'heic';
    if (/jxl /.test(brands)) return 'jxl';
  }
  if (ascii(0, 4) === 'glTF') return 'glb';
  if (ascii(0, 2) === 'BM') return 'bmp';
  if (ascii(0, 4) === '8BPS') return 'psd';
  if (ascii(0, 5) === '%PDF-') return 'pdf';
  if (head[0] === 0xff && head[1] === 0x0a) return 'jxl';
  if (ascii(4, 8) === 'jP  ' || (head[0] === 0xff && head[1] === 0x4f && head[2] === 0xff))
    return 'jp2';
  if (ascii(0, 4) === 'PK\x03\x04') return 'zip';
  if (looksLikeText(head)) {
    const text = head
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (/<svg[\s>]/i.test(text) && text.startsWith('<')) return 'svg';
    if (text.startsWith('{') && /"asset"\s*:/.test(head.toString('utf8'))) return 'gltf-json';
    if (text.startsWith('{') || text.startsWith('<?xml')) {
      return /<svg[\s>]/i.test(text) ? 'svg' : text.startsWith('{') ? 'gltf-json' : 'text';
    }
    return 'text';
  }
  return 'unknown';
}

const IMAGE_EXT_FORMAT: Record<string, SniffedFormat> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
  tif: 'tiff',
  tiff: 'tiff',
  avif: 'avif',
  svg: 'svg',
};

/** What an image master's first bytes say about it, before any decoding. */
export type ImageContent =
  | { verdict: 'empty' }
  | { verdict: 'text' }
  | { verdict: 'unsupported'; label: string }
  | { verdict: 'unrecognised'; expected: string }
  | { verdict: 'image'; format: SniffedFormat; mismatch: boolean };

/**
 * Classify an image master by its size and first bytes: the one rule the ingest and
 * `npm run check` share (each words the outcome for its own readers).
 */
export function classifyImageContent(ext: string, bytes: number, head: Buffer): ImageContent {
  if (bytes === 0) return { verdict: 'empty' };
  const format = sniff(head);
  const expected = IMAGE_EXT_FORMAT[ext];
  if (format === 'text' || format === 'gltf-json') return { verdict: 'text' };
  const label = UNSUPPORTED_LABEL[format];
  if (label) return { verdict: 'unsupported', label };
  if (format === 'unknown' || format === 'glb') {
    return { verdict: 'unrecognised', expected: expected ?? ext };
  }
  return { verdict: 'image', format, mismatch: expected !== undefined && expected !== format };
}

/**
 * Check that an image master's content is an image format the pipeline takes. Returns the
 * sniffed format plus a warning when the content and the extension disagree but both are fine.
 */
export function checkImageContent(
  ext: string,
  bytes: number,
  head: Buffer,
): { format: SniffedFormat; warning?: string } {
  const content = classifyImageContent(ext, bytes, head);
  switch (content.verdict) {
    case 'empty':
      throw new BadInputError('empty file (0 bytes); re-export or copy it again');
    case 'text':
      throw new BadInputError(`not an image: this is a text file with a .${ext} extension`);
    case 'unsupported':
      throw new BadInputError(
        `unsupported format: the content is ${content.label} (extension .${ext}); export it as TIFF, PNG or JPEG`,
      );
    case 'unrecognised':
      throw new BadInputError(
        `unrecognised or corrupt file: the bytes are not a ${content.expected} image (unknown signature)`,
      );
    case 'image': {
      const { format } = content;
      if (!content.mismatch) return { format };
      return {
        format,
        warning: `extension .${ext} but the content is ${format.toUpperCase()}; processed as ${format.toUpperCase()}`,
      };
    }
  }
}

/**
 * Refuse SVGs that could run code or fetch anything when published: script elements, event
 * handler attributes, javascript: URLs, foreignObject, external href/src/url() references,
 * CSS @import, and DTD entity declarations. Returns the list of findings (empty = clean).
 */
export function svgProblems(svg: string): string[] {
  const problems: string[] = [];
  if (/<script[\s>/]/i.test(svg)) problems.push('a <script> element');
  const handler = /\son[a-z]+\s*=/i.exec(svg);
  if (handler) problems.push(`an event handler attribute (${handler[0].trim().replace(/=$/, '')})`);
  if (/javascript:/i.test(svg)) problems.push('a javascript: URL');
  if (/<foreignObject[\s>/]/i.test(svg)) problems.push('a <foreignObject> element');
  if (/<!ENTITY/i.test(svg) || /<!DOCTYPE[^>]*\[/i.test(svg))
    problems.push('a DTD entity declaration');
  if (/@import/i.test(svg)) problems.push('a CSS @import');
  const refs = svg.matchAll(/(?:xlink:href|href|src)\s*=\s*["']\s*([^"']*)["']/gi);
  for (const match of refs) {
    const value = match[1] ?? '';
    if (!value.startsWith('#') && !/^data:image\/(png|jpeg|gif|webp);/i.test(value)) {
      problems.push(`an external reference (${value.slice(0, 80)})`);
    }
  }
  for (const match of svg.matchAll(/url\(\s*["']?([^"')]*)["']?\s*\)/gi)) {
    const value = (match[1] ?? '').trim();
    if (!value.startsWith('#') && !/^data:image\/(png|jpeg|gif|webp);/i.test(value)) {
      problems.push(`an external url() reference (${value.slice(0, 80)})`);
    }
  }
  return [...new Set(problems)];
}
