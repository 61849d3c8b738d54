/**
 * A cheap look inside the media files records name, for `npm run check`: the format by its
 * signature against the extension, empty files, the pixel count a header claims against the
 * ingest's decompression-bomb limit, a missing end marker (a truncated copy) and unsafe SVG.
 * Only headers and the last bytes are read (an SVG is read whole, as the ingest does); nothing is
 * decoded. The ingest still decodes and rejects what this cannot see.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import {
  IMAGE_EXTENSIONS,
  MODEL_EXTENSIONS,
  AUDIO_EXTENSIONS,
  VIDEO_EXTENSIONS,
  UNSUPPORTED_MEDIA_EXTENSIONS,
} from './ingest/discover.ts';
import { MAX_INPUT_PIXELS } from './ingest/settings.ts';
import {
  MAX_SVG_BYTES,
  type SniffedFormat,
  classifyImageContent,
  sniff,
  svgProblems,
} from './ingest/sniff.ts';
import type { Problem } from './problems.ts';

/** Random access to a file's bytes: a file on disk, or a buffer in tests. */
export interface ByteSource {
  size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Buffer;
}

export function bufferSource(buffer: Buffer): ByteSource {
  return {
    size: buffer.length,
    read: (offset, length) => buffer.subarray(offset, offset + length),
  };
}

/** Open a file read-only as a byte source for the duration of `use`. */
export function withFileSource<T>(path: string, use: (source: ByteSource) => T): T {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    return use({
      size,
      read(offset, length) {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        const bytesRead = readSync(fd, buffer, 0, buffer.length, offset);
        return buffer.subarray(0, bytesRead);
      },
    });
  } finally {
    closeSync(fd);
  }
}

export interface Dimensions {
  width: number;
  height: number;
}

/** Bytes read from each end: enough for the headers and end markers looked at here. */
const WINDOW = 64 * 1024;
/** As much as the ingest reads to sniff a format (text detection depends on the length). */
const SNIFF_BYTES = 4096;

const isJpegFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** Walk the JPEG segments up to the frame header (SOFn), which holds the size. */
function jpegDimensions(source: ByteSource): Dimensions | undefined {
  let offset = 2;
  for (let segments = 0; segments < 1000 && offset + 4 <= source.size; segments += 1) {
    const b = source.read(offset, 9);
    if (b[0] !== 0xff || b.length < 4) return undefined;
    const marker = b[1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
    } else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
    } else if (marker === 0xd9 || marker === 0xda) {
      return undefined; // image data before any frame header
    } else if (isJpegFrame(marker)) {
      if (b.length < 9) return undefined;
      const height = b.readUInt16BE(5);
      return height === 0 ? undefined : { height, width: b.readUInt16BE(7) };
    } else {
      offset += 2 + b.readUInt16BE(2);
    }
  }
  return undefined;
}

