import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageEntry } from '../../../src/lib/records/media-manifest.ts';
import {
  changedMasterMessage,
  diffFixity,
  recordReplacement,
  serialiseFixity,
} from '../../../scripts/lib/ingest/fixity.ts';
import type { IngestReport } from '../../../scripts/lib/ingest/report.ts';
import { formatVerify, runVerify } from '../../../scripts/lib/ingest/verify.ts';
import { REPO_ROOT, type TempProject, patternImage, patternRaw, tempProject } from './helpers.ts';

describe('fixity manifest', () => {
  it('serialises with sorted keys, two-space indentation and a final newline', () => {
    const text = serialiseFixity({
      'works/b/x.jpg': { sha256: 'b'.repeat(64), bytes: 2, type: 'image/jpeg' },
      'works/a/y.png': { sha256: 'a'.repeat(64), bytes: 1, type: 'image/png' },
    });
    expect(text.indexOf('works/a/y.png')).toBeLessThan(text.indexOf('works/b/x.jpg'));
    expect(text).toMatch(/^\{\n {2}"works\/a\/y\.png": \{\n {4}"sha256"/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('keeps the history of replaced versions, oldest first', () => {
    const first = { sha256: 'a'.repeat(64), bytes: 1, type: 'image/png' };
    const second = recordReplacement(
      first,
      { sha256: 'b'.repeat(64), bytes: 2, type: 'image/png' },
      new Date('2026-03-01T12:00:00Z'),
    );
    const third = recordReplacement(
      second,
      { sha256: 'c'.repeat(64), bytes: 3, type: 'image/png' },
      new Date('2026-04-02T12:00:00Z'),
    );
    const text = serialiseFixity({ 'works/a/x.png': third });
    expect(JSON.parse(text)['works/a/x.png']).toEqual({
      sha256: 'c'.repeat(64),
      bytes: 3,
      type: 'image/png',
      replaced: [
        { sha256: 'a'.repeat(64), bytes: 1, date: '2026-03-01' },
        { sha256: 'b'.repeat(64), bytes: 2, date: '2026-04-02' },
      ],
    });
  });

  it('quotes a path with spaces in the command that accepts a replacement', () => {
    const message = changedMasterMessage(
      [
        {
          key: 'works/a/青花 (正面).jpg',
          path: "content/works/a/青花 (正面)'s.jpg",
          recorded: { sha256: 'a'.repeat(64), bytes: 1, type: 'image/jpeg' },
          found: { sha256: 'b'.repeat(64), bytes: 1 },
        },
      ],
      'content/fixity.json',
    );
    expect(message).toContain(
      `npm run ingest -- --accept-changed 'content/works/a/青花 (正面)'\\''s.jpg'`,
    );
  });

  it('classifies changed, missing and new entries', () => {
    const r = (sha: string) => ({ sha256: sha, bytes: 1, type: 'image/jpeg' });
    const diff = diffFixity(
      { a: r('1'), b: r('2'), c: r('3') },
      { a: r('1'), b: r('9'), d: r('4') },
    );
    expect(diff.ok).toEqual(['a']);
    expect(diff.changed.map((c) => c.key)).toEqual(['b']);
    expect(diff.missing.map((m) => m.key)).toEqual(['c']);
    expect(diff.added.map((a) => a.key)).toEqual(['d']);
  });
});

describe('verify (re-hash masters against content/fixity.json)', () => {
  let project: TempProject;
  let masterBefore: Buffer;
  beforeAll(async () => {
    project = await tempProject();
    await project.record('crafts', 'celadon');
    await project.write('content/crafts/celadon/a.jpg', await patternImage(200, 150, 31));
    await project.write('content/crafts/celadon/b.png', await patternImage(200, 150, 32, 'png'));
    await project.write('content/crafts/celadon/c.jpg', await patternImage(200, 150, 33));
    masterBefore = await readFile(join(project.root, 'content/crafts/celadon/a.jpg'));
    expect((await project.ingest()).exitCode).toBe(0);
  });
  afterAll(() => project.cleanup());

  it('records SHA-256, size and MIME type of every master after ingest', async () => {
    const fixity = JSON.parse(await readFile(join(project.root, 'content/fixity.json'), 'utf8'));
    expect(Object.keys(fixity)).toEqual([
      'crafts/celadon/a.jpg',
      'crafts/celadon/b.png',
      'crafts/celadon/c.jpg',
    ]);
    const { createHash } = await import('node:crypto');
    expect(fixity['crafts/celadon/a.jpg']).toEqual({
      sha256: createHash('sha256').update(masterBefore).digest('hex'),
      bytes: masterBefore.length,
      type: 'image/jpeg',
    });
  });

  it('passes when nothing changed and never modifies the masters', async () => {
    const result = await runVerify({ root: project.root });
    expect(result.exitCode).toBe(0);
    expect(result.diff.ok).toHaveLength(3);
    expect(await readFile(join(project.root, 'content/crafts/celadon/a.jpg'))).toEqual(
      masterBefore,
    );
  });

  it('reports a changed, a missing and a new master and exits 1 (CLI, --json)', async () => {
    // A curator overwrites a.jpg with another photo (same name, other bytes).
    await writeFile(
      join(project.root, 'content/crafts/celadon/a.jpg'),
      await patternImage(200, 150, 35),
    );
    await rm(join(project.root, 'content/crafts/celadon/b.png'));
    await project.write('content/crafts/celadon/d.jpg', await patternImage(100, 100, 34));
    const run = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'scripts/verify-masters.ts'), '--json', '--root', project.root],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      changed: { key: string }[];
      missing: { key: string }[];
      new: { key: string }[];
    };
    expect(report.ok).toBe(false);
    expect(report.changed.map((c) => c.key)).toEqual(['crafts/celadon/a.jpg']);
    expect(report.missing.map((c) => c.key)).toEqual(['crafts/celadon/b.png']);
    expect(report.new.map((c) => c.key)).toEqual(['crafts/celadon/d.jpg']);
    const human = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'scripts/verify-masters.ts'), '--root', project.root],
      { encoding: 'utf8' },
    );
    expect(human.stdout).toContain('CHANGED crafts/celadon/a.jpg');
    expect(human.stdout).toContain('MISSING crafts/celadon/b.png');
    expect(human.stdout).toContain('NEW     crafts/celadon/d.jpg');
  });

  it('accepts the changes once a curator runs ingest (--accept-changed for the replacement, --prune-fixity for removals)', async () => {
    const run = await project.ingest({
      pruneFixity: true,
      acceptChanged: ['content/crafts/celadon/a.jpg'],
    });
    expect(run.report.errors).toEqual([]);
    expect(run.report.fixity.updated).toEqual(['crafts/celadon/a.jpg']);
    expect(run.report.fixity.added).toEqual(['crafts/celadon/d.jpg']);
    expect(run.report.fixity.pruned).toEqual(['crafts/celadon/b.png']);
    expect((await runVerify({ root: project.root })).exitCode).toBe(0);
  });
});

