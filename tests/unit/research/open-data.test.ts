/** Open data: CSV written by the exporter reads back to the records; JSON, data package, sitemap, feed. */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadRecords } from '../../../scripts/lib/content.ts';
import { atomFeed, recordPages, robotsTxt, sitemapXml } from '../../../src/lib/feeds.ts';
import {
  collectionCsv,
  columns,
  csvField,
  dataPackage,
  LIST_SEPARATOR,
  recordDocument,
  toCsv,
} from '../../../src/lib/open-data.ts';
import { toRef, type AnyRecordRef, type RecordRef } from '../../../src/lib/record-ref.ts';
import { collections, type RecordData } from '../../../src/schemas/index.ts';
import { csvObjects, parseCsv } from '../../fixtures/csv.ts';
import { allFixtures, fakeLookup, SITE, work } from './fixtures.ts';

const ctx = { site: SITE, image: fakeLookup };

describe('CSV writer', () => {
  it('quotes per RFC 4180 and starts with a byte-order mark', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const text = toCsv(['a', 'b'], [['1', 'x,"y"\r\nz']]);
    expect(text.startsWith('\uFEFFa,b\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      ['1', 'x,"y"\r\nz'],
    ]);
  });

  it('round-trips the fixture work, lists joined with " | "', () => {
    const [row] = csvObjects(collectionCsv('works', [work as RecordRef<'works'>], ctx));
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
  const refs = loadRecords(root).records.map((r) => toRef(r) as AnyRecordRef);
  const none = () => undefined;

  for (const collection of collections) {
    it(`${collection}.csv reads back to the records`, () => {
      const own = refs.filter((r) => r.collection === collection) as RecordRef<typeof collection>[];
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
        ).toBe(name.en);
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
    const pkg = dataPackage(allFixtures, ctx, new Date('2026-12-01T00:00:00Z'));
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
    expect(records?.path).toBe(`${SITE}/data/records.json`);
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
    const feed = atomFeed(allFixtures, SITE, 3);
    expect(feed.match(/<entry>/g)).toHaveLength(3);
    expect(feed.indexOf('BGP-000001')).toBeLessThan(feed.indexOf('BGC-000001'));
    expect(feed).toContain('<updated>2027-01-05T00:00:00Z</updated>');
  });
  it('points robots at the sitemap', () => {
    expect(robotsTxt(SITE)).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });
});