/** ImageWidth (256) and ImageLength (257) of the first image in a TIFF. */
function tiffDimensions(source: ByteSource): Dimensions | undefined {
  const head = source.read(0, 8);
  const le = head[0] === 0x49;
  const u16 = (b: Buffer, o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (b: Buffer, o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  if (head.length < 8) return undefined;
  const ifd = u32(head, 4);
  const countBytes = source.read(ifd, 2);
  if (countBytes.length < 2) return undefined;
  const entries = source.read(ifd + 2, Math.min(u16(countBytes, 0), 4096) * 12);
  const found: Partial<Record<256 | 257, number>> = {};
  for (let o = 0; o + 12 <= entries.length; o += 12) {
    const tag = u16(entries, o);
    if (tag !== 256 && tag !== 257) continue;
    const type = u16(entries, o + 2);
    if (type === 3) found[tag] = u16(entries, o + 8);
    else if (type === 4) found[tag] = u32(entries, o + 8);
  }
  const width = found[256];
  const height = found[257];
  return width !== undefined && height !== undefined ? { width, height } : undefined;
}

/** The largest image spatial extent ('ispe') an AVIF/HEIF header declares. */
function ispeDimensions(head: Buffer): Dimensions | undefined {
  // Only the boxes before the image data: coded bytes could spell 'ispe' by chance.
  const data = head.indexOf('mdat');
  const boxes = data > 0 ? head.subarray(0, data) : head;
  let best: Dimensions | undefined;
  for (let i = boxes.indexOf('ispe'); i >= 0; i = boxes.indexOf('ispe', i + 4)) {
    if (i + 16 > boxes.length) break;
    const size = { width: boxes.readUInt32BE(i + 8), height: boxes.readUInt32BE(i + 12) };
    if (!best || size.width * size.height > best.width * best.height) best = size;
  }
  return best;
}

function webpDimensions(head: Buffer): Dimensions | undefined {
  if (head.length < 30) return undefined;
  const chunk = head.toString('latin1', 12, 16);
  if (chunk === 'VP8X') {
    return { width: head.readUIntLE(24, 3) + 1, height: head.readUIntLE(27, 3) + 1 };
  }
  if (chunk === 'VP8L' && head[20] === 0x2f) {
    const bits = head.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') {
    return { width: head.readUInt16LE(26) & 0x3fff, height: head.readUInt16LE(28) & 0x3fff };
  }
  return undefined;
}

/** The pixel size an image's header declares, read without decoding; undefined if not found. */
export function imageDimensions(format: SniffedFormat, source: ByteSource): Dimensions | undefined {
  const head = source.read(0, WINDOW);
  switch (format) {
    case 'png':
      return head.length >= 24 && head.toString('latin1', 12, 16) === 'IHDR'
        ? { width: head.readUInt32BE(16), height: head.readUInt32BE(20) }
        : undefined;
    case 'gif':
      return head.length >= 10
        ? { width: head.readUInt16LE(6), height: head.readUInt16LE(8) }
        : undefined;
    case 'jpeg':
      return jpegDimensions(source);
    case 'tiff':
      return tiffDimensions(source);
    case 'webp':
      return webpDimensions(head);
    case 'avif':
      return ispeDimensions(head);
    default:
      return undefined;
  }
}

/** What is missing at the end of a truncated file, in both languages. */
export interface Truncation {
  en: string;
  zh: string;
}

// Phones append a video after a JPEG's end marker (Google and Samsung motion photos); decoders
// ignore it, so such a file is not truncated even though its last bytes are not the marker.
const APPENDED_TO_JPEG = ['MotionPhoto', 'MicroVideo', 'SEFT'];

/**
 * Whether the file stops short, judged from its last bytes or the length its header declares:
 * a JPEG without its end-of-image marker, a PNG without IEND, a WebP or GLB shorter than its
 * header says. Formats without such a cheap test are left to the ingest.
 */
export function truncation(format: SniffedFormat, source: ByteSource): Truncation | undefined {
  const tail = source.read(Math.max(0, source.size - WINDOW), WINDOW);
  const announced = (bytes: number) =>
    bytes > source.size
      ? {
          en: `its header announces ${bytes} bytes, the file has ${source.size}`,
          zh: `文件头声明 ${bytes} 字节，实际只有 ${source.size} 字节`,
        }
      : undefined;
  switch (format) {
    case 'jpeg': {
      if (tail.includes(Buffer.from([0xff, 0xd9]))) return undefined;
      const head = source.read(0, WINDOW);
      if (APPENDED_TO_JPEG.some((mark) => head.includes(mark) || tail.includes(mark))) {
        return undefined;
      }
      return { en: 'the JPEG end-of-image marker is missing', zh: '缺少 JPEG 结束标记' };
    }
    case 'png':
      return tail.includes('IEND')
        ? undefined
        : { en: 'the PNG end chunk (IEND) is missing', zh: '缺少 PNG 结尾块（IEND）' };
    case 'webp':
      return announced(source.read(4, 4).readUInt32LE(0) + 8);
    case 'glb':
      return announced(source.read(8, 4).readUInt32LE(0));
    default:
      return undefined;
  }
}

/** One problem with a media file, as a check problem without its record file. */
export type MediaProblem = Omit<Problem, 'file' | 'line'>;

const IMAGE_FORMATS = 'JPEG, PNG, TIFF, WebP, AVIF, GIF or SVG';
const RECOPY =
  'copy the file again from the original, or export it again / 请从原件重新复制或重新导出';

/** The kind of media a record field holds: a model's file, or an image (posters included). */
function expectedKind(field: string): 'image' | 'model' | 'av' {
  if (/^(films\.\d+\.file|steps\.\d+\.clip\.film)$/.test(field)) return 'av';
  return /^models\.\d+\.file$/.test(field) ? 'model' : 'image';
}

function svgFindings(name: string, source: ByteSource): Omit<MediaProblem, 'field'>[] {
  if (source.size > MAX_SVG_BYTES) {
    return [
      {
        en: `"${name}" is an SVG over ${MAX_SVG_BYTES / 1024 / 1024} MB, which the ingest refuses`,
        zh: `SVG 文件 “${name}” 超过 ${MAX_SVG_BYTES / 1024 / 1024} MB`,
        fix: 'simplify the drawing, or export it as PNG / 请简化图形或导出为 PNG',
      },
    ];
  }
  const unsafe = svgProblems(source.read(0, source.size).toString('utf8'));
  if (unsafe.length === 0) return [];
  return [
    {
      en: `"${name}" is an unsafe SVG: it contains ${unsafe.join(', ')}`,
      zh: `“${name}” 是不安全的 SVG：含有脚本、事件处理属性、foreignObject 或外部引用`,
      fix: 'remove them, or export the drawing as PNG / 请删除这些内容，或导出为 PNG',
    },
  ];
}

function imageFindings(
  name: string,
  ext: string,
  source: ByteSource,
): Omit<MediaProblem, 'field'>[] {
  const content = classifyImageContent(ext, source.size, source.read(0, SNIFF_BYTES));
  switch (content.verdict) {
    case 'empty':
      return [
        {
          en: `media file "${name}" is empty (0 bytes)`,
          zh: `媒体文件 “${name}” 是空文件（0 字节）`,
          fix: RECOPY,
        },
      ];
    case 'text':
      return [
        {
          en: `"${name}" is a text file, not an image`,
          zh: `“${name}” 是文本文件，不是图像`,
          fix: 'put the image itself here, or correct the file name / 请放入图像文件本身，或更正文件名',
        },
      ];
    case 'unsupported':
      return [
        {
          en: `"${name}" is really a ${content.label} file, a format the ingest does not take`,
          zh: `“${name}” 实为 ${content.label} 格式，系统不接受`,
          fix: 'export it as TIFF, PNG or JPEG / 请导出为 TIFF、PNG 或 JPEG',
        },
      ];
    case 'unrecognised':
      return [
        {
          en: `"${name}" is not a ${content.expected.toUpperCase()} image: its first bytes match no known format (damaged, or another kind of file)`,
          zh: `“${name}” 不是有效的 ${content.expected.toUpperCase()} 图像：文件头无法识别（可能已损坏）`,
          fix: RECOPY,
        },
      ];
    case 'image':
      break;
  }
  const { format } = content;
  const label = format.toUpperCase();
  const findings: Omit<MediaProblem, 'field'>[] = [];
  if (content.mismatch) {
    findings.push({
      warning: true,
      en: `"${name}" is named .${ext} but its content is ${label}; it will be processed as ${label}`,
      zh: `“${name}” 的扩展名是 .${ext}，内容却是 ${label}`,
      fix: `give the file the extension of its content (and the record the new name) / 请按实际格式更改扩展名，并同步修改记录`,
    });
  }
  if (format === 'svg') return [...findings, ...svgFindings(name, source)];
  const size = imageDimensions(format, source);
  if (size && size.width * size.height > MAX_INPUT_PIXELS) {
    const mp = (n: number) => Math.round(n / 1e6).toLocaleString('en');
    findings.push({
      en: `"${name}" declares ${size.width}×${size.height} pixels (${mp(size.width * size.height)} MP), over the ingest's limit of ${mp(MAX_INPUT_PIXELS)} MP (a decompression bomb, or a scan too large to publish)`,
      zh: `“${name}” 的文件头声明 ${size.width}×${size.height} 像素，超过 ${mp(MAX_INPUT_PIXELS)} 百万像素的上限（可能是解压炸弹）`,
      fix: 'scale the image down or split it into parts / 请缩小图像或分幅保存',
    });
  }
  const cut = truncation(format, source);
  if (cut) {
    findings.push({
      en: `"${name}" is truncated: ${cut.en} (an interrupted copy or download)`,
      zh: `“${name}” 文件不完整：${cut.zh}（复制或下载可能被中断）`,
      fix: RECOPY,
    });
  }
  return findings;
}

function modelFindings(
  name: string,
  ext: string,
  source: ByteSource,
): Omit<MediaProblem, 'field'>[] {
  if (source.size === 0) {
    return [
      {
        en: `media file "${name}" is empty (0 bytes)`,
        zh: `媒体文件 “${name}” 是空文件（0 字节）`,
        fix: RECOPY,
      },
    ];
  }
  const format = sniff(source.read(0, SNIFF_BYTES));
  const expected = ext === 'glb' ? 'glb' : 'gltf-json';
  if (format !== expected) {
    return [
      {
        en: `"${name}" is not a ${ext === 'glb' ? 'GLB' : 'glTF JSON'} file (its content looks like ${format})`,
        zh: `“${name}” 不是有效的 ${ext === 'glb' ? 'GLB' : 'glTF'} 模型文件`,
        fix: 'export the model again as GLB or glTF 2.0 / 请重新导出为 GLB 或 glTF 2.0',
      },
    ];
  }
  const cut = format === 'glb' ? truncation('glb', source) : undefined;
  if (!cut) return [];
  return [
    {
      en: `"${name}" is truncated: ${cut.en} (an interrupted copy or download)`,
      zh: `“${name}” 文件不完整：${cut.zh}（复制或下载可能被中断）`,
      fix: RECOPY,
    },
  ];
}

/**
 * Problems with one media file that a record names in `field` (`images.0.file`,
 * `models.0.file`, `models.0.poster` …), judged from the file's headers and last bytes.
 */
export function sniffMedia(name: string, field: string, source: ByteSource): MediaProblem[] {
  const ext = extname(name).slice(1).toLowerCase();
  const kind = expectedKind(field);
  let findings: Omit<MediaProblem, 'field'>[];
  if (UNSUPPORTED_MEDIA_EXTENSIONS.has(ext)) {
    findings = [
      {
        en: `"${name}": .${ext} files are not taken by the ingest`,
        zh: `系统不接受 .${ext} 文件`,
        fix: `export it as TIFF, PNG or JPEG (images) or GLB/glTF (models) / 请导出为 TIFF、PNG、JPEG 或 GLB/glTF`,
      },
    ];
  } else if (kind === 'av') {
    // the ingest reads films and recordings with ffprobe; here only the kind of file is checked
    findings =
      VIDEO_EXTENSIONS.has(ext) || AUDIO_EXTENSIONS.has(ext)
        ? []
        : [
            {
              en: `"${name}" is not a film or recording (.mp4, .mov, .wav, .flac …)`,
              zh: `“${name}” 不是影片或录音文件`,
              fix: 'name the video or audio master here / 此处应填写影片或录音文件',
            },
          ];
  } else if (kind === 'model' && !MODEL_EXTENSIONS.has(ext)) {
    findings = [
      {
        en: `"${name}" is not a 3D model (.glb or .gltf)`,
        zh: `“${name}” 不是三维模型文件（.glb 或 .gltf）`,
        fix: 'name the model file here; its picture goes under poster / 此处应填写模型文件，海报图请填在 poster',
      },
    ];
  } else if (kind === 'image' && !IMAGE_EXTENSIONS.has(ext)) {
    findings = [
      {
        en: `"${name}" is not an image the ingest takes (${IMAGE_FORMATS})`,
        zh: `“${name}” 不是系统接受的图像格式`,
        fix: `use a ${IMAGE_FORMATS} file here / 请使用 JPEG、PNG、TIFF、WebP、AVIF、GIF 或 SVG 图像`,
      },
    ];
  } else {
    findings =
      kind === 'model' ? modelFindings(name, ext, source) : imageFindings(name, ext, source);
  }
  return findings.map((finding) => ({ field, ...finding }));
}

/** {@link sniffMedia} on a file on disk (opened read-only). */
export function sniffMediaFile(path: string, name: string, field: string): MediaProblem[] {
  if (!statSync(path).isFile()) {
    return [
      {
        field,
        en: `"${name}" is a folder, not a file`,
        zh: `“${name}” 是文件夹，不是文件`,
        fix: 'name the file itself / 请填写文件本身的名称',
      },
    ];
  }
  return withFileSource(path, (source) => sniffMedia(name, field, source));
}
