// The ingest run: discover → hash → skip or process (in a pool) → tags across the collection →
// write media.json, state and fixity. Used by scripts/ingest-media.ts and by the tests.
import { rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import sharp from 'sharp';
import { MEDIA_FILE } from '../../../src/lib/records/media-file.ts';
import {
  MEDIA_MANIFEST_VERSION,
  type ImageEntry,
  type MediaEntry,
  type MediaManifest,
} from '../../../src/lib/records/media-manifest.ts';
import { sweepTemporaries, writeFileAtomic } from './atomic-write.ts';
import { type Master, discoverMasters } from './discover.ts';
import { type FixityManifest, readFixity, writeFixity } from './fixity.ts';
import { acquireIngestLock } from './lock.ts';
import { imageLicenses, stampIiifRights } from './iiif-info.ts';
import { type IngestRun, handleMaster, problem } from './master.ts';
import { assignStems } from './names.ts';
import { type IngestReport, Progress, formatSummary } from './report.ts';
import { type PipelineSettings, defaultSettings, keyFor } from './settings.ts';
import { readState, writeState } from './state.ts';
import {
  hammingDistance,
  nearDuplicatePairs,
  NEAR_DUPLICATE_DISTANCE,
} from '../../../src/lib/records/perceptual-hash.ts';
import { ownsRecord, shardName, shardText, type Shard } from '../../../src/lib/site/shard.ts';

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
  /**
   * Masters (or model resources) whose changed bytes a curator accepts as a deliberate
   * replacement: paths relative to the root or absolute. Any other master whose bytes differ
   * from fixity.json is refused.
   */
  acceptChanged?: readonly string[];
  /** Re-hash every master instead of trusting the stat cache. */
  rehash?: boolean;
  /** dHash Hamming distance at or below which two images are near duplicates (default 5). */
  duplicateThreshold?: number;
  /**
   * Ingest only the masters of the records in this shard (by a stable hash of the record folder,
   * `<collection>/<slug>`), writing a shard result for `npm run merge-shards -- --ingest` instead
   * of media.json and fixity.json.
   */
  shard?: Shard;
  /** Where shard results go; default `<root>/generated/ingest-shards`. */
  shardDir?: string;
}

/** What one shard of the ingest found: its media entries and the fixity of its masters. */
export interface IngestShardResult {
  /** `i/n`. */
  shard: string;
  items: Record<string, MediaEntry>;
  /** fixity.json's entries for this shard's masters (and their resources), as the run left them. */
  fixity: FixityManifest;
  /** Keys this shard dropped from fixity.json (`--prune-fixity`). */
  pruned: string[];
}

/** The record folder (`<collection>/<slug>`) of a media or fixity key, which shards the ingest. */
export function recordOfKey(key: string): string {
  return key.split('/').slice(0, 2).join('/');
}

/** The default folder of the ingest's shard results. */
export const INGEST_SHARDS = join('generated', 'ingest-shards');

export interface IngestResult {
  report: IngestReport;
  manifest: MediaManifest;
  exitCode: number;
}

/** Default number of masters in flight and libvips threads per image (see bench/results). */
export const DEFAULT_JOBS = 2;
export const DEFAULT_SHARP_CONCURRENCY = 1;
/** dHash Hamming distance at or below which two images count as near duplicates. */
export const DEFAULT_DUPLICATE_THRESHOLD = NEAR_DUPLICATE_DISTANCE;

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

/** `--accept-changed` names a path that is not a master: nothing would be accepted. */
export class AcceptChangedError extends Error {
  override name = 'AcceptChangedError';
}

/** Fixity key of a file under the content folder (`<collection>/<slug>/<file>`). */
function fixityKeyOf(contentDir: string, path: string): string {
  return relative(contentDir, path).split(sep).join('/');
}

/** Fixity keys of the files named by `acceptChanged`; a path naming no master is refused. */
function acceptedKeys(
  paths: readonly string[],
  root: string,
  contentDir: string,
  masters: readonly Master[],
): Set<string> {
  const known = new Set(
    masters.flatMap((m) => [m.key, ...m.resources.map((r) => `${m.collection}/${m.slug}/${r}`)]),
  );
  const keys = new Set<string>();
  for (const path of paths) {
    const key = fixityKeyOf(contentDir, resolve(root, path));
    if (!known.has(key)) {
      const shown = relative(root, resolve(root, path)).split(sep).join('/');
      throw new AcceptChangedError(
        `--accept-changed ${shown}: no master or model resource at that path (give it as printed by the ingest, e.g. content/works/<slug>/<file>) / 该路径下没有母版文件`,
      );
    }
    keys.add(key);
  }
  return keys;
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
  const run = await startRun(options);
  const progress = new Progress(
    run.masters.length,
    Progress.modeFor(process.stderr, options.quiet === true),
  );
  await pool(run.masters, run.report.settings.jobs, (master) =>
    handleMaster(run, master, progress),
  );
  progress.finish();
  await removeOutputsOfGoneMasters(run);
  const items = manifestItems(run);
  // Near duplicates are looked for across the whole collection: a shard leaves it to the merge.
  if (!options.shard)
    flagNearDuplicates(run, items, options.duplicateThreshold ?? DEFAULT_DUPLICATE_THRESHOLD);
  settleFixityOfGoneMasters(run, options.pruneFixity === true);
  // The license of an image lives in its record and may change without the master changing.
  await stampIiifRights(items, imageLicenses(run.root, run.contentDir), run.outDir);
  const manifest = options.shard
    ? await writeShardResult(run, items, options.shard, resolveShardDir(options))
    : await writeResults(run, items, resolveDataFile(options));
  finishReport(run.report, started, options);
  return { report: run.report, manifest, exitCode: run.report.ok ? 0 : 1 };
}

