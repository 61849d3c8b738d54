/* eslint-disable @typescript-eslint/no-explicit-any -- the tests walk loosely typed JSON documents */
/** schema.org JSON-LD and Dublin Core of every record type, in both languages. */
import { describe, expect, it } from 'vitest';
import { dublinCore, jsonLdScript, recordJsonLd } from '../../../src/lib/jsonld.ts';
import { allFixtures, craft, exhibition, fakeLookup, SITE, work } from './fixtures.ts';

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
        expect(thing['@type']).toBe(types[ref.collection]);
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

  it('describes a work with images, makers, materials and its license', () => {
    const [thing] = (recordJsonLd(work, 'en', ctx) as any)['@graph'];
    expect(thing.license).toBe('https://creativecommons.org/licenses/by/4.0/');
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
    expect(thing.temporalCoverage).toBe('Qianlong reign');
  });

  it('gives a craft with steps as a HowTo and an exhibition its dates', () => {
    const [how] = (recordJsonLd(craft, 'zh', ctx) as any)['@graph'];
    expect(how.step.map((s: any) => s.name)).toEqual(['选胎', '烤花']);
    const [event] = (recordJsonLd(exhibition, 'en', ctx) as any)['@graph'];
    expect(event.startDate).toBe('2026-12-01');
    expect(event.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
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
});
