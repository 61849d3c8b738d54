/**
 * A sharded build adds up to the unsharded one: a copy of the project (curated records and the
 * imported crafts, and a crowd of works in one province) is built once with `npm run build` and
 * once as three shards merged with `npm run merge-shards`, and the two sites have exactly the
 * same files with the same bytes. The shared pages are in the first shard only, and a merge
 * missing a shard changes nothing. The crowded province's page lists a bounded number of works
 * and links to the rest in search.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACETS } from '../../../src/lib/search/document.ts';
import { astroEnv, copyProject } from '../../e2e/project-copy.ts';

/** Works placed in Suzhou, more than a region page lists. */
const CROWD = 50;

/** Writes `CROWD` minimal curated works, all in Suzhou (Jiangsu). */
function addCrowd(root: string): void {
  for (let n = 1; n <= CROWD; n += 1) {
    const dir = join(root, 'content', 'works', `crowd-${String(n).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'index.mdx'),
      `---
id: BGW-98${String(n).padStart(4, '0')}
title: { zh: 苏州作品 ${String(n)}, en: Suzhou work ${String(n)} }
category: embroidery
period: qing
date: { start: 1800, end: 1850 }
materials: [silk]
region: { code: '320500', place: { zh: 江苏苏州, en: Suzhou, Jiangsu } }
rights: { license: CC-BY-4.0, holder: Test, credit: Test }
references: [{ title: 测试 }]
added: 2026-12-01
---

<Zh>测试记录。</Zh>

<En>A test record.</En>
`,
    );
  }
}

/** Runs a project script in `root` (as `npm run` would) and returns its exit code and output. */
function runScript(root: string, ...args: string[]): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, ['scripts/run.mjs', ...args], {
    cwd: root,
    // as `npm run` in the copy: paths typed on the command line are taken from there
    env: { ...astroEnv(), INIT_CWD: root },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Every file under `dir` with the SHA-256 of its bytes, by relative path. */
function fileHashes(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return hashes;
}

describe('a build in three shards', { timeout: 600_000 }, () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'bg-shards-'));
    copyProject(root);
    addCrowd(root);
    const ingest = runScript(root, 'scripts/ingest-media.ts');
    expect(ingest.code, ingest.output).toBe(0);
    const whole = runScript(root, 'scripts/build-site.ts');
    expect(whole.code, whole.output).toBe(0);
    for (const i of [1, 2, 3]) {
      const shard = runScript(root, 'scripts/build-site.ts', '--shard', `${String(i)}/3`);
      expect(shard.code, shard.output).toBe(0);
    }
    // An ingest and four builds: about 2 minutes alone, more beside the other test files.
  }, 480_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('merges into exactly the files of the unsharded build, byte for byte', () => {
    const merge = runScript(root, 'scripts/merge-shards.ts', '--out', 'dist-merged');
    expect(merge.code, merge.output).toBe(0);
    const whole = fileHashes(join(root, 'dist'));
    const merged = fileHashes(join(root, 'dist-merged'));
    expect(whole.size).toBeGreaterThan(1000);
    expect([...merged.keys()].sort()).toEqual([...whole.keys()].sort());
    const differing = [...whole].filter(([file, hash]) => merged.get(file) !== hash);
    expect(differing.map(([file]) => file)).toEqual([]);
  });

  it('puts each record page in one shard and the shared pages in the first', () => {
    const shards = [1, 2, 3].map((i) => join(root, 'dist-shards', `${String(i)}-of-3`));
    const pages = shards.map(
      (dir) => new Set([...fileHashes(dir).keys()].filter((f) => f.endsWith('index.html'))),
    );
    for (const shared of ['index.html', 'works/index.html', 'search/index.html', 'en/index.html'])
      expect(pages.map((p) => p.has(shared))).toEqual([true, false, false]);
    for (const shared of ['sitemap.xml', 'data/records.json', 'feed.xml'])
      expect(shards.map((dir) => existsSync(join(dir, shared)))).toEqual([true, false, false]);
    const workPages = pages.map((p) => [...p].filter((f) => /^works\/[^/]+\/index\.html$/.test(f)));
    // every shard has a share of the works, and each work page of the whole build is in one shard
    for (const list of workPages) expect(list.length).toBeGreaterThan(0);
    const all = workPages.flat().sort();
    const whole = [...fileHashes(join(root, 'dist')).keys()].filter((f) =>
      /^works\/[^/]+\/index\.html$/.test(f),
    );
    expect(all).toEqual(whole.sort());
  });

  it('refuses an incomplete set of shards and leaves the site as it was', () => {
    const before = fileHashes(join(root, 'dist'));
    const merge = runScript(
      root,
      'scripts/merge-shards.ts',
      join(root, 'dist-shards', '1-of-3'),
      join(root, 'dist-shards', '3-of-3'),
    );
    expect(merge.code).toBe(1);
    expect(merge.output).toContain('shards 2/3 missing');
    expect(fileHashes(join(root, 'dist'))).toEqual(before);
  });

  it('lists at most 48 works on a region page and links to all of them in search', () => {
    const html = readFileSync(join(root, 'dist', 'regions', '320000', 'index.html'), 'utf8');
    const section = /<section aria-labelledby="works-heading">([\s\S]*?)<\/section>/.exec(
      html,
    )?.[1];
    expect(section).toBeDefined();
    expect(section!.match(/<li\b/g)).toHaveLength(48);
    const more = /<p class="section-more"[^>]*>\s*<a href="([^"]+)">([^<]*)<\/a>/.exec(section!);
    const link = more?.[1];
    const url = new URL(link!.replaceAll('&amp;', '&'), 'http://localhost');
    expect(url.pathname).toBe('/search/');
    expect(Object.fromEntries(url.searchParams)).toEqual({ type: 'works', province: '江苏省' });
    const params: readonly string[] = FACETS.map((f) => f.param);
    for (const param of url.searchParams.keys()) expect(params).toContain(param);
    // the link gives the whole count: the crowd and the province's own works
    const total = Number(/(\d+)\s*$/.exec(more![2]!)?.[1]);
    expect(total).toBeGreaterThanOrEqual(CROWD);
  });
});
