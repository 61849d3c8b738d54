/**
 * Citation formats against hand-checked examples. The expected strings were written by hand from
 * the rules of each style (GB/T 7714-2015 §8 electronic resources; APA 7 webpage on a website with a
 * group author; Chicago 17 §14.206 website content; BibTeX @misc with biblatex url/urldate; RIS;
 * CSL-JSON 1.0.2), not produced by the code under test.
 */
import { describe, expect, it } from 'vitest';
import {
  apa,
  bibEscape,
  bibtex,
  chicago,
  citationFileName,
  citationInput,
  cslItem,
  cslJson,
  gbt7714,
  localToday,
  ris,
} from '../../../src/lib/citations.ts';
import { allFixtures, craft, exhibition, person, SITE, work } from './fixtures.ts';

const accessed = new Date('2026-12-01T00:00:00Z');
const zhWork = citationInput(work, 'zh', SITE, accessed);
const enWork = citationInput(work, 'en', SITE, accessed);

describe('GB/T 7714-2015', () => {
  it('cites a work in Chinese as an online electronic resource', () => {
    expect(gbt7714(zhWork)).toBe(
      '百工·云. 广彩人物纹大碗[EB/OL]. (2026-11-30)[2026-12-01]. https://baigong.example.org/id/BGW-000001/.',
    );
  });
  it('cites the English page in English', () => {
    expect(gbt7714(enWork)).toBe(
      'Baigong Cloud. Guangcai punch bowl with figures[EB/OL]. (2026-11-30)[2026-12-01]. https://baigong.example.org/en/id/BGW-000001/.',
    );
  });
  it('uses the modification date when the record was changed', () => {
    expect(gbt7714(citationInput(craft, 'zh', SITE, accessed))).toBe(
      '百工·云. 广彩瓷烧制技艺[EB/OL]. (2027-01-05)[2026-12-01]. https://baigong.example.org/id/BGC-000001/.',
    );
  });
  it('links the address in HTML and escapes text', () => {
    expect(gbt7714(zhWork, 'html')).toBe(
      '百工·云. 广彩人物纹大碗[EB/OL]. (2026-11-30)[2026-12-01]. <a href="https://baigong.example.org/id/BGW-000001/">https://baigong.example.org/id/BGW-000001/</a>.',
    );
  });
});

describe('APA 7', () => {
  it('cites the English page', () => {
    expect(apa(enWork)).toBe(
      'Baigong Cloud. (2026, November 30). Guangcai punch bowl with figures (BGW-000001). Retrieved December 1, 2026, from https://baigong.example.org/en/id/BGW-000001/',
    );
  });
  it('gives the English translation of a Chinese title in brackets', () => {
    expect(apa(zhWork)).toBe(
      '百工·云. (2026, November 30). 广彩人物纹大碗 [Guangcai punch bowl with figures] (BGW-000001). Retrieved December 1, 2026, from https://baigong.example.org/id/BGW-000001/',
    );
  });
  it('italicises the title in HTML', () => {
    expect(apa(enWork, 'html')).toContain('<i>Guangcai punch bowl with figures</i> (BGW-000001).');
  });
  it('cites a person by name', () => {
    expect(apa(citationInput(person, 'en', SITE, accessed))).toBe(
      'Baigong Cloud. (2026, December 1). Chen Caihua (BGP-000001). Retrieved December 1, 2026, from https://baigong.example.org/en/id/BGP-000001/',
    );
  });
});

describe('Chicago 17 (notes-bibliography, bibliography entry)', () => {
  it('cites the English page', () => {
    expect(chicago(enWork)).toBe(
      'Baigong Cloud. “Guangcai punch bowl with figures.” Last modified November 30, 2026. Accessed December 1, 2026. https://baigong.example.org/en/id/BGW-000001/.',
    );
  });
  it('cites the Chinese page with a bracketed translation', () => {
    expect(chicago(citationInput(exhibition, 'zh', SITE, accessed))).toBe(
      '百工·云. “南海之彩” [Colours of the Southern Seas]. Last modified December 1, 2026. Accessed December 1, 2026. https://baigong.example.org/id/BGE-000001/.',
    );
  });
});