describe('a changed master (bit rot, or a replacement nobody accepted)', () => {
  let project: TempProject;
  let fixityBefore: string;
  let recorded: { sha256: string; bytes: number };
  let original: Buffer;
  let flipped: Buffer;
  const scan = 'content/works/scan/master.tif';
  const fixityText = () => readFile(join(project.root, 'content/fixity.json'), 'utf8');
  const cli = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'scripts/ingest-media.ts'), '--root', project.root, ...args],
      { encoding: 'utf8', env: { ...process.env, CI: 'true' } },
    );

  beforeAll(async () => {
    project = await tempProject();
    await project.record('works', 'scan');
    await project.record('works', 'other');
    // An uncompressed TIFF, like an archival scan: a flipped bit in its pixels still decodes.
    const raw = await patternRaw(300, 200, 41);
    const tiff = await sharp(raw, { raw: { width: 300, height: 200, channels: 3 } })
      .tiff({ compression: 'none' })
      .toBuffer();
    await project.write(scan, tiff);
    await project.write('content/works/other/photo.jpg', await patternImage(300, 200, 42));
    expect((await project.ingest()).exitCode).toBe(0);
    fixityBefore = await fixityText();
    recorded = JSON.parse(fixityBefore)['works/scan/master.tif'];
    original = tiff;
    flipped = Buffer.from(tiff);
    flipped[Math.floor(tiff.length * 0.6)]! ^= 0x01;
    await project.write(scan, flipped);
    expect((await sharp(flipped).stats()).channels).toHaveLength(3);
  });
  afterAll(() => project.cleanup());

  it('stops the ingest, naming the file, both hashes and the command that accepts it', async () => {
    const run = await project.ingest();
    expect(run.exitCode).toBe(1);
    const found = createHash('sha256').update(flipped).digest('hex');
    const [error, ...others] = run.report.errors;
    expect(others).toEqual([]);
    expect(error?.key).toBe('works/scan/master.tif');
    expect(error?.message).toContain(`recorded sha256 ${recorded.sha256}`);
    expect(error?.message).toContain(`found sha256 ${found}`);
    expect(error?.message).toContain(`npm run ingest -- --accept-changed ${scan}`);
    expect(run.report.fixity.changed).toEqual(['works/scan/master.tif']);
    expect(run.report.fixity.updated).toEqual([]);
  });

  it('leaves fixity.json as it was and keeps every good output', async () => {
    const run = await project.ingest();
    expect(await fixityText()).toBe(fixityBefore);
    // The other master is untouched, and the scan keeps the derivatives of its recorded bytes.
    expect(run.report.items.find((i) => i.key === 'works/other/photo.jpg')?.status).toBe('skipped');
    const kept = run.manifest.items['works/scan/master.tif'] as ImageEntry;
    expect(kept.master.sha256).toBe(recorded.sha256);
    for (const d of kept.derivatives) {
      expect((await stat(join(project.root, 'public', d.url))).size).toBe(d.bytes);
    }
  });

  it('is still reported by verify', async () => {
    const result = await runVerify({ root: project.root });
    expect(result.exitCode).toBe(1);
    expect(result.diff.changed.map((c) => c.key)).toEqual(['works/scan/master.tif']);
    expect(formatVerify(result.diff)).toContain(`npm run ingest -- --accept-changed ${scan}`);
  });

  it('makes the CLI (and so build, start and dev) exit non-zero with the file named', () => {
    const run = cli();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`✗ works/scan: master.tif: changed since it was recorded`);
    expect(run.stdout).toContain(`--accept-changed ${scan}`);
  });

  it('refuses an --accept-changed path that names no master, before touching anything', async () => {
    const run = cli('--accept-changed', 'content/works/scan/typo.tif');
    expect(run.status).toBe(2);
    expect(await fixityText()).toBe(fixityBefore);
    expect(run.stderr).toMatch(/--accept-changed content\/works\/scan\/typo\.tif: no master/);
  });

  it('passes again, with nothing to redo, once the master is restored from backup', async () => {
    await project.write(scan, original);
    const run = await project.ingest();
    expect(run.exitCode).toBe(0);
    expect(run.report.processed).toBe(0);
    expect(await fixityText()).toBe(fixityBefore);
    await project.write(scan, flipped);
  });

  it('accepts the replacement with --accept-changed and keeps the old hash as history', async () => {
    const run = cli('--accept-changed', scan, '--json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as IngestReport;
    expect(report.fixity.updated).toEqual(['works/scan/master.tif']);
    expect(report.items.find((i) => i.key === 'works/scan/master.tif')?.status).toBe('processed');
    const entry = JSON.parse(await fixityText())['works/scan/master.tif'];
    expect(entry).toEqual({
      sha256: createHash('sha256').update(flipped).digest('hex'),
      bytes: flipped.length,
      type: 'image/tiff',
      replaced: [
        {
          sha256: recorded.sha256,
          bytes: recorded.bytes,
          date: new Date().toISOString().slice(0, 10),
        },
      ],
    });
    expect((await runVerify({ root: project.root })).exitCode).toBe(0);
    // Accepted once: later runs need no flag and keep the history.
    expect((await project.ingest()).exitCode).toBe(0);
    expect(JSON.parse(await fixityText())['works/scan/master.tif'].replaced).toHaveLength(1);
  });
});
