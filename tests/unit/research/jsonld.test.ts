/* eslint-disable @typescript-eslint/no-explicit-any -- the tests walk loosely typed JSON documents */
/** schema.org JSON-LD and Dublin Core of every record type, in both languages. */
import { describe, expect, it } from 'vitest';
import { schemas } from '../../../src/schemas/index.ts';
import {
  corporateCreator,
  dublinCore,
  isoYear,
  isoYearSpan,
  jsonLdScript,
  recordJsonLd,
} from '../../../src/lib/research/jsonld.ts';
import type { AnyRecordRef } from '../../../src/lib/records/record-ref.ts';
import {
  allFixtures,
  craft,
  exhibition,
  fakeAv,
  fakeLookup,
  person,
  SITE,
  work,
} from './fixtures.ts';

const types = {
  works: 'VisualArtwork',
  crafts: 'HowTo',
  people: 'Person',
  clusters: 'Place',
  exhibitions: 'ExhibitionEvent',
};
const ctx = {
  site: SITE,
  image: fakeLookup,
  name: (id: string) => (id === 'BGC-000001' ? { zh: '广彩', en: 'Guangcai' } : undefined),
};

describe('JSON-LD', () => {
  for (const ref of allFixtures) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${ref.collection} (${lang}) has context, type, identifiers, license and language`, () => {
        const doc = recordJsonLd(ref, lang, ctx) as any;
        expect(doc['@context']).toBe('https://schema.org');
        const [thing, page] = doc['@graph'];
        expect([thing['@type']].flat()).toContain(types[ref.collection]);
        expect(thing['@id']).toBe(`${SITE}/id/${ref.data.id}/#this`);
        const permalink = `${SITE}${lang === 'en' ? '/en' : ''}/id/${ref.data.id}/`;
        for (const node of [thing, page]) {
          expect(node.identifier).toContainEqual({
            '@type': 'PropertyValue',
            propertyID: 'Baigong Cloud record ID',
            value: ref.data.id,
          });
          expect(node.identifier).toContain(permalink);
        }
        expect(page.license).toMatch(/^https:\/\/creativecommons\.org\//);
        expect(page.inLanguage).toBe(lang === 'zh' ? 'zh-Hans' : 'en');
        expect(page.mainEntity).toEqual({ '@id': thing['@id'] });
        expect(JSON.parse(jsonLdScript(doc))).toEqual(JSON.parse(JSON.stringify(doc)));
      });
    }
  }

  it('describes a work with images, makers and materials; the rights are the record’s', () => {
    const [thing, page] = (recordJsonLd(work, 'en', ctx) as any)['@graph'];
    // The bowl is not CC BY, nor owned by whoever holds the rights in the record.
    for (const key of ['license', 'copyrightHolder', 'creditText']) {
      expect(thing).not.toHaveProperty(key);
    }
    expect(page).toMatchObject({
      license: 'https://creativecommons.org/licenses/by/4.0/',
      copyrightHolder: { '@type': 'Organization', name: 'Baigong Cloud' },
      creditText: 'Baigong Cloud, CC BY 4.0',
    });
    expect(thing.image[0]).toMatchObject({
      '@type': 'ImageObject',
      contentUrl: `${SITE}/media/works/guangcai-punch-bowl/bowl-2560.jpg`,
      license: 'https://creativecommons.org/publicdomain/zero/1.0/',
      creditText: 'Photo: Museum, CC0',
    });
    expect(thing.material).toEqual(['Porcelain', 'Enamel']);
    expect(thing.about[0]).toMatchObject({
      '@id': `${SITE}/id/BGC-000001/#this`,
      name: 'Guangcai',
    });
    // A span of years: no single creation date; an ISO 8601 interval; the wording apart.
    expect(thing).not.toHaveProperty('dateCreated');
    expect(thing.temporalCoverage).toBe('1736/1795');
    expect(thing.temporal).toBe('Qianlong reign');
    // A diameter is not a width.
    expect(thing).not.toHaveProperty('width');
    expect(thing.height).toMatchObject({ value: 15.5, unitCode: 'CMT' });
    expect(thing.size).toEqual([
      {
        '@type': 'QuantitativeValue',
        name: 'diameter',
        value: 36,
        unitCode: 'CMT',
        unitText: 'cm',
      },
    ]);
    // Held by a museum: an archive component with its holding archive.
    expect(thing['@type']).toEqual(['VisualArtwork', 'ArchiveComponent']);
    expect(thing.holdingArchive).toEqual({ '@type': 'ArchiveOrganization', name: 'A Museum' });
  });

  it('gives BCE years in astronomical numbering: 1000 BCE is -0999, 1 BCE is 0000', () => {
    expect(isoYear(-1000)).toBe('-0999');
    expect(isoYear(-1)).toBe('0000');
    expect(isoYear(-2)).toBe('-0001');
    expect(isoYear(1)).toBe('0001');
    expect(isoYear(1736)).toBe('1736');
    expect(isoYearSpan(-1000, -1)).toBe('-0999/0000');
    const bronze = {
      ...work,
      data: schemas.works.parse({
        ...work.data,
        date: { start: -1046, end: -771 },
        holding: undefined,
      }),
    } as AnyRecordRef;
    const [thing] = (recordJsonLd(bronze, 'en', ctx) as any)['@graph'];
    expect(thing.temporalCoverage).toBe('-1045/-0770');
    expect(thing).not.toHaveProperty('temporal');
    const oneYear = {
      ...work,
      data: schemas.works.parse({ ...work.data, date: { start: -221, end: -221 } }),
    } as AnyRecordRef;
    expect((recordJsonLd(oneYear, 'en', ctx) as any)['@graph'][0].dateCreated).toBe('-0220');
    const confucius = {
      ...person,
      data: schemas.people.parse({ ...person.data, life: { born: -551, died: -479 } }),
    } as AnyRecordRef;
    const [who] = (recordJsonLd(confucius, 'en', ctx) as any)['@graph'];
    expect([who.birthDate, who.deathDate]).toEqual(['-0550', '-0478']);
  });

  it('gives a craft with steps as a HowTo and an exhibition its dates', () => {
    const [how] = (recordJsonLd(craft, 'zh', ctx) as any)['@graph'];
    expect(how.step.map((s: any) => s.name)).toEqual(['选胎', '烤花']);
    const [event] = (recordJsonLd(exhibition, 'en', ctx) as any)['@graph'];
    expect(event.startDate).toBe('2026-12-01');
    expect(event.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
    // The editorial team is an organisation, in the role of curator.
    expect(event.contributor).toMatchObject({
      '@type': 'Role',
      roleName: 'curator',
      contributor: { '@type': 'Organization', name: 'Baigong Cloud editors' },
    });
  });

  it('describes a craft’s published film as a VideoObject whose clips are the steps it shows', () => {
    const [how] = (recordJsonLd(craft, 'en', { ...ctx, av: fakeAv }) as any)['@graph'];
    const page = `${SITE}/en/crafts/guangcai-porcelain/`;
    expect(how.video).toHaveLength(1); // the unprocessed film is not described
    const [film] = how.video;
    expect(film).toMatchObject({
      '@type': 'VideoObject',
      '@id': `${page}#film-firing`,
      name: 'Firing (illustration)',
      genre: 'illustration',
      contentUrl: `${SITE}/media/crafts/guangcai-porcelain/firing-720p.mp4`,
      thumbnailUrl: `${SITE}/media/crafts/guangcai-porcelain/firing-poster.webp`,
      duration: 'PT61S',
      license: 'https://creativecommons.org/licenses/by/4.0/',
    });
    expect(film.hasPart).toEqual([
      {
        '@type': 'Clip',
        '@id': `${page}#film-firing-step-2`,
        name: 'Firing',
        startOffset: 12,
        endOffset: 40.5,
        url: `${page}?t=12#film-firing`,
      },
    ]);
    // the step the clip shows points to it; the step without one does not
    expect(how.step.map((s: any) => s.video)).toEqual([
      undefined,
      { '@id': film.hasPart[0]['@id'] },
    ]);
    // without the ingest's entries no film is described
    expect((recordJsonLd(craft, 'en', ctx) as any)['@graph'][0].video).toBeUndefined();
  });

  it('cannot be closed early by text in a record', () => {
    expect(jsonLdScript({ name: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});

describe('Dublin Core', () => {
  it('names title, identifiers, language, dates and rights', () => {
    const tags = dublinCore(work, 'zh', SITE);
    expect(tags).toContainEqual(['DC.title', '广彩人物纹大碗']);
    expect(tags).toContainEqual(['DC.identifier', 'BGW-000001']);
    expect(tags).toContainEqual(['DC.identifier', `${SITE}/id/BGW-000001/`]);
    expect(tags).toContainEqual(['DC.language', 'zh-Hans']);
    expect(tags).toContainEqual(['DCTERMS.modified', '2026-11-30']);
    expect(tags).toContainEqual(['DC.rights', 'https://creativecommons.org/licenses/by/4.0/']);
  });
  it('names the site as one corporate creator, so reference managers do not split it', () => {
    expect(dublinCore(work, 'en', SITE)).toContainEqual(['DC.creator', 'Baigong Cloud,']);
    expect(dublinCore(work, 'zh', SITE)).toContainEqual(['DC.creator', '百工·云']);
    expect(corporateCreator('Baigong Cloud')).toBe('Baigong Cloud,');
  });
  it('has no DC.type, which reference managers print as the genre', () => {
    for (const ref of allFixtures) {
      expect(dublinCore(ref, 'en', SITE).map(([name]) => name)).not.toContain('DC.type');
    }
  });
  it('gives the permanent link as the address to save (citation_public_url)', () => {
    expect(dublinCore(work, 'en', SITE)).toContainEqual([
      'citation_public_url',
      `${SITE}/en/id/BGW-000001/`,
    ]);
  });
});
