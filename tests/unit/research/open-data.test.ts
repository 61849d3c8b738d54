/** Open data: CSV written by the exporter reads back to the records; JSON, data package, sitemap, feed. */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadRecords } from '../../../scripts/lib/content.ts';
import {
  atomFeed,
  recentlyAdded,
  recordPages,
  robotsTxt,
  sitemapXml,
} from '../../../src/lib/research/feeds.ts';
import {
  collectionCsv,
  columns,
  csvField,
  dataPackage,
  LIST_SEPARATOR,
  recordDocument,
  toCsv,
} from '../../../src/lib/research/open-data.ts';
import { recordsOf, refName, type AnyRecordRef } from '../../../src/lib/records/record-ref.ts';
import { savedWork, savedWorkUrl, type WorkJson } from '../../../src/lib/site/favourites.ts';
import { collections, type RecordData } from '../../../src/schemas/index.ts';
import { csvObjects, parseCsv } from '../../fixtures/csv.ts';
import { allFixtures, craft, exhibition, fakeLookup, SITE, work } from './fixtures.ts';

const ctx = { site: SITE, image: fakeLookup };

describe('CSV writer', () => {
  it('quotes per RFC 4180; only the spreadsheet copy starts with a byte-order mark', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(toCsv(['a'], [['1']], 'excel').startsWith('\uFEFFa\r\n')).toBe(true);
    const text = toCsv(['a', 'b'], [['1', 'x,"y"\r\nz']]);
    expect(text.startsWith('a,b\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      ['1', 'x,"y"\r\nz'],
    ]);
  });

  it('neutralises formula cells in the spreadsheet copy and keeps them exact in the data copy', () => {
    const hostile = [
      '=HYPERLINK("http://evil.example","x")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\tx',
      '\rx',
    ];
    const safe = ['plain', '广彩', '1736', 'a=b', ''];
    const excel = parseCsv(
      toCsv(
        ['v'],
        [...hostile, ...safe].map((v) => [v]),
        'excel',
      ),
    );
    expect(excel.slice(1).map((r) => r[0])).toEqual([...hostile.map((v) => `'${v}`), ...safe]);
    const data = parseCsv(
      toCsv(
        ['v'],
        [...hostile, ...safe].map((v) => [v]),
      ),
    );
    expect(data.slice(1).map((r) => r[0])).toEqual([...hostile, ...safe]);
  });

  it('round-trips the fixture work, lists joined with " | "', () => {
    const [row] = csvObjects(collectionCsv('works', [work], ctx));
    expect(row).toMatchObject({
      id: 'BGW-000001',
      title_zh: '广彩人物纹大碗',
      title_en: 'Guangcai punch bowl with figures',
      materials: `porcelain${LIST_SEPARATOR}enamel`,
      date_start: '1736',
      height_cm: '15.5',
      license: 'CC-BY-4.0',
      license_url: 'https://creativecommons.org/licenses/by/4.0/',
      iiif_manifest: `${SITE}/iiif/BGW-000001/manifest.json`,
      permalink: `${SITE}/id/BGW-000001/`,
      added: '2026-11-30',
      modified: '2026-11-30',
    });
  });
});

describe('the real records', () => {
  const root = resolve(import.meta.dirname, '../../..');
  const refs = loadRecords(root).records;
  const none = () => undefined;

  for (const collection of collections) {
    it(`${collection}.csv reads back to the records`, () => {
      const own = recordsOf(refs, collection);
      const rows = csvObjects(collectionCsv(collection, own, { site: SITE, image: none }));
      expect(rows.map((r) => r['id'])).toEqual(own.map((r) => r.data.id));
      for (const [i, ref] of own.entries()) {
        const row = rows[i]!;
        const name = 'title' in ref.data ? ref.data.title : ref.data.name;
        expect(
          row[collection === 'works' || collection === 'exhibitions' ? 'title_zh' : 'name_zh'],
        ).toBe(name.zh);
        expect(
          row[collection === 'works' || collection === 'exhibitions' ? 'title_en' : 'name_en'],
        ).toBe(name.en ?? ''); // a case without an accepted English name: an empty cell
        expect(row['added']).toBe(ref.data.added.toISOString().slice(0, 10));
        if (ref.collection === 'works') {
          const w = ref.data as RecordData['works'];
          expect(row['materials']?.split(LIST_SEPARATOR)).toEqual(w.materials);
          expect(row['date_start']).toBe(String(w.date.start));
          expect(row['license']).toBe(w.rights.license);
          expect(row['credit']).toBe(w.rights.credit);
        }
      }
    });
  }

  it('per-record JSON keeps every field', () => {
    for (const ref of refs) {
      const doc = recordDocument(ref, { site: SITE, image: none });
      expect((doc.data as { id: string }).id).toBe(ref.data.id);
      expect(doc.links.permalink.zh).toBe(`${SITE}/id/${ref.data.id}/`);
    }
  });
});

