/**
 * The data package read by Frictionless JS (`datapackage` / `tableschema`), the reference reader
 * of the specification: a copy of `/data/` written by the same builders the endpoints use, for
 * every real record, read through its relative paths with the values cast to the declared types.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecords } from '../../../scripts/lib/content.ts';
import {
  clusterIndicatorsCsv,
  collectionCsv,
  collectionDocument,
  dataPackage,
  packageVersion,
  thesaurusCsv,
} from '../../../src/lib/research/open-data.ts';
import {
  clusterArea,
  clusterIndicators,
  type ClusterRow,
} from '../../../src/lib/site/cluster-indicators.ts';
import { recordsOf, type AnyRecordRef } from '../../../src/lib/records/record-ref.ts';
import { thesaurus } from '../../../src/lib/thesaurus/index.ts';
import { conceptIri } from '../../../src/lib/thesaurus/paths.ts';
import { collections } from '../../../src/schemas/index.ts';
import { readWithFrictionless, writeDataCopy } from '../../fixtures/research/frictionless.ts';
import { SITE } from './fixtures.ts';

const root = resolve(import.meta.dirname, '../../..');
const refs = loadRecords(root).records;
const ctx = { site: SITE, image: () => undefined };

/**
 * Every cluster with indicators counted from the record files (the site counts with Astro's
 * collections; here only the table's shape and types are under test).
 */
function clusterRows(): ClusterRow[] {
  const of = <C extends AnyRecordRef['collection']>(c: C) => recordsOf(refs, c);
  const countable = {
    entries: of('crafts').flatMap((c) =>
      c.data.entries.map((e) => ({ entry: e.entry, item: e.code, region: e.region?.code })),
    ),
    inheritors: of('people').flatMap((p) =>
      p.data.designations.flatMap((d) =>
        d.batch === undefined ? [] : [{ batch: d.batch, region: p.data.region?.code }],
      ),
    ),
    cases: of('cases').map((c) => ({
      kind: c.data.kind,
      region: c.data.region.division ?? c.data.region.province,
    })),
    works: of('works').map((w) => ({
      region: w.data.region?.code,
      pictures: w.data.images.length,
      added: w.data.added.toISOString().slice(0, 10),
    })),
  };
  return of('clusters').map((c) => {
    const area = clusterArea(c.data.region);
    return {
      id: c.data.id,
      name: c.data.name,
      slug: c.slug,
      area,
      indicators: clusterIndicators(area, countable),
    };
  });
}

/** What `/data/` holds, as the endpoints build it. */
function dataFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'datapackage.json': JSON.stringify(dataPackage(refs, ctx), null, 2),
    'records.json': JSON.stringify(collectionDocument(refs, ctx)),
    'thesaurus.csv': thesaurusCsv(ctx),
    'cluster-indicators.csv': clusterIndicatorsCsv(clusterRows()),
  };
  for (const collection of collections) {
    files[`${collection}.csv`] = collectionCsv(collection, recordsOf(refs, collection), ctx);
  }
  return files;
}

describe('data package read with Frictionless JS', () => {
  it('is a valid package whose every resource reads through its relative path', async () => {
    const dir = await writeDataCopy(dataFiles());
    const read = await readWithFrictionless(dir);
    expect(read.errors).toEqual([]);
    expect(read.valid).toBe(true);
    for (const collection of collections) {
      const own = refs.filter((r) => r.collection === collection);
      const rows = read.rows[collection]!;
      expect(rows.map((r) => r['id'])).toEqual(own.map((r) => r.data.id));
    }
    // The JSON resource is the file beside the descriptor, not the website.
    expect(read.other['records']).toBe(resolve(dir, 'records.json'));
    expect(existsSync(read.other['records']!)).toBe(true);
  });

  it('reads the thesaurus as a table: one row per concept, its IRI and its lists', async () => {
    const read = await readWithFrictionless(await writeDataCopy(dataFiles()));
    expect(read.errors).toEqual([]);
    const rows = read.rows['thesaurus']!;
    expect(rows.map((r) => r['id'])).toEqual(thesaurus().concepts.map((c) => c.id));
    const meiping = rows.find((r) => r['id'] === 'meiping')!;
    expect(meiping).toMatchObject({
      kind: 'objectType',
      zh: '梅瓶',
      en: 'meiping',
      broader: 'vase',
    });
    expect(meiping['uri']).toBe(conceptIri('meiping', SITE));
    expect(String(meiping['alt_en']).split(' | ')).toContain('prunus vase');
    // an empty cell is a missing value, not an empty string
    expect(meiping['related']).toBeNull();
  });

  it('reads the cluster indicators: one row per cluster, counts as integers, breakdowns as lists', async () => {
    const read = await readWithFrictionless(await writeDataCopy(dataFiles()));
    expect(read.errors).toEqual([]);
    const rows = read.rows['cluster-indicators']!;
    const expected = clusterRows();
    expect(rows.map((r) => r['id'])).toEqual(expected.map((c) => c.id));
    for (const row of rows) {
      for (const key of ['items', 'entries', 'inheritors', 'cases', 'works', 'pictures'])
        expect(Number.isInteger(row[key]), `${String(row['id'])} ${key}`).toBe(true);
      const batches = String(row['inheritors_by_batch'] ?? '');
      if (batches) expect(batches).toMatch(/^\d+:\d+( \| \d+:\d+)*$/);
    }
  });

  it('casts values to the declared types (integers, numbers, dates, booleans)', async () => {
    const dir = await writeDataCopy(dataFiles());
    const read = await readWithFrictionless(dir);
    const work = read.rows['works']!.find((r) => r['height_cm'] !== null)!;
    expect(typeof work['date_start']).toBe('number');
    expect(work['added']).toBeInstanceOf(Date);
    // `living` is left empty when no source says (the national list's inheritors): null, not false
    const living = (id: string) => read.rows['people']!.find((r) => r['id'] === id)?.['living'];
    const people = refs.filter((r) => r.collection === 'people');
    const known = people.find((r) => r.data.living !== undefined)!;
    const unknown = people.find((r) => r.data.living === undefined)!;
    expect(living(known.data.id)).toBe(known.data.living);
    expect(living(unknown.data.id)).toBeNull();
  });
});

describe('data package descriptor', () => {
  it('names its resources by relative path', () => {
    const pkg = dataPackage(refs, ctx);
    for (const resource of pkg.resources) expect(resource.path).not.toMatch(/^[a-z]+:|^\//);
  });

  it('keeps its version and date while the content is unchanged, and follows a change', () => {
    const first = JSON.stringify(dataPackage(refs, ctx));
    expect(JSON.stringify(dataPackage(refs, ctx))).toBe(first);
    const [one, ...rest] = refs;
    const changed = {
      ...one!,
      data: { ...one!.data, modified: new Date('2099-02-03T00:00:00Z') },
    } as AnyRecordRef;
    expect(packageVersion([changed, ...rest])).toBe('2099.2.3');
    expect(packageVersion(refs)).toMatch(/^\d{4}\.\d{1,2}\.\d{1,2}$/);
  });
});