function resolveDataFile(options: IngestOptions): string {
  return resolve(resolve(options.root), options.dataFile ?? MEDIA_FILE);
}

function resolveShardDir(options: IngestOptions): string {
  return resolve(resolve(options.root), options.shardDir ?? INGEST_SHARDS);
}

/** The shard result file of `shard` in `dir`. */
export function shardResultFile(dir: string, shard: Shard): string {
  return join(dir, `${shardName(shard)}.json`);
}

/** Output folder names of each record's masters, by record (`collection/slug`) and file. */
function stemsByRecord(masters: readonly Master[]): Map<string, Map<string, string>> {
  const stems = new Map<string, Map<string, string>>();
  for (const m of masters) {
    const record = `${m.collection}/${m.slug}`;
    if (!stems.has(record)) {
      const rels = masters.filter((o) => o.collection === m.collection && o.slug === m.slug);
      stems.set(record, assignStems(rels.map((o) => o.rel)));
    }
  }
  return stems;
}

function emptyReport(keys: IngestRun['keys'], jobs: number, sharpConcurrency: number) {
  const report: IngestReport = {
    ok: true,
    processed: 0,
    skipped: 0,
    warnings: [],
    errors: [],
    items: [],
    fixity: { added: [], updated: [], changed: [], missing: [], pruned: [] },
    removedOutputs: [],
    durationMs: 0,
    settings: { image: keys.image, model: keys.model, av: keys.av, jobs, sharpConcurrency },
  };
  return report;
}

/**
 * Everything a run starts from: the paths, settings (and libvips' threads), what an interrupted
 * run left behind swept away, the previous state and fixity, and the masters found.
 */
async function startRun(options: IngestOptions): Promise<IngestRun> {
  const root = resolve(options.root);
  const contentDir = resolve(root, options.contentDir ?? 'content');
  const outDir = resolve(root, options.outDir ?? join('public', 'media'));
  const stateFile = resolve(root, options.stateFile ?? join('.cache', 'ingest', 'state.json'));
  const fixityFile = resolve(root, options.fixityFile ?? join(contentDir, 'fixity.json'));
  const settings = defaultSettings(options.siteUrl);
  options.configure?.(settings);
  const jobs = options.jobs ?? DEFAULT_JOBS;
  const sharpConcurrency = options.sharpConcurrency ?? DEFAULT_SHARP_CONCURRENCY;
  sharp.concurrency(sharpConcurrency);
  sharp.cache(false);
  const keys = {
    image: keyFor(settings, 'image'),
    model: keyFor(settings, 'model'),
    av: keyFor(settings, 'av'),
  };

  await sweepTemporaries(outDir);
  for (const file of [resolveDataFile(options), stateFile, fixityFile])
    await sweepTemporaries(dirname(file), false);
  const state = await readState(stateFile);
  const previousFixity = await readFixity(fixityFile);
  const owned = (key: string) => ownsRecord(options.shard, recordOfKey(key));
  const masters = (await discoverMasters(contentDir)).filter((m) => owned(m.key));
  return {
    root,
    contentDir,
    outDir,
    stateFile,
    fixityFile,
    settings,
    keys,
    rehash: options.rehash ?? false,
    state,
    previousFixity,
    fixity: { ...previousFixity },
    masters,
    owned,
    accepted: acceptedKeys(options.acceptChanged ?? [], root, contentDir, masters),
    stems: stemsByRecord(masters),
    today: new Date(),
    report: emptyReport(keys, jobs, sharpConcurrency),
    entries: new Map(),
    stateWrites: { dirty: false, last: Date.now() },
  };
}

/** Outputs, state and stat cache of masters that are gone. */
async function removeOutputsOfGoneMasters(run: IngestRun): Promise<void> {
  const current = new Set(run.masters.map((m) => m.key));
  for (const [key, item] of Object.entries(run.state.items)) {
    if (current.has(key) || !run.owned(key)) continue;
    await rm(join(run.outDir, item.outputDir), { recursive: true, force: true });
    run.report.removedOutputs.push(key);
    delete run.state.items[key];
  }
  for (const key of Object.keys(run.state.files)) {
    if (!(key in run.fixity) && !current.has(key) && run.owned(key)) delete run.state.files[key];
  }
}

const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : 1);

