import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageEntry } from '../../../src/lib/records/media-manifest.ts';
import {
  dHash,
  extractPalette,
  nameColour,
  objectPalette,
  orientationOf,
  parseExif,
} from '../../../scripts/lib/ingest/tags.ts';
import type { IngestResult } from '../../../scripts/lib/ingest/run.ts';
import { hammingDistance } from '../../../src/lib/records/perceptual-hash.ts';
import { type TempProject, patternImage, patternRaw, solidImage, tempProject } from './helpers.ts';

describe('colour names', () => {
  it('names exact palette colours with their Chinese and English names', () => {
    expect(nameColour('#ed4a2a')).toEqual({ zh: '朱红', en: 'vermilion' });
    expect(nameColour('#177cb0')).toEqual({ zh: '靛青', en: 'indigo blue' });
    expect(nameColour('#d6ecf0')).toEqual({ zh: '月白', en: 'moon white' });
  });

  it('names a nearby colour by the entry with the least CIEDE2000 difference', () => {
    expect(nameColour('#8eb49e').zh).toBe('青瓷绿');
    expect(nameColour('#fefefe').zh).toBe('精白');
  });
});

describe('palette extraction', () => {
  it('finds the colours of a two-colour image with their shares, largest first', () => {
    const data = new Uint8Array(100 * 3);
    for (let i = 0; i < 100; i += 1) {
      const [r, g, b] = i < 70 ? [237, 74, 42] : [23, 124, 176];
      data.set([r, g, b], i * 3);
    }
    const palette = extractPalette(data, 3);
    expect(palette).toHaveLength(2);
    expect(palette[0]!.share).toBeCloseTo(0.7, 5);
    expect(palette[0]!.rgb.map(Math.round)).toEqual([237, 74, 42]);
    expect(palette[1]!.share).toBeCloseTo(0.3, 5);
  });

  it('ignores transparent pixels', () => {
    const data = new Uint8Array([255, 0, 0, 0, 0, 0, 255, 255]);
    expect(extractPalette(data, 4).map((p) => p.rgb)).toEqual([[0, 0, 255]]);
  });
});

/** A 64×64 RGB picture: `paint(x, y)` gives each pixel. */
function picture(paint: (x: number, y: number) => readonly [number, number, number]): Uint8Array {
  const data = new Uint8Array(64 * 64 * 3);
  for (let y = 0; y < 64; y += 1)
    for (let x = 0; x < 64; x += 1) data.set(paint(x, y), (y * 64 + x) * 3);
  return data;
}

describe('the object’s colours', () => {
  const celadon = [143, 181, 159] as const;
  /** A celadon vase (an ellipse) in front of a dark gallery wall lit from one side. */
  const vase = picture((x, y) => {
    if (((x - 32) / 14) ** 2 + ((y - 34) / 24) ** 2 <= 1) return celadon;
    const light = 40 + Math.round(x / 4);
    return [light, light, light + 4];
  });

  it('measures the object without the wall behind it', () => {
    const whole = extractPalette(vase, 3);
    expect(whole[0]!.rgb[0]).toBeLessThan(70); // the wall covers most of the picture
    const object = objectPalette(vase, 64, 64, 3);
    expect(object).toBeDefined();
    expect(object!.share).toBeGreaterThan(0.2);
    expect(object!.share).toBeLessThan(0.35);
    expect(object!.palette[0]!.hex).toBe('#8fb59f');
    expect(object!.palette[0]!.share).toBe(1);
    expect(object!.palette[0]!.name.zh).toBe('青瓷绿');
  });

  it('gives no object palette where the picture is all object (a detail filling the frame)', () => {
    const brocade = picture((x, y) =>
      (x >> 3) % 2 === (y >> 3) % 2 ? [180, 30, 40] : [220, 180, 60],
    );
    expect(objectPalette(brocade, 64, 64, 3)).toBeUndefined();
  });
});

