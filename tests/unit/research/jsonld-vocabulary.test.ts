/**
 * Every record page's JSON-LD, expanded by the `jsonld` library (the W3C JSON-LD processor) against
 * the schema.org context served offline, uses only schema.org types and properties, each on a type
 * schema.org allows it on (domainIncludes, with inheritance). For the hand-written fixtures and for
 * every real record.
 */
import { resolve } from 'node:path';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { loadRecords } from '../../../scripts/lib/content.ts';
import { recordJsonLd } from '../../../src/lib/research/jsonld.ts';
import { refName } from '../../../src/lib/records/record-ref.ts';
import { offlineLoader, vocabularyProblems } from '../../fixtures/research/schemaorg.ts';
import { allFixtures, fakeAv, fakeLookup, SITE } from './fixtures.ts';

async function problemsOf(doc: object): Promise<string[]> {
  const expanded = await jsonld.expand(doc as jsonld.JsonLdDocument, {
    documentLoader: offlineLoader as never,
  });
  return vocabularyProblems(expanded);
}

describe('JSON-LD against the schema.org vocabulary', () => {
  for (const ref of allFixtures) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${ref.collection} (${lang}) uses every property on a type that allows it`, async () => {
        const doc = recordJsonLd(ref, lang, { site: SITE, image: fakeLookup, av: fakeAv });
        expect(await problemsOf(doc)).toEqual([]);
      });
    }
  }

  it('finds a property on the wrong type (the check can fail)', async () => {
    const doc = {
      '@context': 'https://schema.org',
      '@type': 'VisualArtwork',
      name: 'bowl',
      holdingArchive: { '@type': 'ArchiveOrganization', name: 'A Museum' },
      roleName: 'x',
      notAProperty: 1,
    };
    const problems = await problemsOf(doc);
    expect(problems.join('\n')).toMatch(/holdingArchive is not a property of VisualArtwork/);
    expect(problems.join('\n')).toMatch(/roleName is not a property of VisualArtwork/);
    expect(problems.join('\n')).toMatch(/unknown property/);
  });

  it('holds for every real record in both languages', async () => {
    const root = resolve(import.meta.dirname, '../../..');
    const refs = loadRecords(root).records;
    const names = new Map(refs.map((r) => [r.data.id, refName(r)]));
    const ctx = { site: SITE, image: () => undefined, name: (id: string) => names.get(id) };
    const found = new Set<string>();
    // One record of each shape is enough to find a wrong property; checking all takes long.
    const seen = new Set<string>();
    for (const ref of refs) {
      const d = ref.data as Record<string, unknown>;
      const shape = `${ref.collection}:${Object.keys(d).sort().join(',')}`;
      if (seen.has(shape)) continue;
      seen.add(shape);
      for (const lang of ['zh', 'en'] as const) {
        for (const p of await problemsOf(recordJsonLd(ref, lang, ctx))) {
          found.add(`${ref.data.id}: ${p}`);
        }
      }
    }
    expect([...found]).toEqual([]);
  });
});
