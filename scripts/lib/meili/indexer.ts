/**
 * Reindexing without downtime: documents go into a fresh index `<name>_tmp_<timestamp>_…`,
 * which is swapped with the live index in one atomic task once every task has succeeded.
 * Visitors never see an empty or half-built index; a failed task throws with Meilisearch's own
 * error and leaves the live index as it was. A run cut short (the server went away, the run was
 * interrupted) leaves its temporary index behind; the next run removes it.
 */
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Meilisearch,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type EnqueuedTaskPromise,
  type Settings,
  type Task,
} from 'meilisearch';
import { readMediaManifest } from '../../../src/lib/records/media-file.ts';
import type { MediaManifest } from '../../../src/lib/records/media-manifest.ts';
import type { Collection } from '../../../src/schemas/index.ts';
import { DEFAULT_INDEX } from './keys.ts';
import { toSearchDocuments } from '../../../src/lib/search/build-document.ts';
import type { SearchDocument } from '../../../src/lib/search/document.ts';
import type { AnyRecord } from '../content.ts';
import { searchSettings } from './settings.ts';
import { transcriptsOf } from './transcripts.ts';

/** A Meilisearch task that did not succeed, with Meilisearch's message and code. */
export class MeiliTaskError extends Error {
  readonly task: Task;
  readonly code: string | undefined;
  constructor(what: string, task: Task) {
    const detail = task.error
      ? `${task.error.message} (${task.error.code})`
      : `task ${task.uid} ended as ${task.status}`;
    super(`Meilisearch could not ${what}: ${detail}`);
    this.name = 'MeiliTaskError';
    this.task = task;
    this.code = task.error?.code;
  }
}

/** The search server stopped answering in the middle of a run (stopped, crashed, unreachable). */
export class SearchServerGoneError extends Error {
  readonly host: string;
  /**
   * `left` names the temporary index the run leaves behind and whether it had been swapped in
   * already (then it holds the previous documents and the new ones are live).
   */
  constructor(host: string, cause: unknown, left?: { index: string; swapped: boolean }) {
    const [en, zh] = !left
      ? ['', '']
      : left.swapped
        ? [
            ` The new index is live; the next run removes the previous one, left as ${left.index}.`,
            '新索引已上线，下次运行会删除留下的旧索引。',
          ]
        : [
            ` The live index is unchanged; the next run removes the unfinished temporary index ${left.index}.`,
            '线上索引未变，下次运行会删除未完成的临时索引。',
          ];
    super(
      `The search server at ${host} went away (${networkReason(cause)}): it stopped or can no longer be reached.${en}\n` +
        `检索服务器（${host}）断开了连接：已停止或无法访问。${zh}`,
      { cause },
    );
    this.name = 'SearchServerGoneError';
    this.host = host;
  }
}

/** Whether `error` is the client failing to reach the server at all (not an API error). */
export function isServerGone(error: unknown): boolean {
  return (
    error instanceof MeilisearchRequestError &&
    !(error.cause instanceof MeilisearchRequestTimeOutError)
  );
}

