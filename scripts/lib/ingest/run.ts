// The ingest run: discover → hash → skip or process (in a pool) → tags across the collection →
// write media.json, state and fixity. Used by scripts/ingest-media.ts and by the tests.
import { createHash } from 'node:crypto';
import { access, readdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import sharp from 'sharp';
import {
  MEDIA_MANIFEST_VERSION,
  type MediaEntry,
  type MediaManifest,
} from '../../../src/lib/media-manifest.ts';
import { sweepTemporaries, writeFileAtomic } from './atomic-write.ts';
import { type Master, discoverMasters } from './discover.ts';
import { acquireIngestLock } from './lock.ts';
import { type FixityManifest, mimeTypeOf, readFixity, writeFixity } from './fixity.ts';
import { type OutputTarget, processImage } from './images.ts';
import { processModel } from './models.ts';
import { assignStems, urlSafeName } from './names.ts';
import {
  type IngestReport,
  type ItemStatus,
  type Problem,
  Progress,
  formatSummary,
} from './report.ts';
import { BadInputError } from './sniff.ts';
import { type PipelineSettings, defaultSettings, keyFor } from './settings.ts';
import { type IngestState, hashWithCache, readState, writeState } from './state.ts';
import { hammingDistance } from './tags.ts';

export interface IngestOptions {
  /** Project root (paths below default relative to it). */
  root: string;
  /** Default `<root>/content`. */
  contentDir?: string;
  /** Media output root, default `<root>/public/media` (served at `/media`). */
  outDir?: string;
  /** Default `<root>/generated/media.json`. */
  dataFile?: string;
  /** Default `<root>/.cache/ingest/state.json`. */
  stateFile?: string;
  /** Held while the ingest runs; default `<root>/.cache/ingest/lock`. */
  lockFile?: string;
  /** Default `<contentDir>/fixity.json`. */
  fixityFile?: string;
  /** Print the JSON report on stdout instead of the summary table. */
  json?: boolean;
  /** No progress and no summary output (tests). */
  quiet?: boolean;
  /** Absolute site URL for IIIF ids; default env SITE_URL or http://localhost:4321. */
  siteUrl?: string;
  /** Masters processed at once (default 2). */
  jobs?: number;
  /** libvips threads per image (default 1). */
  sharpConcurrency?: number;
  /** Tweak settings (tests, benchmark). */
  configure?: (settings: PipelineSettings) => void;
  /** Drop fixity entries of masters that no longer exist. */
  pruneFixity?: boolean;
  /** Re-hash every master instead of trusting the stat cache. */
  rehash?: boolean;
  /** dHash Hamming distance at or below which two images are near duplicates (default 5). */
  duplicateThreshold?: number;
}

export interface IngestResult {
  report: IngestReport;
  manifest: MediaManifest;
  exitCode: number;
}

/** Default number of masters in flight and libvips threads per image (see bench/results). */
export const DEFAULT_JOBS = 2;
export const DEFAULT_SHARP_CONCURRENCY = 1;
const URL_PREFIX = '/media';

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function outputsExist(dir: string, outputs: readonly string[]): Promise<boolean> {
  for (const name of outputs) {
    if (!(await exists(name === 'iiif' ? join(dir, 'iiif', 'info.json') : join(dir, name)))) {
      return false;
    }
  }
  return true;
}

/** Remove files in a master's output dir that the latest processing did not produce. */
async function removeStale(dir: string, keep: readonly string[]): Promise<void> {
  const wanted = new Set(keep);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!wanted.has(name)) await rm(join(dir, name), { recursive: true, force: true });
  }
}

/** Run a task over items with at most `limit` in flight. */
export async function pool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
) {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await task(item);
    }
  });
  await Promise.all(workers);
}

function problem(
  master: Pick<Master, 'key' | 'collection' | 'slug' | 'rel'>,
  message: string,
): Problem {
  return {
    key: master.key,
    collection: master.collection,
    slug: master.slug,
    file: master.rel,
    message,
  };
}

/** Run the ingest. Never throws for bad masters: they become errors in the report. */
export async function runIngest(options: IngestOptions): Promise<IngestResult> {
  const root = resolve(options.root);
  const release = await acquireIngestLock(
    resolve(root, options.lockFile ?? join('.cache', 'ingest', 'lock')),
  );
  try {
    return await ingest(options);
  } finally {
    await release();
  }
}

