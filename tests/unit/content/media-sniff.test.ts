import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../scripts/lib/check.ts';
import {
  bufferSource,
  imageDimensions,
  sniffMedia,
  truncation,
} from '../../../scripts/lib/media-sniff.ts';
import type { Problem } from '../../../scripts/lib/problems.ts';
import { validCluster, validCraft, validWork } from '../../fixtures/content/records.ts';
import { patternImage, pngBomb } from '../ingest/helpers.ts';

const repo = resolve(import.meta.dirname, '../../..');

/** A work listing these files under images:, in this order. */
function workWithImages(files: readonly string[]): string {
  const images = files
    .map(
      (file) =>
        `  - file: ${JSON.stringify(file)}\n    alt: { zh: 图, en: Picture }\n    rights: { license: CC0-1.0, holder: x, credit: x }`,
    )
    .join('\n');
  return validWork.replace('added: 2026-11-30', `images:\n${images}\nadded: 2026-11-30`);
}

describe('npm run check looks inside the media files records name', () => {
  let root: string;
  let problems: Problem[];
  const files = [
    'good.jpg',
    'good.png',
    'empty.jpg',
    'notes.jpg',
    'bomb.png',
    'truncated.jpg',
    'truncated.png',
    'script.svg',
    'clean.svg',
    'really-png.jpg',
  ];
  const at = (file: string) =>
    problems.filter((p) => p.field === `images.${files.indexOf(file)}.file`);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'bg-media-sniff-'));
    const write = (path: string, data: string | Buffer) => {
      const full = join(root, 'content', path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, data);
    };
    write('works/guangcai-bowl/index.mdx', workWithImages(files));
    write('crafts/guangcai/index.mdx', validCraft);
    write('clusters/guangzhou/index.mdx', validCluster);
    const media = (name: string, data: string | Buffer) =>
      write(`works/guangcai-bowl/${name}`, data);
    const jpeg = await patternImage(640, 480, 1);
    const png = await patternImage(320, 240, 2, 'png');
    media('good.jpg', jpeg);
    media('good.png', png);
    media('empty.jpg', Buffer.alloc(0));
    media('notes.jpg', 'Notes on the bowl, saved under the wrong name.\n');
    media('bomb.png', pngBomb(100_000, 100_000));
    media('truncated.jpg', jpeg.subarray(0, Math.floor(jpeg.length * 0.7)));
    media('truncated.png', png.subarray(0, Math.floor(png.length * 0.7)));
    media(
      'script.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="steal()"><script>alert(1)</script></svg>',
    );
    media(
      'clean.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"/></svg>',
    );
    media('really-png.jpg', png);
    problems = checkContent(root).problems;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('passes real, complete images and a clean SVG', () => {
    expect([...at('good.jpg'), ...at('good.png'), ...at('clean.svg')]).toEqual([]);
  });

  it('names the record file and the field of every problem', () => {
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.file).toBe('content/works/guangcai-bowl/index.mdx');
      expect(p.field).toMatch(/^images\.\d+\.file$/);
      expect(p.zh.length).toBeGreaterThan(0);
      expect(p.fix).toContain(' / ');
    }
  });

  it('reports an empty file', () => {
    expect(at('empty.jpg')).toMatchObject([
      { en: 'media file "empty.jpg" is empty (0 bytes)', zh: expect.stringContaining('空文件') },
    ]);
  });

  it('reports a text file named .jpg', () => {
    expect(at('notes.jpg')).toMatchObject([{ en: '"notes.jpg" is a text file, not an image' }]);
  });

  it('reports a decompression bomb from its header, with the dimensions and the ingest limit', () => {
    expect(at('bomb.png')).toMatchObject([
      {
        en: expect.stringMatching(/declares 100000×100000 pixels \(10,000 MP\).*limit of 200 MP/),
      },
    ]);
    expect(at('bomb.png')[0]?.warning).toBeUndefined();
  });

  it('reports a truncated JPEG and a truncated PNG by their missing end markers', () => {
    expect(at('truncated.jpg')).toMatchObject([
      { en: expect.stringMatching(/truncated: the JPEG end-of-image marker is missing/) },
    ]);
    expect(at('truncated.png')).toMatchObject([
      { en: expect.stringMatching(/truncated: the PNG end chunk \(IEND\) is missing/) },
    ]);
  });

  it('reports an SVG with a script and an event handler', () => {
    expect(at('script.svg')).toMatchObject([
      {
        en: expect.stringMatching(
          /unsafe SVG: it contains a <script> element, an event handler attribute \(onload\)/,
        ),
      },
    ]);
  });

  it('warns (without failing) when the extension and the content disagree', () => {
    expect(at('really-png.jpg')).toMatchObject([
      { warning: true, en: expect.stringMatching(/named \.jpg but its content is PNG/) },
    ]);
  });

  it('makes the command exit 1 with one line per problem', () => {
    const run = spawnSync(process.execPath, [join(repo, 'scripts/check-content.ts')], {
      env: { ...process.env, BAIGONG_ROOT: root },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      'content/works/guangcai-bowl/index.mdx: images.2.file: media file "empty.jpg" is empty (0 bytes) / 媒体文件 “empty.jpg” 是空文件（0 字节）',
    );
    expect(run.stdout).toMatch(/6 error\(s\), 1 warning\(s\)/);
  });
});