describe('data package', () => {
  it('describes a CSV per record type with the fields of the CSV header', () => {
    const pkg = dataPackage(allFixtures, ctx);
    expect(pkg.licenses.map((l) => l.name)).toEqual(['CC-BY-4.0']);
    for (const collection of collections) {
      const resource = pkg.resources.find((r) => r.name === collection) as {
        schema: { fields: { name: string }[] };
      };
      expect(resource.schema.fields.map((f) => f.name)).toEqual(
        columns[collection].map((c) => c.name),
      );
    }
    const records = pkg.resources.find((r) => r.name === 'records');
    // Beside datapackage.json: a downloaded copy reads its own files (issue #17 point 14).
    expect(records?.path).toBe('records.json');
    expect(pkg.resources.find((r) => r.name === 'works')?.path).toBe('works.csv');
    // From the content, not the build: the craft fixture's modification is the latest change.
    expect(pkg.version).toBe('2027.1.5');
    expect(pkg.created).toBe('2027-01-05T00:00:00.000Z');
  });

  it('gives each image in the record JSON the size of the file it links', () => {
    const doc = recordDocument(work, ctx);
    expect(doc.media[0]).toMatchObject({
      url: `${SITE}/media/works/guangcai-punch-bowl/bowl-2560.jpg`,
      width: 2560,
      height: 1920,
      originalWidth: 4000,
      originalHeight: 3000,
      thumbnail: {
        url: `${SITE}/media/works/guangcai-punch-bowl/bowl-320.webp`,
        width: 320,
        height: 240,
      },
    });
  });

  // The visitor's collection page reads saved works from these files, one per work.
  it('gives the collection page a saved work from its JSON, with the site’s own paths', () => {
    const doc = JSON.parse(JSON.stringify(recordDocument(work, ctx))) as WorkJson;
    expect(savedWork(doc)).toEqual({
      id: work.data.id,
      title: refName(work),
      url: { zh: '/works/guangcai-punch-bowl/', en: '/en/works/guangcai-punch-bowl/' },
      thumbnail: { url: '/media/works/guangcai-punch-bowl/bowl-320.webp', width: 320, height: 240 },
      alt: 'images' in work.data ? (work.data.images[0]?.alt ?? null) : null,
    });
    expect(savedWorkUrl(work.data.id)).toBe(`/api/works/${work.data.id}.json`);
  });
});

describe('sitemap, feed and robots', () => {
  it('lists each page in both languages with alternates', () => {
    const xml = sitemapXml([{ path: '/' }, ...recordPages([work])], SITE);
    expect(xml).toContain(`<loc>${SITE}/works/guangcai-punch-bowl/</loc>`);
    expect(xml).toContain(`<loc>${SITE}/en/works/guangcai-punch-bowl/</loc>`);
    expect(xml).toContain(`<loc>${SITE}/en/</loc>`);
    expect(xml).toContain(
      `<xhtml:link rel="alternate" hreflang="en" href="${SITE}/en/works/guangcai-punch-bowl/"/>`,
    );
    expect(xml.match(/<url>/g)).toHaveLength(4);
  });
  it('feeds the newest records first', () => {
    const ids = (feed: string) =>
      [...feed.matchAll(/<id>[^<]*\/id\/([^/]+)\/<\/id>/g)].map((m) => m[1]);
    // Added 2026-12-01: the person and the exhibition; then a day earlier, the types in turn.
    expect(ids(atomFeed(allFixtures, SITE, 3))).toEqual(['BGP-000001', 'BGE-000001', 'BGW-000001']);
    expect(atomFeed(allFixtures, SITE)).toContain('<updated>2027-01-05T00:00:00Z</updated>');
  });
  it('lets every record type into a day of many additions, each newest first', () => {
    // A day's import: 60 crafts, 30 works, 2 exhibitions, all added the same day.
    const many = (ref: AnyRecordRef, prefix: string, n: number) =>
      Array.from(
        { length: n },
        (_, i) =>
          ({
            ...ref,
            data: { ...ref.data, id: `${prefix}-${String(i + 1).padStart(6, '0')}` },
          }) as AnyRecordRef,
      );
    const day = [
      ...many(craft, 'BGC', 60),
      ...many(work, 'BGW', 30),
      ...many(exhibition, 'BGE', 2),
    ].map(
      (r) =>
        ({ ...r, data: { ...r.data, added: new Date('2026-11-30T00:00:00Z') } }) as AnyRecordRef,
    );
    const ids = recentlyAdded(day)
      .slice(0, 50)
      .map((r) => r.data.id);
    expect(ids.slice(0, 5)).toEqual([
      'BGW-000030',
      'BGC-000060',
      'BGE-000002',
      'BGW-000029',
      'BGC-000059',
    ]);
    expect(ids.filter((id) => id.startsWith('BGE'))).toHaveLength(2);
    expect(ids.filter((id) => id.startsWith('BGW')).length).toBeGreaterThan(20);
  });
  it('states each entry’s license', () => {
    const feed = atomFeed([work], SITE);
    const entry = feed.slice(feed.indexOf('<entry>'));
    expect(entry).toMatch(/<rights>[^<]*CC BY 4\.0[^<]*<\/rights>/);
    expect(entry).toContain(
      '<link rel="license" type="text/html" href="https://creativecommons.org/licenses/by/4.0/"/>',
    );
  });
  it('points robots at the sitemap', () => {
    expect(robotsTxt(SITE)).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });
});
