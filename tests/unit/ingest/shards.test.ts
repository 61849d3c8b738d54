/**
 * A sharded ingest adds up to the unsharded one: the same masters ingested once whole and once in
 * three shards (`runIngest({ shard })`, merged as `npm run merge-shards -- --ingest` does) give the
 * same media.json entries, the same fixity.json and the same derivative files, with near
 * duplicates found across shards. An incomplete set of shard results writes nothing.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaManifest } from '../../../src/lib/records/media-manifest.ts';
import { shardOf } from '../../../src/lib/site/shard.ts';
import { INGEST_SHARDS, shardResultFile } from '../../../scripts/lib/ingest/run.ts';
import { mergeIngestShards } from '../../../scripts/lib/shards/merge-ingest.ts';
import { type TempProject, patternImage, tempProject } from './helpers.ts';

const RECORDS = 9;

/** The same records and masters in `project`; w0 and w1 hold the same photograph. */
async function fill(project: TempProject): Promise<void> {
  for (let i = 0; i < RECORDS; i += 1) {
    await project.record('works', `w${String(i)}`);
    const seed = i === 1 ? 100 : 100 + i;
    await project.write(
      `content/works/w${String(i)}/photo.jpg`,
      await patternImage(640, 480, seed),
    );
  }
}

/** Derivative files under public/media with the hash of their bytes. */
async function mediaFiles(root: string): Promise<Record<string, string>> {
  const dir = join(root, 'public', 'media');
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return files;
}

const readJson = async <T>(path: string) => JSON.parse(await readFile(path, 'utf8')) as T;

describe('an ingest in three shards', () => {
  let whole: TempProject;
  let sharded: TempProject;
  const shardFile = (i: number) =>
    shardResultFile(join(sharded.root, INGEST_SHARDS), { index: i, count: 3 });
  const mediaJson = () => join(sharded.root, 'generated', 'media.json');
  const fixityJson = () => join(sharded.root, 'content', 'fixity.json');

  beforeAll(async () => {
    whole = await tempProject();
    sharded = await tempProject();
    await fill(whole);
    await fill(sharded);
    expect((await whole.ingest()).report.processed).toBe(RECORDS);
    for (const index of [1, 2, 3]) {
      const run = await sharded.ingest({ shard: { index, count: 3 } });
      const own = Array.from({ length: RECORDS }, (_, i) => `works/w${String(i)}`).filter(
        (record) => shardOf(record, 3) === index,
      );
      expect(own.length).toBeGreaterThan(0);
      expect(run.report.processed).toBe(own.length);
      expect(Object.keys(run.manifest.items).sort()).toEqual(own.map((r) => `${r}/photo.jpg`));
    }
  });
  afterAll(async () => {
    await whole.cleanup();
    await sharded.cleanup();
  });

  it('refuses an incomplete set of shard results and writes nothing', async () => {
    await expect(
      mergeIngestShards([shardFile(1), shardFile(3)], mediaJson(), fixityJson()),
    ).rejects.toThrow('shards 2/3 missing');
    await expect(readFile(mediaJson())).rejects.toThrow('ENOENT');
    await expect(readFile(fixityJson())).rejects.toThrow('ENOENT');
  });

  it('merges into the media.json, fixity.json and files of the unsharded ingest', async () => {
    const merged = await mergeIngestShards([1, 2, 3].map(shardFile), mediaJson(), fixityJson());
    expect(merged.nearDuplicates).toBe(1);
    const expected = await readJson<MediaManifest>(join(whole.root, 'generated', 'media.json'));
    const written = await readJson<MediaManifest>(mediaJson());
    expect(written.items).toEqual(expected.items);
    expect(written.items['works/w0/photo.jpg']!.warnings).toEqual([
      'near-duplicate of works/w1/photo.jpg (identical file)',
    ]);
    expect(await readJson(fixityJson())).toEqual(
      await readJson(join(whole.root, 'content', 'fixity.json')),
    );
    expect(await mediaFiles(sharded.root)).toEqual(await mediaFiles(whole.root));
  });

  it('runs each shard incrementally afterwards, leaving the other shards’ outputs alone', async () => {
    const before = await mediaFiles(sharded.root);
    for (const index of [1, 2, 3]) {
      const run = await sharded.ingest({ shard: { index, count: 3 } });
      expect(run.report.processed).toBe(0);
      expect(run.report.removedOutputs).toEqual([]);
      expect(run.report.fixity.missing).toEqual([]);
    }
    expect(await mediaFiles(sharded.root)).toEqual(before);
  });
});