/** media.json's items in key order, each entry's warnings also in the report. */
function manifestItems(run: IngestRun): Record<string, MediaEntry> {
  const items: Record<string, MediaEntry> = {};
  const masters = new Map(run.masters.map((m) => [m.key, m]));
  for (const [key, entry] of [...run.entries.entries()].sort(byKey)) {
    items[key] = { ...entry, warnings: [...entry.warnings] };
    const master = masters.get(key)!;
    for (const w of entry.warnings) run.report.warnings.push(problem(master, w));
  }
  return items;
}

/** Two images whose dHashes are within the threshold, and why (same file, or the distance). */
interface NearDuplicate {
  a: string;
  b: string;
  what: string;
}

/** Near-duplicate image pairs among `items`, in key order. */
function nearDuplicates(items: Record<string, MediaEntry>, threshold: number): NearDuplicate[] {
  const images = Object.entries(items)
    .filter((e): e is [string, ImageEntry] => e[1].kind === 'image')
    .sort(byKey);
  const hashes = images.map(([, image]) => image.tags.phash);
  return nearDuplicatePairs(hashes, threshold).map(([i, j]) => {
    const [ka, a] = images[i]!;
    const [kb, b] = images[j]!;
    const distance = hammingDistance(a.tags.phash, b.tags.phash);
    const what =
      a.master.sha256 === b.master.sha256 ? 'identical file' : `dHash distance ${distance}`;
    return { a: ka, b: kb, what };
  });
}

/**
 * Warns on both entries of every near-duplicate pair across the whole collection; returns the
 * pairs. Used by an unsharded run and by the merge of a sharded one, so both write the same.
 */
export function warnNearDuplicates(
  items: Record<string, MediaEntry>,
  threshold = DEFAULT_DUPLICATE_THRESHOLD,
): NearDuplicate[] {
  const pairs = nearDuplicates(items, threshold);
  for (const { a, b, what } of pairs) {
    items[a]!.warnings.push(`near-duplicate of ${b} (${what})`);
    items[b]!.warnings.push(`near-duplicate of ${a} (${what})`);
  }
  return pairs;
}

/** Near-duplicate images across the whole collection, in the entries and the report. */
function flagNearDuplicates(
  run: IngestRun,
  items: Record<string, MediaEntry>,
  threshold: number,
): void {
  const masters = new Map(run.masters.map((m) => [m.key, m]));
  for (const { a, b, what } of warnNearDuplicates(items, threshold)) {
    const master = masters.get(a)!;
    run.report.warnings.push(problem(master, `near-duplicate images: ${a} and ${b} (${what})`));
  }
}

/** Files fixity.json lists that are no longer there: reported as missing, or pruned on request. */
function settleFixityOfGoneMasters(run: IngestRun, prune: boolean): void {
  // masters and the files a glTF master uses: each key looked up, not searched for
  const current = new Set(
    run.masters.flatMap((m) => [
      m.key,
      ...m.resources.map((r) => `${m.collection}/${m.slug}/${r}`),
    ]),
  );
  for (const key of Object.keys(run.previousFixity).sort()) {
    if (!run.owned(key) || current.has(key)) continue;
    if (prune) {
      delete run.fixity[key];
      run.report.fixity.pruned.push(key);
    } else {
      run.report.fixity.missing.push(key);
    }
  }
}

/** media.json's content: these entries, stamped with the format version and the time. */
export function mediaManifestOf(
  items: Record<string, MediaEntry>,
  now = new Date(),
): MediaManifest {
  return { version: MEDIA_MANIFEST_VERSION, generatedAt: now.toISOString(), items };
}

/** Writes media.json, the state and fixity.json (each atomically). */
async function writeResults(
  run: IngestRun,
  items: Record<string, MediaEntry>,
  dataFile: string,
): Promise<MediaManifest> {
  const manifest = mediaManifestOf(items);
  await writeFileAtomic(dataFile, `${JSON.stringify(manifest, null, 2)}\n`);
  await writeState(run.stateFile, run.state);
  await writeFixity(run.fixityFile, run.fixity);
  return manifest;
}

/**
 * Writes this shard's result (atomically) and the state; media.json and fixity.json are left to
 * the merge of all shards. Returns the shard's part of the media manifest.
 */
async function writeShardResult(
  run: IngestRun,
  items: Record<string, MediaEntry>,
  shard: Shard,
  dir: string,
): Promise<MediaManifest> {
  const fixity = Object.fromEntries(Object.entries(run.fixity).filter(([key]) => run.owned(key)));
  const result: IngestShardResult = {
    shard: shardText(shard),
    items,
    fixity,
    pruned: [...run.report.fixity.pruned],
  };
  await writeFileAtomic(shardResultFile(dir, shard), `${JSON.stringify(result, null, 2)}\n`);
  await writeState(run.stateFile, run.state);
  return mediaManifestOf(items);
}

/** The report's verdict, duration and sorted lists; printed unless quiet. */
function finishReport(report: IngestReport, started: number, options: IngestOptions): void {
  report.ok = report.errors.length === 0;
  report.durationMs = Date.now() - started;
  report.fixity.added.sort();
  report.fixity.updated.sort();
  report.fixity.changed.sort();
  if (!options.quiet) {
    if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(`${formatSummary(report)}\n`);
  }
}
