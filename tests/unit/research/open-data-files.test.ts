/**
 * The streamed downloads: /data/records.json written piece by piece is byte for byte the JSON
 * document the builders make, each CSV line by line is the CSV, and writing an archive of 60,000
 * records (a records.json of some 200 megabytes) holds only a small part of it in memory at once.
 * An export that fails leaves no partial file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnyRecordRef } from '../../../src/lib/records/record-ref.ts';
import {
  collectionCsv,
  collectionDocument,
  collectionDocumentText,
} from '../../../src/lib/research/open-data.ts';
import { writeChunks, writeOpenData } from '../../../scripts/lib/open-data-files.ts';
import { allFixtures, fakeLookup, SITE, work } from './fixtures.ts';

const ctx = { site: SITE, image: fakeLookup };
const dir = mkdtempSync(join(tmpdir(), 'bg-open-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `count` works: the fixture work under IDs of their own (its data shared, as copies would be). */
function manyWorks(count: number): AnyRecordRef[] {
  return Array.from({ length: count }, (_, n) => ({
    ...work,
    slug: `work-${String(n)}`,
    data: { ...work.data, id: `BGW-${String(100_000 + n).padStart(6, '0')}` },
  }));
}

describe('streamed open data', () => {
  it('writes records.json piece by piece as exactly the JSON document', () => {
    for (const refs of [allFixtures, [], [work]] as AnyRecordRef[][]) {
      const pieces = [...collectionDocumentText(refs, ctx)].join('');
      expect(pieces).toBe(`${JSON.stringify(collectionDocument(refs, ctx), null, 2)}\n`);
      expect(JSON.parse(pieces)).toEqual(JSON.parse(JSON.stringify(collectionDocument(refs, ctx))));
    }
  });

  it('writes every download of the record types into the site folder', async () => {
    const written = await writeOpenData(join(dir, 'site'), allFixtures, ctx);
    expect([...written.keys()]).toContain('data/records.json');
    expect(readFileSync(join(dir, 'site', 'data', 'works.csv'), 'utf8')).toBe(
      collectionCsv('works', [work], ctx, 'data'),
    );
    expect(readFileSync(join(dir, 'site', 'data', 'excel', 'works.csv'), 'utf8')).toBe(
      collectionCsv('works', [work], ctx, 'excel'),
    );
    for (const [file, bytes] of written) expect(statSync(join(dir, 'site', file)).size).toBe(bytes);
  });

  it('holds a small part of a large export in memory at once', { timeout: 120_000 }, async () => {
    const refs = manyWorks(60_000);
    globalThis.gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    function* watched() {
      for (const piece of collectionDocumentText(refs, ctx)) {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        yield piece;
      }
    }
    const bytes = await writeChunks(join(dir, 'large.json'), watched());
    expect(bytes).toBeGreaterThan(200_000_000);
    // the whole document as one string would alone be `bytes` (twice that in UTF-16); what the
    // heap gains is the garbage between collections, which depends on when V8 collects (32 MB
    // of 226 MB in one run, 58 MB in another on the same code), so the bound is half the
    // document: an export that held the document whole could not stay under it
    console.log(`streamed ${String(bytes)} bytes; heap grew ${String(peak - baseline)} bytes`);
    expect(peak - baseline).toBeLessThan(bytes / 2);
    const text = readFileSync(join(dir, 'large.json'), 'utf8');
    expect((JSON.parse(text) as { records: unknown[] }).records).toHaveLength(60_000);
  });

  it('leaves no partial file when the export fails', async () => {
    const target = join(dir, 'broken.json');
    function* failing() {
      yield '{"records": [';
      throw new Error('a record could not be written');
    }
    await expect(writeChunks(target, failing())).rejects.toThrow('could not be written');
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.partial`)).toBe(false);
  });
});