describe('BibTeX', () => {
  it('writes a @misc entry keyed by the stable ID', () => {
    expect(bibtex(enWork)).toBe(
      [
        '@misc{BGW-000001,',
        '  author = {{Baigong Cloud}},',
        '  title = {{Guangcai punch bowl with figures}},',
        '  year = {2026},',
        '  date = {2026-11-30},',
        '  howpublished = {\\url{https://baigong.example.org/en/id/BGW-000001/}},',
        '  url = {https://baigong.example.org/en/id/BGW-000001/},',
        '  urldate = {2026-12-01},',
        '  note = {Baigong Cloud record BGW-000001, last modified 2026-11-30},',
        '  langid = {english}',
        '}',
        '',
      ].join('\n'),
    );
  });
  it('writes Chinese entries in Chinese', () => {
    const text = bibtex(zhWork);
    expect(text).toContain('  author = {{百工·云}},\n');
    expect(text).toContain('  title = {{广彩人物纹大碗}},\n');
    expect(text).toContain('  note = {百工·云记录 BGW-000001，最后修改 2026-11-30},\n');
    expect(text).toContain('  langid = {chinese}\n');
  });
  it('escapes the characters that are special to TeX', () => {
    expect(bibEscape('A & B 50% {x} $1 #2 a_b ^ ~ \\')).toBe(
      'A \\& B 50\\% \\{x\\} \\$1 \\#2 a\\_b \\^{} \\~{} \\textbackslash{}',
    );
  });
});

describe('RIS', () => {
  it('writes a GEN record with CRLF line ends', () => {
    expect(ris(zhWork)).toBe(
      [
        'TY  - GEN',
        'AU  - 百工·云',
        'TI  - 广彩人物纹大碗',
        'TT  - Guangcai punch bowl with figures',
        'PY  - 2026',
        'DA  - 2026/11/30',
        'Y2  - 2026/12/01',
        'PB  - 百工·云',
        'DB  - 百工·云',
        'AN  - BGW-000001',
        'UR  - https://baigong.example.org/id/BGW-000001/',
        'LA  - zh-Hans',
        'ER  - ',
        '',
      ].join('\r\n'),
    );
  });
});

describe('CSL-JSON', () => {
  it('writes one webpage item', () => {
    expect(cslItem(enWork)).toEqual({
      id: 'BGW-000001',
      type: 'webpage',
      title: 'Guangcai punch bowl with figures',
      author: [{ literal: 'Baigong Cloud' }],
      'container-title': 'Baigong Cloud',
      publisher: 'Baigong Cloud',
      issued: { 'date-parts': [[2026, 11, 30]] },
      accessed: { 'date-parts': [[2026, 12, 1]] },
      URL: 'https://baigong.example.org/en/id/BGW-000001/',
      language: 'en',
      note: 'BGW-000001',
    });
    const parsed = JSON.parse(cslJson(zhWork)) as unknown[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ title: '广彩人物纹大碗', language: 'zh-Hans' });
  });
});

describe('every record type in both languages', () => {
  for (const ref of allFixtures) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${ref.collection} ${lang}`, () => {
        const c = citationInput(ref, lang, SITE, accessed);
        const url = `${SITE}${lang === 'en' ? '/en' : ''}/id/${ref.data.id}/`;
        for (const text of [gbt7714(c), apa(c), chicago(c), bibtex(c), ris(c), cslJson(c)]) {
          expect(text).toContain(url);
        }
        expect(gbt7714(c)).toMatch(/\[EB\/OL\]\. \(\d{4}-\d{2}-\d{2}\)\[2026-12-01\]\. /);
      });
    }
  }
});

describe('helpers', () => {
  it('names downloads by ID, language and format', () => {
    expect(citationFileName('BGW-000001', 'zh', 'bibtex')).toBe('BGW-000001.zh.bib');
    expect(citationFileName('BGW-000001', 'en', 'csl')).toBe('BGW-000001.en.json');
  });
  it('gives today in local time', () => {
    expect(localToday(new Date(2027, 0, 5, 23, 30))).toBe('2027-01-05');
  });
});
