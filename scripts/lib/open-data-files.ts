/**
 * The large open-data downloads — /data/records.json and each record type's CSV (data and
 * spreadsheet copies) — written after `astro build` as streams: each record is turned into its
 * JSON or CSV row when it is written, with the write waiting while the file catches up, so memory
 * holds one record's output at a time however large the archive. (An Astro endpoint returns one
 * whole body, which for 100,000 records is hundreds of megabytes held at once.) Each file is
 * written beside its target and renamed into place, so an interrupted export leaves no partial
 * file. The records are read by the same loader and builders as everything else: the bytes are
 * what the endpoints wrote before (tests/unit/research/open-data-files.test.ts).
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { collections } from '../../src/lib/records/record-files.ts';
import { entryLookup, isImageEntry } from '../../src/lib/records/media-manifest.ts';
import { EMPTY_MEDIA_MANIFEST, readMediaManifest } from '../../src/lib/records/media-file.ts';
import { byRecordId, recordsOf, type AnyRecordRef } from '../../src/lib/records/record-ref.ts';
import {
  collectionCsvLines,
  collectionDocumentText,
  type ExportContext,
} from '../../src/lib/research/open-data.ts';
import { loadRecords } from './content.ts';
import { DEFAULT_SITE_URL } from './ingest/settings.ts';

/** Writes `chunks` to `path` through a stream, waiting whenever its buffer is full. */
export async function writeChunks(path: string, chunks: Iterable<string>): Promise<number> {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  // opened here, not by the stream later, so a failure below always has a file to remove
  const out = createWriteStream(partial, { fd: openSync(partial, 'w') });
  let bytes = 0;
  try {
    for (const chunk of chunks) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  } catch (error) {
    out.destroy();
    await once(out, 'close');
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, path);
  return bytes;
}

/** Every record in the site's order: by type as `collections` lists them, then by ID. */
export function siteOrder(records: readonly AnyRecordRef[]): AnyRecordRef[] {
  return collections.flatMap((c) => recordsOf(records, c).sort(byRecordId));
}

/** The context the exports are made in: the site's address and the ingested images. */
export function exportContext(root: string, site = process.env['SITE_URL']): ExportContext {
  const manifest = readMediaManifest(root) ?? EMPTY_MEDIA_MANIFEST;
  return {
    site: new URL(site ?? DEFAULT_SITE_URL),
    image: entryLookup(() => manifest, isImageEntry),
  };
}

/** Writes the streamed downloads of `refs` into the site folder `out`; returns bytes per file. */
export async function writeOpenData(
  out: string,
  refs: readonly AnyRecordRef[],
  ctx: ExportContext,
): Promise<Map<string, number>> {
  const written = new Map<string, number>();
  const write = async (file: string, chunks: Iterable<string>) =>
    written.set(file, await writeChunks(join(out, file), chunks));
  await write('data/records.json', collectionDocumentText(refs, ctx));
  for (const collection of collections) {
    const of = recordsOf(refs, collection);
    await write(`data/${collection}.csv`, collectionCsvLines(collection, of, ctx, 'data'));
    await write(`data/excel/${collection}.csv`, collectionCsvLines(collection, of, ctx, 'excel'));
  }
  return written;
}

/** Reads the records of the project at `root` and writes their downloads into `out`. */
export async function exportOpenData(root: string, out: string): Promise<Map<string, number>> {
  const { records, problems } = loadRecords(root);
  // a record that does not load would be missing from the downloads without a word
  if (problems.length > 0)
    throw new Error(
      `${String(problems.length)} record problem(s), e.g. ${problems[0]!.file ?? ''}: ${problems[0]!.en}; run \`npm run check\` / 内容有错误，请先运行 npm run check`,
    );
  return writeOpenData(out, siteOrder(records), exportContext(root));
}
