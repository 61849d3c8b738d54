/* eslint-disable @typescript-eslint/no-explicit-any -- the tests walk loosely typed JSON documents */
/**
 * Outputs that must stay within a limit however large the archive grows, tested at sizes that
 * cross it: sitemap files (50,000 URLs), the IIIF works collection (nested parts), the Atom feed.
 */
import { describe, expect, it } from 'vitest';
import {
  atomFeed,
  SITEMAP_MAX_URLS,
  sitemapIndexXml,
  sitemapParts,
  sitemapXml,
  type SitemapPage,
} from '../../../src/lib/research/feeds.ts';
import {
  COLLECTION_PAGE_SIZE,
  collectionParts,
  worksCollection,
  worksCollectionPart,
} from '../../../src/lib/research/iiif.ts';
import type { AnyRecordRef, RecordRef } from '../../../src/lib/records/record-ref.ts';
import { iiifErrors } from '../../fixtures/iiif/validate.ts';
import { fakeLookup, SITE, work } from '../research/fixtures.ts';
import type { ImageLookup } from '../../../src/lib/records/record-ref.ts';

function pages(count: number): SitemapPage[] {
  return Array.from({ length: count }, (_, i) => ({ path: `/works/w-${String(i)}/` }));
}

/** `count` copies of the fixture work, each with its own ID, slug and date added. */
function works(count: number): RecordRef<'works'>[] {
  const bowl = work as RecordRef<'works'>;
  return Array.from({ length: count }, (_, i) => ({
    ...bowl,
    slug: `bowl-${String(i)}`,
    data: {
      ...bowl.data,
      id: `BGW-${String(i).padStart(6, '0')}`,
      added: new Date(Date.UTC(2020, 0, 1 + i)),
    },
  }));
}

const count = (text: string, tag: string) => text.split(tag).length - 1;

describe('sitemap at scale', () => {
  it('keeps one sitemap while every URL fits in one file', () => {
    expect(sitemapParts(pages(SITEMAP_MAX_URLS / 2))).toHaveLength(1);
  });

  it('splits past 50,000 URLs into files of at most 50,000, every page listed once', () => {
    const all = pages(60_001); // 120,002 URLs: both languages of each page
    const parts = sitemapParts(all);
    expect(parts).toHaveLength(3);
    expect(parts.flat()).toEqual(all);
    for (const part of parts) {
      expect(count(sitemapXml(part, SITE), '<url>')).toBeLessThanOrEqual(SITEMAP_MAX_URLS);
    }
  });

  it('names every part in a sitemap index', () => {
    const xml = sitemapIndexXml(3, SITE);
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(count(xml, '<sitemap>')).toBe(3);
    expect(xml).toContain(`<loc>${SITE}/sitemap-3.xml</loc>`);
  });
});

describe('IIIF works collection at scale', () => {
  /** Every copy of the fixture work has the fixture's processed images. */
  const lookup: ImageLookup = (collection, _slug, file) => fakeLookup(collection, work.slug, file);
  const ctx = { site: SITE, image: lookup };

  it('lists the manifests directly up to one page', () => {
    const collection = worksCollection(works(3), ctx) as Record<string, any>;
    expect(collection['items'].map((i: any) => i.type)).toEqual([
      'Manifest',
      'Manifest',
      'Manifest',
    ]);
  });

  it('nests parts of at most one page of manifests past it, all valid IIIF', () => {
    const refs = works(COLLECTION_PAGE_SIZE * 2 + 1);
    const top = worksCollection(refs, ctx) as Record<string, any>;
    expect(top['items']).toHaveLength(3);
    expect(top['items'][2]).toMatchObject({
      id: `${SITE}/iiif/collection/3.json`,
      type: 'Collection',
    });
    expect(iiifErrors(top)).toEqual([]);
    const parts = collectionParts(refs, lookup);
    const docs = parts.map((p, i) => worksCollectionPart(p, i + 1, parts.length, ctx) as any);
    expect(docs.map((d) => d.items.length)).toEqual([
      COLLECTION_PAGE_SIZE,
      COLLECTION_PAGE_SIZE,
      1,
    ]);
    expect(docs.flatMap((d) => d.items.map((m: any) => m.id))).toHaveLength(refs.length);
    expect(iiifErrors(docs[2])).toEqual([]);
  });
});

describe('Atom feed at scale', () => {
  it('lists only the 50 most recently added of thousands of records', () => {
    const xml = atomFeed(works(5_000) as AnyRecordRef[], SITE);
    expect(count(xml, '<entry>')).toBe(50);
    expect(xml).toContain('BGW-004999');
    expect(xml).not.toContain('BGW-004949/');
  });
});
