/**
 * Reindexing without downtime: documents go into a fresh index `<name>_tmp_<timestamp>`, which
 * is swapped with the live index in one atomic task once every task has succeeded. Visitors
 * never see an empty or half-built index; a failed task throws with Meilisearch's own error
 * and leaves the live index as it was.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Meilisearch, type EnqueuedTaskPromise, type Settings, type Task } from 'meilisearch';
import type { MediaManifest } from '../../../src/lib/media-manifest.ts';
import type { Collection } from '../../../src/schemas/index.ts';
import { DEFAULT_INDEX } from './keys.ts';
import { toSearchDocuments, type RecordInput, type SearchDocument } from './documents.ts';
import { searchSettings } from './settings.ts';

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

export interface IndexDocumentsOptions {
  host: string;
  masterKey: string;
  documents: readonly SearchDocument[] | readonly Record<string, unknown>[];
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
  records: readonly RecordInput[];
  /** generated/media.json, for thumbnails; read from `root` when not given. */
  media?: MediaManifest;
  /** Project root, to find generated/media.json. */
  root?: string;
}

/** generated/media.json when the media ingest has written one (and it is readable). */
export function readMediaManifest(root: string): MediaManifest | undefined {
  const file = join(root, 'generated', 'media.json');
  if (!existsSync(file)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as MediaManifest;
    return manifest && typeof manifest.items === 'object' ? manifest : undefined;
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

/** Deletes temporary indexes of `indexName` left by interrupted runs more than an hour ago. */
async function removeStaleTemporaries(client: Meilisearch, indexName: string): Promise<void> {
  const { results } = await client.getRawIndexes({ limit: 1000 });
  const cutoff = Date.now() - 60 * 60 * 1000;
  for (const index of results) {
    if (!index.uid.startsWith(`${indexName}${TMP_MARK}`)) continue;
    const stamp = Number(index.uid.slice(indexName.length + TMP_MARK.length).split('_')[0]);
    if (Number.isFinite(stamp) && stamp < cutoff) await client.deleteIndex(index.uid).waitTask();
  }
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

  await removeStaleTemporaries(client, indexName).catch(() => {});
  const tmp = `${indexName}${TMP_MARK}${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  let swapped = false;
  try {
    await settle(`create index ${tmp}`, client.createIndex(tmp, { primaryKey }), timeout);
    const index = client.index(tmp);
    await settle(
      'apply the index settings',
      index.updateSettings(options.settings ?? searchSettings()),
      timeout,
    );
    const docs = options.documents as Record<string, unknown>[];
    // Enqueue every batch first (Meilisearch batches them), then wait for each.
    const tasks: EnqueuedTaskPromise[] = [];
    for (let i = 0; i < docs.length; i += batchSize) {
      tasks.push(index.addDocuments(docs.slice(i, i + batchSize), { primaryKey }));
    }
    for (const [n, task] of tasks.entries()) {
      await settle(`add documents (batch ${n + 1} of ${tasks.length})`, task, timeout);
    }
    const stats = await index.getStats();
    if (stats.numberOfDocuments !== docs.length) {
      throw new Error(
        `Meilisearch indexed ${stats.numberOfDocuments} of ${docs.length} documents (duplicate or missing ids?)`,
      );
    }
    log(`built ${tmp} with ${docs.length} documents`);

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
    const counts: Partial<Record<Collection, number>> = {};
    for (const doc of docs) {
      const type = doc['type'] as Collection | undefined;
      if (type) counts[type] = (counts[type] ?? 0) + 1;
    }
    return {
      indexName,
      documents: docs.length,
      counts,
      replaced,
      durationMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    if (!swapped)
      await client
        .deleteIndex(tmp)
        .waitTask({ timeout: 30_000 })
        .catch(() => {});
    throw error;
  }
}

/** Makes one document per record and swaps a fresh index in. The lead's entry point. */
export async function indexRecords(options: IndexRecordsOptions): Promise<IndexResult> {
  const media = options.media ?? (options.root ? readMediaManifest(options.root) : undefined);
  const documents = toSearchDocuments(options.records, media);
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
