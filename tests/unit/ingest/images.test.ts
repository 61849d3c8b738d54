import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ImageEntry,
  type MediaManifest,
  derivativesOf,
} from '../../../src/lib/records/media-manifest.ts';
import {
  type TempProject,
  patternImage,
  patternRaw,
  pixelAt,
  tempProject,
  tiff16,
} from './helpers.ts';

describe('image pipeline (runIngest on a temporary project)', () => {
  let project: TempProject;
  let manifest: MediaManifest;
  let exitCode: number;
  const image = (file: string) => manifest.items[`works/plate/${file}`] as ImageEntry;
  const outputPath = (url: string) => join(project.root, 'public', url);

  beforeAll(async () => {
    project = await tempProject();
    const dir = await project.record('works', 'plate');
    const w = (name: string, data: Buffer) => project.write(`content/works/plate/${name}`, data);
    // EXIF orientation 6 (rotate 90° clockwise to display), plus camera, date and GPS.
    await w(
      'rotated.jpg',
      await sharp(await patternRaw(600, 400, 1), { raw: { width: 600, height: 400, channels: 3 } })
        .jpeg()
        .withMetadata({ orientation: 6 })
        .withExif({
          IFD0: { Make: 'Nikon', Model: 'Z 7II' },
          IFD2: { DateTimeOriginal: '2023:09:14 08:30:00', BodySerialNumber: 'SN-123456' },
          IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1' },
        })
        .toBuffer(),
    );
    await w('small.png', await patternImage(500, 300, 2, 'png'));
    await w('scan16.tif', tiff16(700, 500));
    // Display-P3 master: stored values differ from the sRGB values they represent.
    await w(
      'p3.jpg',
      await sharp({ create: { width: 400, height: 300, channels: 3, background: '#00c800' } })
        .withIccProfile('p3')
        .jpeg({ quality: 100 })
        .toBuffer(),
    );
    // Two-frame GIF: first frame vermilion, second blue.
    const frames = Buffer.concat([
      await sharp({ create: { width: 64, height: 48, channels: 3, background: '#ed4a2a' } })
        .raw()
        .toBuffer(),
      await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0000ff' } })
        .raw()
        .toBuffer(),
    ]);
    await w(
      'anim.gif',
      await sharp(frames, { raw: { width: 64, height: 96, channels: 3, pageHeight: 48 } })
        .gif()
        .toBuffer(),
    );
    await w('pattern.webp', await patternImage(640, 480, 3, 'webp'));
    await w('pattern.avif', await patternImage(400, 400, 4, 'avif'));
    await w(
      'alpha.png',
      await sharp({
        create: {
          width: 300,
          height: 200,
          channels: 4,
          background: { r: 0, g: 0, b: 0, alpha: 0 },
        },
      })
        .composite([{ input: await patternImage(150, 100, 5, 'png'), left: 10, top: 10 }])
        .png()
        .toBuffer(),
    );
    // Large enough to zoom (longer side ≥ 2400): gets IIIF tiles.
    await w('wide.jpg', await patternImage(2600, 600, 6));
    await w('photos/detail 细节.jpg', await patternImage(330, 330, 7));
    expect(dir).toContain('plate');
    const result = await project.ingest({ siteUrl: 'https://museum.example.org' });
    manifest = result.manifest;
    exitCode = result.exitCode;
  });
  afterAll(() => project.cleanup());

  it('processes every supported format and exits 0', () => {
    expect(exitCode).toBe(0);
    expect(Object.keys(manifest.items).sort()).toEqual(
      [
        'alpha.png',
        'anim.gif',
        'p3.jpg',
        'pattern.avif',
        'pattern.webp',
        'photos/detail 细节.jpg',
        'rotated.jpg',
        'scan16.tif',
        'small.png',
        'wide.jpg',
      ].map((f) => `works/plate/${f}`),
    );
  });

  it('writes AVIF, WebP and JPEG derivatives whose files exist with the recorded sizes', async () => {
    const entry = image('pattern.webp');
    for (const format of ['avif', 'webp', 'jpeg'] as const) {
      expect(derivativesOf(entry, format).map((d) => d.width)).toEqual([320, 640]);
    }
    for (const d of entry.derivatives) {
      const meta = await sharp(outputPath(d.url)).metadata();
      expect([meta.width, meta.height]).toEqual([d.width, d.height]);
      expect(meta.format).toBe(d.format === 'avif' ? 'heif' : d.format);
      expect((await readFile(outputPath(d.url))).length).toBe(d.bytes);
    }
  });

  it('never upscales and includes the original width when it is below the top rung', () => {
    expect(derivativesOf(image('small.png'), 'webp').map((d) => d.width)).toEqual([320, 500]);
    // 320 is within the ladder's minimum step (10 %) below 330: only the original width is made
    expect(derivativesOf(image('photos/detail 细节.jpg'), 'jpeg').map((d) => d.width)).toEqual([
      330,
    ]);
    expect(derivativesOf(image('wide.jpg'), 'avif').at(-1)?.width).toBe(2560);
  });

  it('applies EXIF orientation to the recorded size and to the derivatives', async () => {
    const entry = image('rotated.jpg');
    expect([entry.width, entry.height]).toEqual([400, 600]);
    expect(entry.tags.orientation).toBe('portrait');
    const largest = derivativesOf(entry, 'jpeg').at(-1)!;
    const meta = await sharp(outputPath(largest.url)).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([400, 600, undefined]);
  });

  it('strips EXIF, GPS, XMP and ICC metadata from every derivative', async () => {
    const master = await readFile(join(project.root, 'content/works/plate/rotated.jpg'));
    expect(master.includes('SN-123456')).toBe(true);
    expect((await sharp(master).metadata()).orientation).toBe(6);
    for (const d of image('rotated.jpg').derivatives) {
      const bytes = await readFile(outputPath(d.url));
      const meta = await sharp(bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(bytes.includes('SN-123456')).toBe(false);
      expect(bytes.includes('Nikon')).toBe(false);
    }
  });

  it('keeps capture date and camera as data in the tags', () => {
    expect(image('rotated.jpg').tags.capturedAt).toBe('2023-09-14T08:30:00');
    expect(image('rotated.jpg').tags.camera).toBe('Nikon Z 7II');
  });

  it('converts colours to sRGB through the embedded ICC profile', async () => {
    const stored = await sharp(join(project.root, 'content/works/plate/p3.jpg'))
      .keepIccProfile()
      .raw()
      .toBuffer();
    // The P3 file stores roughly (90, 197, 59); its sRGB meaning is about (0, 200, 0).
    expect(stored[0]).toBeGreaterThan(60);
    const px = await pixelAt(outputPath(derivativesOf(image('p3.jpg'), 'jpeg').at(-1)!.url), 5, 5);
    expect(px[0]).toBeLessThan(25);
    expect(px[1]).toBeGreaterThan(185);
    expect(px[2]).toBeLessThan(30);
  });

  it('reads 16-bit TIFF scans and writes 8-bit derivatives', async () => {
    const entry = image('scan16.tif');
    expect(entry.master.format).toBe('tiff');
    expect([entry.width, entry.height]).toEqual([700, 500]);
    const out = derivativesOf(entry, 'webp').at(-1)!;
    const meta = await sharp(outputPath(out.url)).metadata();
    expect(meta.depth).toBe('uchar');
    // Blue channel 40000/65535 ≈ 156 in 8 bits.
    const px = await pixelAt(outputPath(out.url), 350, 250);
    expect(px[2]).toBeGreaterThan(145);
    expect(px[2]).toBeLessThan(167);
  });

  it('uses the first frame of an animated GIF', async () => {
    const entry = image('anim.gif');
    expect([entry.width, entry.height]).toEqual([64, 48]);
    const px = await pixelAt(outputPath(derivativesOf(entry, 'webp')[0]!.url), 32, 24);
    expect(px[0]).toBeGreaterThan(200);
    expect(px[2]).toBeLessThan(80);
    expect(entry.tags.dominant.name.zh).toBe('朱红');
    expect(entry.warnings.join(' ')).toContain('first frame');
  });

  it('reads WebP and AVIF masters', () => {
    expect(image('pattern.webp').master.format).toBe('webp');
    expect(image('pattern.avif').master.format).toBe('avif');
    expect(image('pattern.avif').derivatives).toHaveLength(6);
  });

  it('keeps transparency with a PNG fallback instead of JPEG', async () => {
    const entry = image('alpha.png');
    expect(entry.hasAlpha).toBe(true);
    expect(derivativesOf(entry, 'jpeg')).toEqual([]);
    const png = derivativesOf(entry, 'png').at(-1)!;
    expect((await sharp(outputPath(png.url)).metadata()).hasAlpha).toBe(true);
  });

  it('gives every image a tiny WebP placeholder as a data URI', async () => {
    const entry = image('small.png');
    expect(entry.placeholder).toMatch(/^data:image\/webp;base64,/);
    const bytes = Buffer.from(entry.placeholder.split(',')[1]!, 'base64');
    expect(bytes.length).toBeLessThan(400);
    expect((await sharp(bytes).metadata()).width).toBe(16);
  });

  it('uses URL-safe output names for names with spaces and Chinese characters', () => {
    for (const d of image('photos/detail 细节.jpg').derivatives) {
      expect(d.url).toMatch(/^\/media\/works\/plate\/photos-detail-xi-jie\/[a-z0-9.-]+$/);
    }
  });

  it('cuts IIIF level-0 tiles with an absolute id only for images large enough to zoom', async () => {
    expect(image('small.png').iiif).toBeUndefined();
    const { iiif } = image('wide.jpg');
    expect(iiif?.id).toBe('https://museum.example.org/media/works/plate/wide/iiif');
    const info = JSON.parse(await readFile(outputPath(iiif!.info), 'utf8')) as {
      id: string;
      type: string;
      profile: string;
      width: number;
      height: number;
      tiles: { width: number; scaleFactors: number[] }[];
    };
    expect(info).toMatchObject({
      id: iiif!.id,
      type: 'ImageService3',
      profile: 'level0',
      width: 2600,
      height: 600,
    });
    expect(info.tiles[0]?.width).toBe(512);
    const tile = await sharp(
      outputPath(`${iiif!.info.replace('info.json', '')}0,0,512,512/512,512/0/default.jpg`),
    ).metadata();
    expect([tile.width, tile.height]).toEqual([512, 512]);
  });
});
