import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireIngestLock, IngestLockedError } from '../../../scripts/lib/ingest/lock.ts';
import { TMP_MARK } from '../../../scripts/lib/ingest/atomic-write.ts';
import { patternImage, tempProject, type TempProject } from './helpers.ts';

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('ingest lock', () => {
  let project: TempProject;
  let lockFile: string;
  beforeEach(async () => {
    project = await tempProject();
    lockFile = join(project.root, '.cache', 'ingest', 'lock');
  });
  afterEach(() => project.cleanup());

  it('lets one run hold it and tells a second run who holds it', async () => {
    const release = await acquireIngestLock(lockFile);
    const second = acquireIngestLock(lockFile);
    await expect(second).rejects.toBeInstanceOf(IngestLockedError);
    await expect(second).rejects.toThrow(
      `${lockFile}: another ingest is running (pid ${process.pid}`,
    );
    await release();
    expect(existsSync(lockFile)).toBe(false);
    await (
      await acquireIngestLock(lockFile)
    )();
  });

  it('takes over the lock of a run that was killed', async () => {
    const stale = { pid: deadPid(), host: hostname(), started: '2026-01-01T00:00:00.000Z' };
    await project.write('.cache/ingest/lock', JSON.stringify(stale));
    const release = await acquireIngestLock(lockFile);
    expect(JSON.parse(await readFile(lockFile, 'utf8')).pid).toBe(process.pid);
    await release();
  });

  it('refuses to ingest while another run holds it, leaving that run\u2019s files alone', async () => {
    await project.record('works', 'w');
    await project.write('content/works/w/photo.jpg', await patternImage(400, 300, 7));
    const inFlight = join(project.root, 'public', 'media', `${TMP_MARK}1-abcd-photo-320.webp`);
    await project.write(`public/media/${TMP_MARK}1-abcd-photo-320.webp`, 'being written');
    const release = await acquireIngestLock(lockFile);
    await expect(project.ingest()).rejects.toBeInstanceOf(IngestLockedError);
    expect(existsSync(inFlight)).toBe(true);
    expect(existsSync(join(project.root, 'generated', 'media.json'))).toBe(false);
    await release();
    const result = await project.ingest();
    expect(result.report.processed).toBe(1);
    expect(existsSync(lockFile)).toBe(false);
  });

  it('releases the lock when a run ends with bad input', async () => {
    await project.record('works', 'w');
    await writeFile(join(project.root, 'content', 'works', 'w', 'broken.jpg'), 'not a jpeg');
    const result = await project.ingest();
    expect(result.exitCode).toBe(1);
    expect(existsSync(lockFile)).toBe(false);
  });
});