/** `ECONNREFUSED`, `other side closed` …: the innermost cause of a failed request. */
function networkReason(error: unknown): string {
  let reason = error;
  while (reason instanceof Error && reason.cause instanceof Error) reason = reason.cause;
  const code = (reason as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (reason instanceof Error ? reason.message : String(reason));
}

export interface IndexDocumentsOptions {
  host: string;
  masterKey: string;
  /**
   * The documents; or a function giving them batch by batch as they are sent, so that a very
   * large set (the 1,000,000-document benchmark) is never in memory whole.
   */
  documents: readonly Document[] | (() => Iterable<readonly Document[]>);
  /** Live index name. Default MEILI_INDEX or `baigong`. */
  indexName?: string;
  /** Settings to apply (default: {@link searchSettings}). */
  settings?: Settings;
  /** Primary key. Default `id`. */
  primaryKey?: string;
  /** Documents per addDocuments call. Default 20,000. */
  batchSize?: number;
  /** Milliseconds to wait for each task. Default 10 minutes. */
  taskTimeoutMs?: number;
  /** Progress messages. */
  log?: (message: string) => void;
}

export interface IndexResult {
  indexName: string;
  /** Documents now served by the live index. */
  documents: number;
  /** Documents per record type. */
  counts: Partial<Record<Collection, number>>;
  /** Whether a previous live index was replaced (false on the first run). */
  replaced: boolean;
  /** Wall time of the whole reindex, in milliseconds. */
  durationMs: number;
}

export interface IndexRecordsOptions extends Omit<IndexDocumentsOptions, 'documents'> {
  /** The records as read from their files (their folders hold the films' captions). */
  records: readonly AnyRecord[];
  /** generated/media.json, for thumbnails; read from `root` when not given. */
  media?: MediaManifest;
  /** Project root, to find generated/media.json. */
  root?: string;
}

/** generated/media.json when the media ingest has written one (and it is readable). */
function mediaForThumbnails(root: string): MediaManifest | undefined {
  try {
    return readMediaManifest(root);
  } catch {
    return undefined; // thumbnails are optional: index without them
  }
}

async function settle(what: string, enqueued: EnqueuedTaskPromise, timeout: number): Promise<Task> {
  const task = await enqueued.waitTask({ timeout, interval: 50 });
  if (task.status !== 'succeeded') throw new MeiliTaskError(what, task);
  return task;
}

const TMP_MARK = '_tmp_';
/** After this long a temporary index is stale whoever made it. */
const STALE_MS = 60 * 60 * 1000;
/** This machine, in temporary index names: only runs here can be checked for being over. */
const MACHINE = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
/** Temporary indexes this process is building now. */
const building = new Set<string>();

/**
 * `<indexName>_tmp_<time>_<machine>_<pid>_<random>`: when, where and by which process, so that
 * the next run can tell a leftover from the index of a run still going.
 */
export function temporaryIndexName(indexName: string, pid = process.pid): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `${indexName}${TMP_MARK}${Date.now()}_${MACHINE}_${pid}_${random}`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/**
 * Whether the temporary index `uid` of `indexName` was left by a run that is over: one more
 * than an hour old, or one from this machine whose process has ended (or is this one, not
 * building it). Another machine's recent index may belong to a run still going: it is kept.
 */
function isLeftOver(uid: string, indexName: string): boolean {
  const [stamp, machine, pid] = uid.slice(indexName.length + TMP_MARK.length).split('_');
  if (Number(stamp) < Date.now() - STALE_MS) return true;
  if (machine !== MACHINE || pid === undefined) return false;
  const owner = Number(pid);
  return owner === process.pid ? !building.has(uid) : !isRunning(owner);
}

/**
 * Deletes the temporary indexes of `indexName` that interrupted runs left; returns their names.
 * Their queued work is cancelled first: a server restarted after dying mid-run resumes adding
 * the dead run's documents, which nobody will use and which would hold up this run.
 */
async function removeLeftovers(
  client: Meilisearch,
  indexName: string,
  timeout: number,
): Promise<string[]> {
  const { results } = await client.getRawIndexes({ limit: 1000 });
  const leftovers = results
    .map((index) => index.uid)
    .filter((uid) => uid.startsWith(`${indexName}${TMP_MARK}`) && isLeftOver(uid, indexName));
  if (leftovers.length === 0) return [];
  await client.tasks
    .cancelTasks({ indexUids: leftovers, statuses: ['enqueued', 'processing'] })
    .waitTask({ timeout });
  for (const uid of leftovers) await client.deleteIndex(uid).waitTask({ timeout });
  return leftovers;
}

/** A search document as sent to Meilisearch. */
type Document = SearchDocument | Record<string, unknown>;

/** `items` in consecutive slices of at most `size`. */
function* slices<T>(items: readonly T[], size: number): Generator<readonly T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Builds a fresh index from `documents` and swaps it in atomically. */
export async function indexDocuments(options: IndexDocumentsOptions): Promise<IndexResult> {
  const started = performance.now();
  const indexName = options.indexName ?? (process.env['MEILI_INDEX'] || DEFAULT_INDEX);
  const timeout = options.taskTimeoutMs ?? 10 * 60_000;
  const primaryKey = options.primaryKey ?? 'id';
  const batchSize = options.batchSize ?? 20_000;
  const log = options.log ?? (() => {});
  const client = new Meilisearch({ host: options.host, apiKey: options.masterKey });

  // Best effort: a leftover that cannot be removed now is removed by a later run.
  const removed = await removeLeftovers(client, indexName, timeout).catch((error: unknown) => {
    log(`could not remove the leftovers of interrupted runs: ${(error as Error).message}`);
    return [];
  });
  for (const uid of removed) log(`removed ${uid}, left by an interrupted run`);
  const tmp = temporaryIndexName(indexName);
  building.add(tmp);
  let swapped = false;
  try {
    await settle(`create index ${tmp}`, client.createIndex(tmp, { primaryKey }), timeout);
    const index = client.index(tmp);
    await settle(
      'apply the index settings',
      index.updateSettings(options.settings ?? searchSettings()),
      timeout,
    );
    const batches =
      typeof options.documents === 'function'
        ? options.documents()
        : slices(options.documents, batchSize);
    // Send every batch first (Meilisearch processes what has arrived together), each upload
    // finished before the next batch is made, then wait for each to be indexed.
    const tasks: EnqueuedTaskPromise[] = [];
    const counts: Partial<Record<Collection, number>> = {};
    let total = 0;
    for (const batch of batches) {
      const task = index.addDocuments(batch as Record<string, unknown>[], { primaryKey });
      // Awaited in turn below; when one fails the rest must not become unhandled rejections.
      await task.catch(() => {});
      tasks.push(task);
      total += batch.length;
      for (const doc of batch) {
        const type = doc['type'] as Collection | undefined;
        if (type) counts[type] = (counts[type] ?? 0) + 1;
      }
    }
    for (const [n, task] of tasks.entries()) {
      await settle(`add documents (batch ${n + 1} of ${tasks.length})`, task, timeout);
    }
    const stats = await index.getStats();
    if (stats.numberOfDocuments !== total) {
      throw new Error(
        `Meilisearch indexed ${stats.numberOfDocuments} of ${total} documents (duplicate or missing ids?)`,
      );
    }
    log(`built ${tmp} with ${total} documents`);

    let replaced = true;
    try {
      await client.getRawIndex(indexName);
    } catch {
      replaced = false;
    }
    // First run: there is no live index yet, so the swap renames the new index into place
    // (`rename` needs Meilisearch 1.18 or later).
    await settle(
      `swap ${tmp} into ${indexName}`,
      client.swapIndexes([{ indexes: [tmp, indexName], rename: !replaced }]),
      timeout,
    );
    swapped = true;
    if (replaced) {
      // After the swap `tmp` holds the previous documents.
      await settle(`delete the previous index`, client.deleteIndex(tmp), timeout);
    }
    return {
      indexName,
      documents: total,
      counts,
      replaced,
      durationMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    if (isServerGone(error)) {
      throw new SearchServerGoneError(options.host, error, { index: tmp, swapped });
    }
    if (!swapped)
      await client
        .deleteIndex(tmp)
        .waitTask({ timeout: 30_000 })
        .catch(() => {});
    throw error;
  } finally {
    building.delete(tmp);
  }
}

/** Makes one document per record and swaps a fresh index in. The lead's entry point. */
export async function indexRecords(options: IndexRecordsOptions): Promise<IndexResult> {
  const media = options.media ?? (options.root ? mediaForThumbnails(options.root) : undefined);
  const documents = toSearchDocuments(options.records, media, {
    transcripts: transcriptsOf(options.records, media),
  });
  const { host, masterKey, indexName, settings, primaryKey, batchSize, taskTimeoutMs, log } =
    options;
  return indexDocuments({
    host,
    masterKey,
    documents,
    ...(indexName !== undefined ? { indexName } : {}),
    ...(settings !== undefined ? { settings } : {}),
    ...(primaryKey !== undefined ? { primaryKey } : {}),
    ...(batchSize !== undefined ? { batchSize } : {}),
    ...(taskTimeoutMs !== undefined ? { taskTimeoutMs } : {}),
    ...(log !== undefined ? { log } : {}),
  });
}
