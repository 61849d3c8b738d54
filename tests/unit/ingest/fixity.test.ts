import { spawnSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffFixity, serialiseFixity } from '../../../scripts/lib/ingest/fixity.ts';
import { runVerify } from '../../../scripts/lib/ingest/verify.ts';
import { REPO_ROOT, type TempProject, patternImage, tempProject } from './helpers.ts';

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

  it('accepts the changes once a curator runs ingest (with --prune-fixity for removals)', async () => {
    const run = await project.ingest({ pruneFixity: true });
    expect(run.report.fixity.updated).toEqual(['crafts/celadon/a.jpg']);
    expect(run.report.fixity.added).toEqual(['crafts/celadon/d.jpg']);
    expect(run.report.fixity.pruned).toEqual(['crafts/celadon/b.png']);
    expect((await runVerify({ root: project.root })).exitCode).toBe(0);
  });
});
