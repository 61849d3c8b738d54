import { spawn } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageEntry, MediaManifest } from '../../../src/lib/records/media-manifest.ts';
import { REPO_ROOT, type TempProject, patternImage, tempProject } from './helpers.ts';

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

async function mtimes(files: string[]): Promise<Map<string, number>> {
  return new Map(await Promise.all(files.map(async (f) => [f, (await stat(f)).mtimeMs] as const)));
}

describe('incremental runs', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await tempProject();
    for (let i = 0; i < 4; i += 1) {
      await project.record('works', `w${i}`);
      await project.write(`content/works/w${i}/photo.jpg`, await patternImage(700, 500, 100 + i));
    }
    const first = await project.ingest();
    expect(first.report.processed).toBe(4);
  });
  afterAll(() => project.cleanup());

  it('skips every unchanged master on a second run without touching any output', async () => {
    const files = await listFiles(join(project.root, 'public'));
    const before = await mtimes(files);
    const second = await project.ingest();
    expect(second.report.processed).toBe(0);
    expect(second.report.skipped).toBe(4);
    expect(await mtimes(files)).toEqual(before);
    expect(second.report.durationMs).toBeLessThan(1000);
  });

  it('reprocesses only the master a curator replaced, under new URLs, and removes its old outputs', async () => {
    const old = (await project.ingest()).manifest.items['works/w2/photo.jpg'] as ImageEntry;
    await project.write('content/works/w2/photo.jpg', await patternImage(720, 480, 999));
    const run = await project.ingest({ acceptChanged: ['content/works/w2/photo.jpg'] });
    expect(run.report.items.filter((i) => i.status === 'processed').map((i) => i.key)).toEqual([
      'works/w2/photo.jpg',
    ]);
    const fresh = run.manifest.items['works/w2/photo.jpg'] as ImageEntry;
    expect(fresh.width).toBe(720);
    expect(fresh.derivatives[0]!.url).not.toBe(old.derivatives[0]!.url);
    const dir = await readdir(join(project.root, 'public/media/works/w2/photo'));
    expect(dir).toHaveLength(fresh.derivatives.length);
    expect(run.report.fixity.updated).toEqual(['works/w2/photo.jpg']);
  });

  it('regenerates a master whose outputs were deleted', async () => {
    const entry = (await project.ingest()).manifest.items['works/w1/photo.jpg'] as ImageEntry;
    const { rm } = await import('node:fs/promises');
    await rm(join(project.root, 'public', entry.derivatives[0]!.url));
    const run = await project.ingest();
    expect(run.report.processed).toBe(1);
  });

  it('reprocesses images when an image setting (the IIIF base URL) changes', async () => {
    const run = await project.ingest({ siteUrl: 'https://baigong.example' });
    expect(run.report.processed).toBe(4);
    const again = await project.ingest({ siteUrl: 'https://baigong.example' });
    expect(again.report.processed).toBe(0);
  });

  it('removes outputs and entries of masters that were deleted', async () => {
    const { rm } = await import('node:fs/promises');
    await rm(join(project.root, 'content/works/w3/photo.jpg'));
    const run = await project.ingest({ siteUrl: 'https://baigong.example' });
    expect(run.manifest.items['works/w3/photo.jpg']).toBeUndefined();
    expect(run.report.removedOutputs).toEqual(['works/w3/photo.jpg']);
    expect(run.report.fixity.missing).toEqual(['works/w3/photo.jpg']);
    await expect(stat(join(project.root, 'public/media/works/w3/photo'))).rejects.toThrow();
  });
});

describe('interrupted run (CLI killed halfway, then run again)', { timeout: 240_000 }, () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await tempProject();
    for (let i = 0; i < 6; i += 1) {
      await project.record('works', `k${i}`);
      await project.write(`content/works/k${i}/photo.jpg`, await patternImage(2000, 1500, 200 + i));
    }
  });
  afterAll(() => project.cleanup());

  const cli = (args: string[] = []) =>
    spawn(
      process.execPath,
      [join(REPO_ROOT, 'scripts/ingest-media.ts'), '--root', project.root, '--jobs', '1', ...args],
      { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );

  it('leaves no half-written file and the next run completes the work', async () => {
    const child = cli();
    const media = join(project.root, 'public/media');
    const killed = await new Promise<boolean>((resolve, reject) => {
      const timer = setInterval(async () => {
        try {
          const files = await listFiles(media);
          if (files.some((f) => !f.includes('.ingest-tmp-'))) {
            clearInterval(timer);
            child.kill('SIGKILL');
            resolve(true);
          }
        } catch {
          // public/media not created yet
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(timer);
        resolve(false);
      });
      child.on('error', reject);
    });
    expect(killed).toBe(true);
    await new Promise((r) => child.once('exit', r).once('close', r));
    // The killed run did not finish: no media.json yet.
    await expect(stat(join(project.root, 'generated/media.json'))).rejects.toThrow();

    const second = cli(['--json']);
    let stdout = '';
    second.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const code = await new Promise<number | null>((r) => second.on('exit', r));
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { processed: number; skipped: number; errors: unknown[] };
    expect(report.errors).toEqual([]);
    expect(report.processed + report.skipped).toBe(6);

    const manifest = JSON.parse(
      await readFile(join(project.root, 'generated/media.json'), 'utf8'),
    ) as MediaManifest;
    expect(Object.keys(manifest.items)).toHaveLength(6);
    for (const entry of Object.values(manifest.items) as ImageEntry[]) {
      for (const d of entry.derivatives) {
        expect((await stat(join(project.root, 'public', d.url))).size).toBe(d.bytes);
      }
    }
    const everything = [
      ...(await listFiles(join(project.root, 'public'))),
      ...(await listFiles(join(project.root, 'generated'))),
      ...(await listFiles(join(project.root, '.cache'))),
    ];
    expect(everything.filter((f) => f.includes('.ingest-tmp-'))).toEqual([]);
  });

  it('prints plain progress lines when CI=true', async () => {
    await writeFile(
      join(project.root, 'content/works/k0/photo.jpg'),
      await patternImage(300, 200, 300),
    );
    const child = cli(['--accept-changed', 'content/works/k0/photo.jpg']);
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    await new Promise((r) => child.on('exit', r));
    expect(stderr).toMatch(/^\[\d+\/6\] processed works\/k0\/photo\.jpg \(\d+\.\d+ s\)$/m);
    expect(stderr).not.toContain('\r');
    expect(stdout).toMatch(/processed\s+1/);
    expect(stdout).toMatch(/skipped \(unchanged\)\s+5/);
  });
});
