// One master in an ingest run: hash it (and a glTF's resources), refuse bytes that differ from
// fixity.json unless accepted, reuse the outputs of an unchanged master or process it, record its
// fixity; a failure becomes an error of the report. Used by run.ts.
import { createHash } from 'node:crypto';
import { access, readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { MediaEntry } from '../../../src/lib/records/media-manifest.ts';
import type { Master } from './discover.ts';
import {
  type ChangedFile,
  type FixityManifest,
  changedMasterMessage,
  matchesFixity,
  mimeTypeOf,
  recordReplacement,
} from './fixity.ts';
import { processAv } from './av.ts';
import { type OutputTarget, processImage } from './images.ts';
import { processModel } from './models.ts';
import { urlSafeName } from './names.ts';
import type { IngestReport, ItemStatus, Problem, Progress } from './report.ts';
import type { PipelineSettings } from './settings.ts';
import { BadInputError } from './sniff.ts';
import { type FileStamp, type IngestState, hashWithCache, writeState } from './state.ts';

const URL_PREFIX = '/media';

/** What one ingest run works with and records, shared by the steps of run.ts and this file. */
export interface IngestRun {
  root: string;
  contentDir: string;
  outDir: string;
  stateFile: string;
  fixityFile: string;
  settings: PipelineSettings;
  /** Settings keys: a change of settings reprocesses the masters of that kind. */
  keys: { image: string; model: string; av: string };
  rehash: boolean;
  state: IngestState;
  /** fixity.json as the run found it, and as the run will write it. */
  previousFixity: FixityManifest;
  fixity: FixityManifest;
  masters: Master[];
  /** Whether a media or fixity key belongs to this run (its shard; every key when unsharded). */
  owned: (key: string) => boolean;
  /** Fixity keys a curator accepted as replaced on purpose (`--accept-changed`). */
  accepted: Set<string>;
  /** Output folder names of each record's masters, by record (`collection/slug`) and file. */
  stems: Map<string, Map<string, string>>;
  today: Date;
  report: IngestReport;
  /** media.json entries so far, by master key. */
  entries: Map<string, MediaEntry>;
  /** State not yet written, and when it was last written (written at most once a second). */
  stateWrites: { dirty: boolean; last: number };
}

/** A master whose bytes differ from fixity.json and that no curator accepted. */
class ChangedMasterError extends BadInputError {
  override name = 'ChangedMasterError';
}

/** A file of a master with its hash: the master itself or one of a glTF's resources. */
interface HashedFile extends FileStamp {
  key: string;
}

interface HashedMaster {
  stamp: FileStamp;
  resources: (HashedFile & { rel: string })[];
  /** The master's hash, combined with its resources' for a glTF. */
  contentHash: string;
}

export function problem(
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

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export async function outputsExist(dir: string, outputs: readonly string[]): Promise<boolean> {
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

/** Paths as curators type them: relative to the project root. */
export function displayPath(run: IngestRun, path: string): string {
  return relative(run.root, path).split(sep).join('/');
}

function masterPath(run: IngestRun, key: string): string {
  return displayPath(run, join(run.contentDir, ...key.split('/')));
}

/** Candidates the pipeline does not take: a bad path or a format it cannot read. */
function rejectUnusable(master: Master): void {
  if (master.kind === 'invalid') throw new BadInputError(master.problem ?? 'invalid path');
  if (master.kind === 'unsupported') {
    throw new BadInputError(
      `unsupported format .${master.ext}; convert it to TIFF, PNG or JPEG (images), glTF/GLB (models), MP4 or MOV (video), WAV or FLAC (audio)`,
    );
  }
}

/** Hashes of the master and its resources (from the stat cache unless `rehash`). */
async function hashMaster(run: IngestRun, master: Master): Promise<HashedMaster> {
  const stamp = await hashWithCache(run.state, master.key, master.abs, run.rehash);
  const resources = [];
  for (const rel of [...master.resources].sort()) {
    const key = `${master.collection}/${master.slug}/${rel}`;
    try {
      const path = join(master.recordDir, rel);
      resources.push({ key, rel, ...(await hashWithCache(run.state, key, path, run.rehash)) });
    } catch {
      throw new BadInputError(`missing model resource "${rel}"`);
    }
  }
  const contentHash =
    resources.length === 0
      ? stamp.sha256
      : createHash('sha256')
          .update(stamp.sha256)
          .update(resources.map((r) => `${r.rel}:${r.sha256}`).join('\n'))
          .digest('hex');
  return { stamp, resources, contentHash };
}

/**
 * Bytes that differ from fixity.json are damage until a curator says otherwise: refuse the
 * master (naming each file, both hashes and the command that accepts it) unless every changed
 * file was accepted. Accepting a file that did not change only earns a warning.
 */
function refuseChanged(run: IngestRun, master: Master, files: readonly HashedFile[]): void {
  const changed: ChangedFile[] = [];
  for (const file of files) {
    const before = run.previousFixity[file.key];
    const found = { sha256: file.sha256, bytes: file.size };
    if (before && !matchesFixity(before, found)) {
      if (!run.accepted.has(file.key))
        changed.push({ key: file.key, path: masterPath(run, file.key), recorded: before, found });
    } else if (run.accepted.has(file.key)) {
      run.report.warnings.push(
        problem(
          master,
          `--accept-changed ${masterPath(run, file.key)}: nothing to accept, ${before ? 'the file matches fixity.json' : 'it is a new master'}`,
        ),
      );
    }
  }
  if (changed.length > 0) {
    run.report.fixity.changed.push(...changed.map((c) => c.key));
    throw new ChangedMasterError(changedMasterMessage(changed, displayPath(run, run.fixityFile)));
  }
}

/** Records a file's hash in fixity.json; reached only for new, unchanged or accepted files. */
function recordFixity(run: IngestRun, file: HashedFile): void {
  const before = run.previousFixity[file.key];
  const now = { sha256: file.sha256, bytes: file.size, type: mimeTypeOf(file.key) };
  if (!before) {
    run.report.fixity.added.push(file.key);
    run.fixity[file.key] = now;
  } else if (!matchesFixity(before, now)) {
    run.report.fixity.updated.push(file.key);
    run.fixity[file.key] = recordReplacement(before, now, run.today);
  } else {
    run.fixity[file.key] = { ...before, type: now.type };
  }
}

/** Where a master's outputs go, relative to the media folder. */
function outputDirOf(run: IngestRun, master: Master): { outputDir: string; stem: string } {
  const stem = run.stems.get(`${master.collection}/${master.slug}`)!.get(master.rel)!;
  return { outputDir: join(master.collection, urlSafeName(master.slug), stem), stem };
}

/** Whether the outputs of the last run still stand: same bytes, settings, folder and files. */
async function canReuse(
  run: IngestRun,
  master: Master,
  contentHash: string,
  settingsKey: string,
  outputDir: string,
): Promise<boolean> {
  const previous = run.state.items[master.key];
  return (
    previous !== undefined &&
    previous.contentHash === contentHash &&
    previous.settingsKey === settingsKey &&
    previous.outputDir === outputDir &&
    (await outputsExist(join(run.outDir, outputDir), previous.outputs))
  );
}

/** Which settings make a master's outputs (and reprocess it when they change). */
function settingsKindOf(kind: Master['kind']): keyof IngestRun['keys'] {
  if (kind === 'model') return 'model';
  return kind === 'video' || kind === 'audio' ? 'av' : 'image';
}

/** Makes the master's outputs and media.json entry, and notes them in the state. */
async function processMaster(
  run: IngestRun,
  master: Master,
  hashed: HashedMaster,
  settingsKey: string,
  where: { outputDir: string; stem: string },
  progress?: Progress,
): Promise<void> {
  const dir = join(run.outDir, where.outputDir);
  const target: OutputTarget = {
    dir,
    url: `${URL_PREFIX}/${where.outputDir.split(/[\\/]/).join('/')}`,
    stem: where.stem,
    tag: createHash('sha256')
      .update(`${hashed.contentHash}:${settingsKey}`)
      .digest('hex')
      .slice(0, 8),
  };
  const info = { sha256: hashed.stamp.sha256, bytes: hashed.stamp.size };
  const kind = settingsKindOf(master.kind);
  const result =
    kind === 'model'
      ? await processModel(master, info, target, run.settings.model)
      : kind === 'av'
        ? await processAv(master, info, target, run.settings.av, (fraction) =>
            progress?.partial(master.key, fraction),
          )
        : await processImage(master, info, target, run.settings.image);
  await removeStale(dir, result.outputs);
  run.state.items[master.key] = {
    contentHash: hashed.contentHash,
    settingsKey,
    outputDir: where.outputDir,
    outputs: result.outputs,
    entry: result.entry,
  };
  run.stateWrites.dirty = true;
  run.entries.set(master.key, result.entry);
}

/** Ingests one usable master: skipped when unchanged, else processed; its fixity recorded. */
async function ingestMaster(
  run: IngestRun,
  master: Master,
  progress?: Progress,
): Promise<ItemStatus> {
  rejectUnusable(master);
  const hashed = await hashMaster(run, master);
  const files = [{ key: master.key, ...hashed.stamp }, ...hashed.resources];
  refuseChanged(run, master, files);
  const settingsKey = run.keys[settingsKindOf(master.kind)];
  const where = outputDirOf(run, master);
  let status: ItemStatus = 'processed';
  if (await canReuse(run, master, hashed.contentHash, settingsKey, where.outputDir)) {
    status = 'skipped';
    run.entries.set(master.key, run.state.items[master.key]!.entry);
  } else {
    await processMaster(run, master, hashed, settingsKey, where, progress);
  }
  for (const file of files) recordFixity(run, file);
  return status;
}

/**
 * A master that failed: its error in the report. A refused changed master keeps the outputs
 * made from its recorded bytes, ready for when it is restored; any other loses its outputs.
 */
async function recordFailure(run: IngestRun, master: Master, error: unknown): Promise<string> {
  const note =
    error instanceof BadInputError ? error.message : `${(error as Error).message ?? error}`;
  if (!(error instanceof BadInputError) && process.env['INGEST_DEBUG']) console.error(error);
  run.report.errors.push(problem(master, note));
  const previous = run.state.items[master.key];
  if (error instanceof ChangedMasterError) {
    const recorded = run.previousFixity[master.key]?.sha256;
    if (
      previous &&
      previous.entry.master.sha256 === recorded &&
      (await outputsExist(join(run.outDir, previous.outputDir), previous.outputs))
    )
      run.entries.set(master.key, previous.entry);
  } else if (previous) {
    await rm(join(run.outDir, previous.outputDir), { recursive: true, force: true });
    delete run.state.items[master.key];
    run.stateWrites.dirty = true;
  }
  return note;
}

/** Writes the state when it changed and a second has passed, so an interrupted run loses little. */
async function saveStateNow(run: IngestRun): Promise<void> {
  if (!run.stateWrites.dirty || Date.now() - run.stateWrites.last <= 1000) return;
  run.stateWrites.dirty = false;
  run.stateWrites.last = Date.now();
  await writeState(run.stateFile, run.state);
}

/** One master from start to its line in the report and the progress output. Never throws. */
export async function handleMaster(
  run: IngestRun,
  master: Master,
  progress: Progress,
): Promise<void> {
  const t0 = Date.now();
  let status: ItemStatus;
  let note = '';
  try {
    status = await ingestMaster(run, master, progress);
  } catch (error) {
    status = 'error';
    note = await recordFailure(run, master, error);
  }
  if (status === 'skipped') run.report.skipped += 1;
  else if (status === 'processed') run.report.processed += 1;
  const ms = Date.now() - t0;
  run.report.items.push({ key: master.key, kind: master.kind, status, ms });
  progress.tick(master.key, status, ms, note);
  await saveStateNow(run);
}
