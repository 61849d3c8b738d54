/**
 * Static IIIF Image API 3 services: the tiles cut by libvips plus what its info.json leaves out,
 * whole-image `sizes` (with the files behind them) and `rights` (issue #17 point 16). Real images,
 * real sharp, real files.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fullSizes,
  imageLicenses,
  rightsFor,
  stampIiifRights,
  stampRights,
  type IiifInfo,
} from '../../../scripts/lib/ingest/iiif-info.ts';
import { makeIiifTiles } from '../../../scripts/lib/ingest/tiles.ts';
import type { ImageEntry } from '../../../src/lib/records/media-manifest.ts';
import { REPO_ROOT } from './helpers.ts';

const W = 2600;
const H = 1800;

describe('IIIF level-0 tiles', () => {
  let dir: string;
  let raw: Buffer;
  let info: IiifInfo;
  const source = () => sharp(raw, { raw: { width: W, height: H, channels: 3 } });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baigong-iiif-'));
    // Noise: every pixel differs from its neighbours, so any resampling shows.
    raw = await sharp({
      create: {
        width: W,
        height: H,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 50 },
      },
    })
      .raw()
      .toBuffer();
    await makeIiifTiles(source(), join(dir, 'iiif'), 'https://museum.example.org/media/x', {
      iiifTileSize: 512,
      iiifQuality: 90,
    });
    info = JSON.parse(await readFile(join(dir, 'iiif', 'info.json'), 'utf8')) as IiifInfo;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists a whole-image size per scale factor above 1, smallest first, each with its file', async () => {
    expect(info.tiles?.[0]?.scaleFactors).toEqual([1, 2, 4, 8]);
    expect(info.sizes).toEqual([
      { width: 325, height: 225 },
      { width: 650, height: 450 },
      { width: 1300, height: 900 },
    ]);
    for (const size of info.sizes!) {
      const file = join(dir, 'iiif', 'full', `${size.width},${size.height}`, '0', 'default.jpg');
      const meta = await sharp(file).metadata();
      expect([meta.width, meta.height]).toEqual([size.width, size.height]);
    }
  });

  it('never enlarges: the full-resolution tiles are the source’s own pixels', async () => {
    expect([info.width, info.height]).toEqual([W, H]);
    expect(Math.max(...info.sizes!.map((s) => s.width))).toBeLessThan(W);
    // Compared in luminance: JPEG keeps colour at half resolution by design.
    const tile = await sharp(join(dir, 'iiif', '1024,512,512,512', '512,512', '0', 'default.jpg'))
      .greyscale()
      .raw()
      .toBuffer();
    const crop = await sharp(
      await source().extract({ left: 1024, top: 512, width: 512, height: 512 }).png().toBuffer(),
    )
      .greyscale()
      .raw()
      .toBuffer();
    // An enlarged tile (here: made from half the pixels) differs far more than JPEG noise does.
    const enlarged = await sharp(
      await source()
        .extract({ left: 1024, top: 512, width: 512, height: 512 })
        .resize(256, 256)
        .png()
        .toBuffer(),
    )
      .resize(512, 512)
      .greyscale()
      .raw()
      .toBuffer();
    const mad = (a: Buffer, b: Buffer) =>
      a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;
    expect(mad(tile, crop) * 3).toBeLessThan(mad(enlarged, crop));
  });

  it('computes sizes as Image API 3 scales them (rounding up)', () => {
    expect(
      fullSizes({ width: 1001, height: 333, tiles: [{ width: 512, scaleFactors: [1, 2] }] }),
    ).toEqual([{ width: 501, height: 167 }]);
  });
});

describe('IIIF rights', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baigong-iiif-rights-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('are the image license as the http URI IIIF requires, only for CC and RightsStatements', () => {
    expect(rightsFor('CC-BY-4.0')).toBe('http://creativecommons.org/licenses/by/4.0/');
    expect(rightsFor('CC0-1.0')).toBe('http://creativecommons.org/publicdomain/zero/1.0/');
    expect(rightsFor('no-such-license')).toBeUndefined();
    expect(rightsFor(undefined)).toBeUndefined();
  });

  it('are stamped into info.json, and follow a change of license in the record', async () => {
    const file = join(dir, 'info.json');
    await writeFile(file, JSON.stringify({ id: 'x', width: 10, height: 10 }));
    expect(await stampRights(file, 'http://creativecommons.org/licenses/by/4.0/')).toBe(true);
    expect(await stampRights(file, 'http://creativecommons.org/licenses/by/4.0/')).toBe(false);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      id: 'x',
      rights: 'http://creativecommons.org/licenses/by/4.0/',
    });
    expect(await stampRights(file, undefined)).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8'))).not.toHaveProperty('rights');
  });

  it('come from the records: the carved panel’s detail is CC BY 4.0', async () => {
    const licenses = imageLicenses(REPO_ROOT, join(REPO_ROOT, 'content'));
    expect(licenses.get('works/chaozhou-carved-panel-illustration/detail.png')).toBe('CC-BY-4.0');
    const info = join(dir, 'works', 'panel', 'detail', 'iiif', 'info.json');
    await mkdir(join(info, '..'), { recursive: true });
    await writeFile(info, JSON.stringify({ id: 'x', width: 10, height: 10 }));
    const entry = {
      kind: 'image',
      iiif: {
        id: 'x',
        info: '/media/works/panel/detail/iiif/info.json',
        width: 10,
        height: 10,
        tileSize: 512,
      },
    } as ImageEntry;
    const changed = await stampIiifRights(
      { 'works/chaozhou-carved-panel-illustration/detail.png': entry },
      licenses,
      dir,
    );
    expect(changed).toEqual(['works/chaozhou-carved-panel-illustration/detail.png']);
    expect(JSON.parse(await readFile(info, 'utf8')).rights).toBe(
      'http://creativecommons.org/licenses/by/4.0/',
    );
    expect(existsSync(info)).toBe(true);
  });
});