describe('media headers (read without decoding)', () => {
  it('finds the size sharp finds, in every image format the ingest takes', async () => {
    const raw = await sharp({
      create: { width: 333, height: 222, channels: 3, background: '#8b2e1f' },
    })
      .raw()
      .toBuffer();
    const image = () => sharp(raw, { raw: { width: 333, height: 222, channels: 3 } });
    const encoded = {
      jpeg: await image().jpeg().toBuffer(),
      png: await image().png().toBuffer(),
      gif: await image().gif().toBuffer(),
      tiff: await image().tiff().toBuffer(),
      avif: await image().avif({ effort: 0 }).toBuffer(),
      webp: await image().webp().toBuffer(),
    } as const;
    for (const [format, bytes] of Object.entries(encoded)) {
      expect([
        format,
        imageDimensions(format as keyof typeof encoded, bufferSource(bytes)),
      ]).toEqual([format, { width: 333, height: 222 }]);
    }
    const lossless = await image().webp({ lossless: true }).toBuffer();
    expect(imageDimensions('webp', bufferSource(lossless))).toEqual({ width: 333, height: 222 });
    const withAlpha = await image().ensureAlpha(0.5).webp().toBuffer(); // VP8X container
    expect(imageDimensions('webp', bufferSource(withAlpha))).toEqual({ width: 333, height: 222 });
  });

  it('refuses JPEG and AVIF headers that claim more pixels than the ingest allows', async () => {
    const small = sharp({ create: { width: 64, height: 48, channels: 3, background: '#123456' } });
    const jpeg = Buffer.from(await small.clone().jpeg().toBuffer());
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(40_000, sof + 5);
    jpeg.writeUInt16BE(30_000, sof + 7);
    const avif = Buffer.from(await small.clone().avif({ effort: 0 }).toBuffer());
    const ispe = avif.indexOf('ispe');
    avif.writeUInt32BE(20_000, ispe + 8);
    avif.writeUInt32BE(20_000, ispe + 12);
    for (const [name, bytes, claim] of [
      ['bomb.jpg', jpeg, '30000×40000'],
      ['bomb.avif', avif, '20000×20000'],
    ] as const) {
      expect(sniffMedia(name, 'images.0.file', bufferSource(bytes))).toMatchObject([
        { en: expect.stringContaining(`declares ${claim} pixels`) },
      ]);
    }
  });

  it('walks past large metadata segments to a JPEG frame header', async () => {
    const jpeg = await sharp({ create: { width: 50, height: 40, channels: 3, background: '#fff' } })
      .withExif({ IFD0: { ImageDescription: 'x'.repeat(60_000) } })
      .jpeg()
      .toBuffer();
    expect(imageDimensions('jpeg', bufferSource(jpeg))).toEqual({ width: 50, height: 40 });
  });

  it('finds no truncation in complete files and finds it in cut ones', async () => {
    const jpeg = await patternImage(300, 200, 3);
    const webp = await patternImage(300, 200, 4, 'webp');
    expect(truncation('jpeg', bufferSource(jpeg))).toBeUndefined();
    expect(truncation('webp', bufferSource(webp))).toBeUndefined();
    expect(truncation('webp', bufferSource(webp.subarray(0, 200)))?.en).toMatch(
      new RegExp(`announces ${webp.length} bytes, the file has 200`),
    );
  });

  it('accepts a phone JPEG with a video appended after its end marker', async () => {
    const jpeg = await patternImage(300, 200, 5);
    const video = Buffer.alloc(200_000, 0x20);
    const motion = Buffer.concat([jpeg, video, Buffer.from('MotionPhoto_Data\0\0\0\0SEFT')]);
    expect(truncation('jpeg', bufferSource(motion))).toBeUndefined();
    expect(truncation('jpeg', bufferSource(Buffer.concat([jpeg, video])))).toBeDefined();
  });

  it('checks a model field for a GLB that is really a GLB and complete', () => {
    const glb = Buffer.alloc(12 + 20);
    glb.write('glTF', 0, 'latin1');
    glb.writeUInt32LE(2, 4);
    glb.writeUInt32LE(5000, 8);
    expect(sniffMedia('model.glb', 'models.0.file', bufferSource(glb))).toMatchObject([
      {
        field: 'models.0.file',
        en: expect.stringMatching(/announces 5000 bytes, the file has 32/),
      },
    ]);
    glb.writeUInt32LE(32, 8);
    expect(sniffMedia('model.glb', 'models.0.file', bufferSource(glb))).toEqual([]);
    expect(
      sniffMedia('model.glb', 'models.0.file', bufferSource(Buffer.from('hello'))),
    ).toMatchObject([
      { en: expect.stringMatching(/is not a GLB file \(its content looks like text\)/) },
    ]);
    expect(sniffMedia('poster.glb', 'models.0.poster', bufferSource(glb))).toMatchObject([
      { en: expect.stringMatching(/is not an image the ingest takes/) },
    ]);
  });
});
