import { readdir, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageEntry } from '../../../src/lib/records/media-manifest.ts';
import type { IngestResult } from '../../../scripts/lib/ingest/run.ts';
import { type TempProject, patternImage, pngBomb, tempProject } from './helpers.ts';

const CLEAN_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100">
  <rect width="200" height="100" fill="#177cb0"/><circle cx="50" cy="50" r="40" fill="url(#g)"/>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#ed4a2a"/></linearGradient></defs>
</svg>`;

describe('bad input (each reported by record and file; the batch completes)', () => {
  let project: TempProject;
  let result: IngestResult;
  const errorFor = (file: string) =>
    result.report.errors.find((e) => e.key === `works/bad/${file}`)?.message ?? '(no error)';

  beforeAll(async () => {
    project = await tempProject();
    await project.record('works', 'bad');
    await project.record('works', 'good');
    const w = (name: string, data: string | Buffer) =>
      project.write(`content/works/bad/${name}`, data);
    await w('empty.jpg', Buffer.alloc(0));
    const full = await patternImage(800, 600, 11);
    await w('truncated.jpg', full.subarray(0, Math.floor(full.length / 2)));
    await w(
      'garbage.png',
      Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(300, 7)]),
    );
    await w('notes.jpg', 'These are the curator notes, saved with the wrong extension.\n');
    await w(
      'layered.jpg',
      Buffer.concat([Buffer.from('8BPS\x00\x01', 'latin1'), Buffer.alloc(200)]),
    );
    await w('scan.psd', Buffer.concat([Buffer.from('8BPS\x00\x01', 'latin1'), Buffer.alloc(200)]));
    await w('bomb.png', pngBomb());
    await w(
      'script.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    await w(
      'handler.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="steal()"><rect width="5" height="5"/></svg>',
    );
    await w(
      'external.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="https://tracker.example/pixel.png" width="10" height="10"/></svg>',
    );
    await w('clean.svg', CLEAN_SVG);
    await w('青花 瓷盘 (正面).jpg', await patternImage(400, 300, 12));
    const outside = await project.write('outside/secret.jpg', await patternImage(100, 100, 13));
    await symlink(outside, join(project.root, 'content/works/bad/linked.jpg'));
    await project.write('content/works/good/fine.jpg', await patternImage(400, 300, 14));
    result = await project.ingest();
  });
  afterAll(() => project.cleanup());

  it('exits non-zero but still processes the good files', () => {
    expect(result.exitCode).toBe(1);
    expect(result.manifest.items['works/good/fine.jpg']?.kind).toBe('image');
    expect(result.report.processed).toBe(3);
  });

  it('names the collection, record and file in every error', () => {
    for (const error of result.report.errors) {
      expect(error.collection).toBe('works');
      expect(error.slug).toBe('bad');
      expect(error.key).toBe(`works/bad/${error.file}`);
      expect(error.message.length).toBeGreaterThan(10);
    }
    expect(result.report.errors).toHaveLength(11);
  });

  it('rejects a zero-byte file', () => {
    expect(errorFor('empty.jpg')).toMatch(/empty file \(0 bytes\)/);
  });

  it('rejects truncated and corrupt images', () => {
    expect(errorFor('truncated.jpg')).toMatch(/truncated or corrupt/);
    expect(errorFor('garbage.png')).toMatch(/truncated or corrupt/);
  });

  it('rejects a text file with an image extension', () => {
    expect(errorFor('notes.jpg')).toMatch(/text file with a \.jpg extension/);
  });

  it('rejects unsupported formats, by content and by extension', () => {
    expect(errorFor('layered.jpg')).toMatch(/unsupported format: the content is Photoshop PSD/);
    expect(errorFor('scan.psd')).toMatch(/unsupported format \.psd/);
  });

  it('refuses a decompression bomb by its pixel count without decoding it', () => {
    expect(errorFor('bomb.png')).toMatch(/decompression bomb refused: 60000×60000/);
  });

  it('rejects SVGs with scripts, event handlers or external references', () => {
    expect(errorFor('script.svg')).toMatch(/unsafe SVG rejected: .*<script>/);
    expect(errorFor('handler.svg')).toMatch(
      /unsafe SVG rejected: .*event handler attribute \(onload\)/,
    );
    expect(errorFor('external.svg')).toMatch(/external reference \(https:\/\/tracker/);
  });

  it('rasterises a clean SVG to PNG, WebP and AVIF derivatives', async () => {
    const entry = result.manifest.items['works/bad/clean.svg'] as ImageEntry;
    expect(entry.kind).toBe('image');
    expect(entry.width).toBe(2048);
    expect(entry.height).toBe(1024);
    expect(new Set(entry.derivatives.map((d) => d.format))).toEqual(
      new Set(['avif', 'webp', 'png']),
    );
    const png = entry.derivatives.find((d) => d.format === 'png' && d.width === 320)!;
    const bytes = await readFile(join(project.root, 'public', png.url));
    expect((await sharp(bytes).metadata()).format).toBe('png');
    expect(bytes.includes('<svg')).toBe(false);
  });

  it('rejects a symbolic link that escapes the record folder', () => {
    expect(errorFor('linked.jpg')).toMatch(/escapes the record folder/);
    expect(result.manifest.items['works/bad/linked.jpg']).toBeUndefined();
  });

  it('accepts a file name with spaces and Chinese characters, with a URL-safe output name', async () => {
    const entry = result.manifest.items['works/bad/青花 瓷盘 (正面).jpg'] as ImageEntry;
    expect(entry.kind).toBe('image');
    expect(entry.derivatives[0]!.url).toMatch(
      /^\/media\/works\/bad\/qing-hua-ci-pan-zheng-mian\/qing-hua-ci-pan-zheng-mian-320\.[0-9a-f]{8}\.avif$/,
    );
    const files = await readdir(
      join(project.root, 'public/media/works/bad/qing-hua-ci-pan-zheng-mian'),
    );
    expect(files.every((f) => /^[a-z0-9.-]+$/.test(f))).toBe(true);
  });

  it('does not record failed masters in fixity.json', async () => {
    const fixity = JSON.parse(await readFile(join(project.root, 'content/fixity.json'), 'utf8'));
    expect(Object.keys(fixity).sort()).toEqual([
      'works/bad/clean.svg',
      'works/bad/青花 瓷盘 (正面).jpg',
      'works/good/fine.jpg',
    ]);
  });
});