async function ingest(options: IngestOptions): Promise<IngestResult> {
  const started = Date.now();
  const root = resolve(options.root);
  const contentDir = resolve(root, options.contentDir ?? 'content');
  const outDir = resolve(root, options.outDir ?? join('public', 'media'));
  const dataFile = resolve(root, options.dataFile ?? join('generated', 'media.json'));
  const stateFile = resolve(root, options.stateFile ?? join('.cache', 'ingest', 'state.json'));
  const fixityFile = resolve(root, options.fixityFile ?? join(contentDir, 'fixity.json'));
  const settings = defaultSettings(options.siteUrl);
  options.configure?.(settings);
  const jobs = options.jobs ?? DEFAULT_JOBS;
  const sharpConcurrency = options.sharpConcurrency ?? DEFAULT_SHARP_CONCURRENCY;
  sharp.concurrency(sharpConcurrency);
  sharp.cache(false);
  const keys = { image: keyFor(settings, 'image'), model: keyFor(settings, 'model') };

  await sweepTemporaries(outDir);
  for (const file of [dataFile, stateFile, fixityFile])
    await sweepTemporaries(dirname(file), false);
  const state: IngestState = await readState(stateFile);
  const previousFixity = await readFixity(fixityFile);
  const fixity: FixityManifest = { ...previousFixity };
  const masters = await discoverMasters(contentDir);
  const stemsByRecord = new Map<string, Map<string, string>>();
  for (const m of masters) {
    const record = `${m.collection}/${m.slug}`;
    if (!stemsByRecord.has(record)) {
      const rels = masters.filter((o) => o.collection === m.collection && o.slug === m.slug);
      stemsByRecord.set(record, assignStems(rels.map((o) => o.rel)));
    }
  }

  const report: IngestReport = {
    ok: true,
    processed: 0,
    skipped: 0,
    warnings: [],
    errors: [],
    items: [],
    fixity: { added: [], updated: [], missing: [], pruned: [] },
    removedOutputs: [],
    durationMs: 0,
    settings: { image: keys.image, model: keys.model, jobs, sharpConcurrency },
  };
  const entries = new Map<string, MediaEntry>();
  const progress = new Progress(
    masters.length,
    Progress.modeFor(process.stderr, options.quiet === true),
  );
  let stateDirty = false;
  let lastStateWrite = Date.now();

  const recordFixity = (key: string, sha256: string, bytes: number) => {
    const before = previousFixity[key];
    if (!before) report.fixity.added.push(key);
    else if (before.sha256 !== sha256 || before.bytes !== bytes) report.fixity.updated.push(key);
    fixity[key] = { sha256, bytes, type: mimeTypeOf(key) };
  };

  const handle = async (master: Master) => {
    const t0 = Date.now();
    let status: ItemStatus = 'processed';
    let note = '';
    const kind = master.kind === 'model' ? 'model' : 'image';
    try {
      if (master.kind === 'invalid') throw new BadInputError(master.problem ?? 'invalid path');
      if (master.kind === 'unsupported') {
        throw new BadInputError(
          `unsupported format .${master.ext}; convert it to TIFF, PNG or JPEG (images) or glTF/GLB (models)`,
        );
      }
      const stamp = await hashWithCache(state, master.key, master.abs, options.rehash);
      const resourceStamps = [];
      for (const rel of [...master.resources].sort()) {
        const key = `${master.collection}/${master.slug}/${rel}`;
        try {
          resourceStamps.push({
            key,
            rel,
            ...(await hashWithCache(state, key, join(master.recordDir, rel), options.rehash)),
          });
        } catch {
          throw new BadInputError(`missing model resource "${rel}"`);
        }
      }
      const contentHash =
        resourceStamps.length === 0
          ? stamp.sha256
          : createHash('sha256')
              .update(stamp.sha256)
              .update(resourceStamps.map((r) => `${r.rel}:${r.sha256}`).join('\n'))
              .digest('hex');
      const settingsKey = keys[kind];
      const stem = stemsByRecord.get(`${master.collection}/${master.slug}`)!.get(master.rel)!;
      const outputDir = join(master.collection, urlSafeName(master.slug), stem);
      const dir = join(outDir, outputDir);
      const previous = state.items[master.key];
      if (
        previous &&
        previous.contentHash === contentHash &&
        previous.settingsKey === settingsKey &&
        previous.outputDir === outputDir &&
        (await outputsExist(dir, previous.outputs))
      ) {
        status = 'skipped';
        entries.set(master.key, previous.entry);
      } else {
        const target: OutputTarget = {
          dir,
          url: `${URL_PREFIX}/${outputDir.split(/[\\/]/).join('/')}`,
          stem,
          tag: createHash('sha256')
            .update(`${contentHash}:${settingsKey}`)
            .digest('hex')
            .slice(0, 8),
        };
        const info = { sha256: stamp.sha256, bytes: stamp.size };
        const result =
          kind === 'model'
            ? await processModel(master, info, target, settings.model)
            : await processImage(master, info, target, settings.image);
        await removeStale(dir, result.outputs);
        state.items[master.key] = {
          contentHash,
          settingsKey,
          outputDir,
          outputs: result.outputs,
          entry: result.entry,
        };
        stateDirty = true;
        entries.set(master.key, result.entry);
      }
      recordFixity(master.key, stamp.sha256, stamp.size);
      for (const r of resourceStamps) recordFixity(r.key, r.sha256, r.size);
    } catch (error) {
      status = 'error';
      note =
        error instanceof BadInputError ? error.message : `${(error as Error).message ?? error}`;
      if (!(error instanceof BadInputError) && process.env['INGEST_DEBUG']) console.error(error);
      report.errors.push(problem(master, note));
      const previous = state.items[master.key];
      if (previous) {
        await rm(join(outDir, previous.outputDir), { recursive: true, force: true });
        delete state.items[master.key];
        stateDirty = true;
      }
    }
    if (status === 'skipped') report.skipped += 1;
    else if (status === 'processed') report.processed += 1;
    const ms = Date.now() - t0;
    report.items.push({ key: master.key, kind: master.kind, status, ms });
    progress.tick(master.key, status, ms, note);
    if (stateDirty && Date.now() - lastStateWrite > 1000) {
      stateDirty = false;
      lastStateWrite = Date.now();
      await writeState(stateFile, state);
    }
  };

  await pool(masters, jobs, handle);
  progress.finish();

  // Outputs of masters that are gone.
  const current = new Set(masters.map((m) => m.key));
  for (const [key, item] of Object.entries(state.items)) {
    if (current.has(key)) continue;
    await rm(join(outDir, item.outputDir), { recursive: true, force: true });
    report.removedOutputs.push(key);
    delete state.items[key];
  }
  for (const key of Object.keys(state.files)) {
    if (!(key in fixity) && !current.has(key)) delete state.files[key];
  }

  // Near duplicates across the whole collection.
  const threshold = options.duplicateThreshold ?? 5;
  const images = [...entries.entries()]
    .filter((e): e is [string, Extract<MediaEntry, { kind: 'image' }>] => e[1].kind === 'image')
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const items: Record<string, MediaEntry> = {};
  for (const [key, entry] of [...entries.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    items[key] = { ...entry, warnings: [...entry.warnings] };
    const master = masters.find((m) => m.key === key)!;
    for (const w of entry.warnings) report.warnings.push(problem(master, w));
  }
  for (let i = 0; i < images.length; i += 1) {
    for (let j = i + 1; j < images.length; j += 1) {
      const [ka, a] = images[i]!;
      const [kb, b] = images[j]!;
      const distance = hammingDistance(a.tags.phash, b.tags.phash);
      if (distance > threshold) continue;
      const what =
        a.master.sha256 === b.master.sha256 ? 'identical file' : `dHash distance ${distance}`;
      items[ka]!.warnings.push(`near-duplicate of ${kb} (${what})`);
      items[kb]!.warnings.push(`near-duplicate of ${ka} (${what})`);
      const master = masters.find((m) => m.key === ka)!;
      report.warnings.push(problem(master, `near-duplicate images: ${ka} and ${kb} (${what})`));
    }
  }

  // Fixity: masters listed but no longer present.
  for (const key of Object.keys(previousFixity).sort()) {
    if (
      current.has(key) ||
      masters.some((m) => m.resources.some((r) => `${m.collection}/${m.slug}/${r}` === key))
    )
      continue;
    if (options.pruneFixity) {
      delete fixity[key];
      report.fixity.pruned.push(key);
    } else {
      report.fixity.missing.push(key);
    }
  }

  const manifest: MediaManifest = {
    version: MEDIA_MANIFEST_VERSION,
    generatedAt: new Date().toISOString(),
    items,
  };
  await writeFileAtomic(dataFile, `${JSON.stringify(manifest, null, 2)}\n`);
  await writeState(stateFile, state);
  await writeFixity(fixityFile, fixity);

  report.ok = report.errors.length === 0;
  report.durationMs = Date.now() - started;
  report.fixity.added.sort();
  report.fixity.updated.sort();
  if (!options.quiet) {
    if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(`${formatSummary(report)}\n`);
  }
  return { report, manifest, exitCode: report.ok ? 0 : 1 };
}
