import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEDIA_FILE, readMediaManifest } from '../../../src/lib/records/media-file.ts';
import {
  type ImageEntry,
  type MediaManifest,
  derivativeForWidth,
  getMedia,
  isImageEntry,
  largestDerivative,
  mediaKey,
  srcsetFor,
} from '../../../src/lib/records/media-manifest.ts';

const entry: ImageEntry = {
  kind: 'image',
  master: { sha256: 'a'.repeat(64), bytes: 10, format: 'jpeg' },
  width: 1000,
  height: 500,
  hasAlpha: false,
  placeholder: 'data:image/webp;base64,',
  derivatives: [640, 320, 1000].flatMap((width) =>
    (['avif', 'webp', 'jpeg'] as const).map((format) => ({
      format,
      width,
      height: width / 2,
      url: `/media/works/x/a/a-${width}.${format}`,
      bytes: width,
    })),
  ),
  tags: {
    dominant: { hex: '#ffffff', name: { zh: '精白', en: 'pure white' } },
    palette: [],
    orientation: 'landscape',
    width: 1000,
    height: 500,
    phash: '0'.repeat(16),
  },
  warnings: [],
};

describe('media manifest helpers', () => {
  it('builds keys from collection, slug and a normalised relative path', () => {
    expect(mediaKey('works', 'bowl', './photos\\front.jpg')).toBe('works/bowl/photos/front.jpg');
  });

  it('looks entries up by record and file', () => {
    const manifest: MediaManifest = {
      version: 1,
      generatedAt: '',
      items: { 'works/x/a.jpg': entry },
    };
    expect(isImageEntry(getMedia(manifest, 'works', 'x', 'a.jpg'))).toBe(true);
    expect(getMedia(manifest, 'works', 'x', 'b.jpg')).toBeUndefined();
  });

  it('writes srcset in ascending width order', () => {
    expect(srcsetFor(entry, 'avif')).toBe(
      '/media/works/x/a/a-320.avif 320w, /media/works/x/a/a-640.avif 640w, /media/works/x/a/a-1000.avif 1000w',
    );
  });

  it('picks the largest fallback and the smallest derivative covering a width', () => {
    expect(largestDerivative(entry)?.url).toBe('/media/works/x/a/a-1000.jpeg');
    expect(derivativeForWidth(entry, 500, 'webp')?.width).toBe(640);
    expect(derivativeForWidth(entry, 5000, 'webp')?.width).toBe(1000);
  });
});

describe('readMediaManifest (the one reader, for pages and the indexer)', () => {
  const project = () => mkdtempSync(join(tmpdir(), 'bg-media-file-'));
  const writeManifest = (root: string, text: string) => {
    mkdirSync(join(root, 'generated'), { recursive: true });
    writeFileSync(join(root, MEDIA_FILE), text);
  };

  it('reads the manifest the ingest wrote', () => {
    const root = project();
    writeManifest(root, JSON.stringify({ version: 1, generatedAt: 'now', items: { a: entry } }));
    expect(readMediaManifest(root)?.items['a']).toEqual(entry);
    rmSync(root, { recursive: true });
  });

  it('gives nothing before the first ingest', () => {
    const root = project();
    expect(readMediaManifest(root)).toBeUndefined();
    rmSync(root, { recursive: true });
  });

  it('names the file when it is not a manifest', () => {
    const root = project();
    writeManifest(root, '{"version": 1, "items": {');
    expect(() => readMediaManifest(root)).toThrow(/generated\/media\.json: not a media manifest/);
    writeManifest(root, '{"version": 1}');
    expect(() => readMediaManifest(root)).toThrow(/no "items" object.*npm run ingest/);
    rmSync(root, { recursive: true });
  });
});