describe('perceptual hash (dHash)', () => {
  const hashOf = async (input: Buffer) =>
    dHash(
      await sharp(input).greyscale().resize({ width: 9, height: 8, fit: 'fill' }).raw().toBuffer(),
    );

  it('is 16 hex digits and stable under resizing and recompression', async () => {
    const original = await patternImage(800, 600, 41);
    const smaller = await sharp(original).resize(400).jpeg({ quality: 50 }).toBuffer();
    const a = await hashOf(original);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(hammingDistance(a, await hashOf(smaller))).toBeLessThanOrEqual(3);
  });

  it('differs clearly between unrelated images', async () => {
    const a = await hashOf(await patternImage(400, 300, 42));
    const b = await hashOf(await patternImage(400, 300, 43));
    expect(hammingDistance(a, b)).toBeGreaterThan(12);
  });

  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('00000000000000f0', '0000000000000000')).toBe(4);
  });
});

describe('EXIF facts and orientation', () => {
  it('reads capture date with offset and camera from a JPEG', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'FUJIFILM', Model: 'X-T5' },
        IFD2: { DateTimeOriginal: '2024:02:10 16:05:09', OffsetTimeOriginal: '+08:00' },
      })
      .toBuffer();
    const { exif } = await sharp(jpeg).metadata();
    expect(parseExif(exif)).toEqual({
      capturedAt: '2024-02-10T16:05:09+08:00',
      camera: 'FUJIFILM X-T5',
    });
  });

  it('returns nothing for missing or malformed EXIF', () => {
    expect(parseExif(undefined)).toEqual({});
    expect(parseExif(Buffer.from('Exif\0\0garbage-bytes'))).toEqual({});
  });

  it('labels orientation from oriented size', () => {
    expect(orientationOf(300, 200)).toBe('landscape');
    expect(orientationOf(200, 300)).toBe('portrait');
    expect(orientationOf(200, 200)).toBe('square');
  });
});

describe('tags in media.json and near-duplicates across the collection', () => {
  let project: TempProject;
  let result: IngestResult;
  beforeAll(async () => {
    project = await tempProject();
    await project.record('works', 'lacquer');
    await project.record('exhibitions', 'spring');
    await project.record('works', 'indigo');
    const raw = await patternRaw(640, 480, 51);
    await project.write(
      'content/works/lacquer/box.jpg',
      await sharp(raw, { raw: { width: 640, height: 480, channels: 3 } })
        .jpeg({ quality: 92 })
        .toBuffer(),
    );
    // The same photo, resized and recompressed, in another collection.
    await project.write(
      'content/exhibitions/spring/poster-box.webp',
      await sharp(raw, { raw: { width: 640, height: 480, channels: 3 } })
        .resize(500)
        .webp({ quality: 60 })
        .toBuffer(),
    );
    await project.write('content/works/indigo/cloth.png', await solidImage(300, 400, '#177cb0'));
    await project.write('content/works/indigo/other.jpg', await patternImage(640, 480, 52));
    result = await project.ingest();
  });
  afterAll(() => project.cleanup());

  it('stores dominant colour, palette, orientation, size and phash per file', () => {
    const cloth = result.manifest.items['works/indigo/cloth.png'] as ImageEntry;
    expect(cloth.tags.dominant).toEqual({
      hex: '#177cb0',
      name: { zh: '靛青', en: 'indigo blue' },
    });
    expect(cloth.tags.palette[0]!.share).toBe(1);
    expect(cloth.tags).toMatchObject({ orientation: 'portrait', width: 300, height: 400 });
    expect(cloth.tags.phash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('warns about near-duplicates, naming both files, and only about them', () => {
    const dupes = result.report.warnings.filter((w) => w.message.startsWith('near-duplicate'));
    expect(dupes).toHaveLength(1);
    expect(dupes[0]!.message).toContain('exhibitions/spring/poster-box.webp');
    expect(dupes[0]!.message).toContain('works/lacquer/box.jpg');
    const entry = result.manifest.items['works/lacquer/box.jpg'] as ImageEntry;
    expect(entry.warnings).toEqual([
      expect.stringMatching(/^near-duplicate of exhibitions\/spring\/poster-box\.webp/),
    ]);
    expect(result.exitCode).toBe(0);
  });
});
