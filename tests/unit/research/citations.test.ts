/**
 * Citation formats against hand-checked examples. The expected strings were written by hand from
 * the rules of each style (GB/T 7714-2015 §8 electronic resources; APA 7 webpage on a website with a
 * group author, §6.17 sentence case; Chicago 17 §14.206 website content, note and bibliography,
 * §8.159 headline case; biblatex @online; RIS ELEC; CSL-JSON 1.0.2 webpage), not produced by the
 * code under test. citations-tools.test.ts reads the same output with the tools researchers use.
 */
import { describe, expect, it } from 'vitest';
import {
  apa,
  bibEscape,
  bibtex,
  chicago,
  chicagoNote,
  citationBundle,
  citationFileName,
  citationInput,
  cslItem,
  cslJson,
  gbt7714,
  localToday,
  ris,
  type CitationInput,
} from '../../../src/lib/research/citations.ts';
import { allFixtures, craft, exhibition, person, SITE, work } from './fixtures.ts';

const accessed = new Date('2026-12-01T00:00:00Z');
const zhWork = citationInput(work, 'zh', SITE, accessed);
const enWork = citationInput(work, 'en', SITE, accessed);
/** As the static files and the built page have it: no reader, so no access date. */
const enStatic = citationInput(work, 'en', SITE);
const zhStatic = citationInput(work, 'zh', SITE);
/** An English title with a subtitle, stored in sentence case as records store titles. */
const withSubtitle: CitationInput = {
  ...enWork,
  title: 'Colours of the southern seas: export porcelain from Guangzhou',
};

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
  it('leaves the access date for the reader when there is none (never the build date)', () => {
    expect(gbt7714(zhStatic)).toBe(
      '百工·云. 广彩人物纹大碗[EB/OL]. (2026-11-30)[引用日期]. https://baigong.example.org/id/BGW-000001/.',
    );
    expect(gbt7714(enStatic)).toContain('(2026-11-30)[date cited].');
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
  it('capitalises the first word after a colon (sentence case, §6.17)', () => {
    expect(apa(withSubtitle)).toContain(
      ' Colours of the southern seas: Export porcelain from Guangzhou (BGW-000001).',
    );
  });
  it('has no retrieval date without a reader', () => {
    expect(apa(enStatic)).toBe(
      'Baigong Cloud. (2026, November 30). Guangcai punch bowl with figures (BGW-000001). https://baigong.example.org/en/id/BGW-000001/',
    );
  });
});

describe('Chicago 17 (notes and bibliography)', () => {
  it('cites the English page in the bibliography, title in headline case', () => {
    expect(chicago(enWork)).toBe(
      'Baigong Cloud. “Guangcai Punch Bowl with Figures.” Last modified November 30, 2026. Accessed December 1, 2026. https://baigong.example.org/en/id/BGW-000001/.',
    );
  });
  it('gives the note form too', () => {
    expect(chicagoNote(enWork)).toBe(
      'Baigong Cloud, “Guangcai Punch Bowl with Figures,” last modified November 30, 2026, accessed December 1, 2026, https://baigong.example.org/en/id/BGW-000001/.',
    );
    expect(chicagoNote(enStatic)).toBe(
      'Baigong Cloud, “Guangcai Punch Bowl with Figures,” last modified November 30, 2026, https://baigong.example.org/en/id/BGW-000001/.',
    );
  });
  it('capitalises a subtitle in headline case', () => {
    expect(chicago(withSubtitle)).toContain(
      '“Colours of the Southern Seas: Export Porcelain from Guangzhou.”',
    );
  });
  it('cites the Chinese page with a bracketed translation in sentence case', () => {
    expect(chicago(citationInput(exhibition, 'zh', SITE, accessed))).toBe(
      '百工·云. “南海之彩” [Colours of the Southern Seas]. Last modified December 1, 2026. Accessed December 1, 2026. https://baigong.example.org/id/BGE-000001/.',
    );
    expect(chicagoNote(zhWork)).toBe(
      '百工·云, “广彩人物纹大碗” [Guangcai punch bowl with figures], last modified November 30, 2026, accessed December 1, 2026, https://baigong.example.org/id/BGW-000001/.',
    );
  });
});

describe('BibTeX (biblatex)', () => {
  it('writes an @online entry keyed by the stable ID, the site once, as one name', () => {
    expect(bibtex(enWork)).toBe(
      [
        '@online{BGW-000001,',
        '  author = {{Baigong Cloud}},',
        '  title = {{Guangcai punch bowl with figures}},',
        '  date = {2026-11-30},',
        '  year = {2026},',
        '  url = {https://baigong.example.org/en/id/BGW-000001/},',
        '  urldate = {2026-12-01},',
        '  langid = {english}',
        '}',
        '',
      ].join('\n'),
    );
  });
  it('writes Chinese entries in Chinese, the translation as titleaddon', () => {
    const text = bibtex(zhWork);
    expect(text).toContain('  author = {{百工·云}},\n');
    expect(text).toContain('  title = {{广彩人物纹大碗}},\n');
    expect(text).toContain('  titleaddon = {[Guangcai punch bowl with figures]},\n');
    expect(text).toContain('  langid = {chinese}\n');
  });
  it('has no urldate and no \\url in howpublished in the static file', () => {
    expect(bibtex(enStatic)).not.toMatch(/urldate|howpublished/);
  });
  it('escapes the characters that are special to TeX, hyphen runs included', () => {
    expect(bibEscape('A & B 50% {x} $1 #2 a_b ^ ~ \\')).toBe(
      'A \\& B 50\\% \\{x\\} \\$1 \\#2 a\\_b \\^{} \\~{} \\textbackslash{}',
    );
    expect(bibEscape('1555--1636 a---b')).toBe('1555-{}-1636 a-{}-{}-b');
  });
});

describe('RIS', () => {
  it('writes an ELEC record with CRLF line ends, the translation in the title', () => {
    expect(ris(zhWork)).toBe(
      [
        'TY  - ELEC',
        'AU  - 百工·云',
        'TI  - 广彩人物纹大碗 [Guangcai punch bowl with figures]',
        'PY  - 2026',
        'DA  - 2026/11/30',
        'Y2  - 2026/12/01',
        'UR  - https://baigong.example.org/id/BGW-000001/',
        'LA  - zh-Hans',
        'ER  - ',
        '',
      ].join('\r\n'),
    );
  });
  it('has no access date (Y2), site name (T2, PB, DB) or translated title (TT) in the static file', () => {
    expect(ris(enStatic)).not.toMatch(/^(Y2|T2|PB|DB|AN|TT) {2}- /m);
    expect(ris(enStatic)).toContain('AU  - Baigong Cloud\r\n');
  });
});

describe('CSL-JSON', () => {
  it('writes one webpage item, the site once as a literal author', () => {
    expect(cslItem(enWork)).toEqual({
      id: 'BGW-000001',
      type: 'webpage',
      title: 'Guangcai punch bowl with figures',
      author: [{ literal: 'Baigong Cloud' }],
      number: 'BGW-000001',
      issued: { 'date-parts': [[2026, 11, 30]] },
      accessed: { 'date-parts': [[2026, 12, 1]] },
      URL: 'https://baigong.example.org/en/id/BGW-000001/',
      language: 'en',
    });
    const parsed = JSON.parse(cslJson(zhStatic)) as Record<string, unknown>[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({
      title: '广彩人物纹大碗 [Guangcai punch bowl with figures]',
      language: 'zh-Hans',
    });
    expect(parsed[0]).not.toHaveProperty('accessed');
    expect(parsed[0]).not.toHaveProperty('publisher');
    expect(parsed[0]).not.toHaveProperty('container-title');
  });
});

describe('every record type in both languages', () => {
  for (const ref of allFixtures) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${ref.collection} ${lang}`, () => {
        const c = citationInput(ref, lang, SITE, accessed);
        const url = `${SITE}${lang === 'en' ? '/en' : ''}/id/${ref.data.id}/`;
        for (const text of [
          gbt7714(c),
          apa(c),
          chicago(c),
          chicagoNote(c),
          bibtex(c),
          ris(c),
          cslJson(c),
        ]) {
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
  it('bundles every format of both languages into the one citation file of a record', () => {
    const bundle = citationBundle({ zh: zhStatic, en: enStatic });
    expect(bundle.id).toBe(work.data.id);
    for (const [lang, input] of [
      ['zh', zhStatic],
      ['en', enStatic],
    ] as const) {
      expect(bundle.formats[lang].bibtex).toBe(bibtex(input));
      expect(bundle.formats[lang].ris).toBe(ris(input));
      expect(bundle.formats[lang].csl).toEqual(JSON.parse(cslJson(input)));
    }
    expect(JSON.stringify(bundle)).not.toMatch(/urldate|"accessed"|Y2 {2}-/);
  });
  it('gives today in local time', () => {
    expect(localToday(new Date(2027, 0, 5, 23, 30))).toBe('2027-01-05');
  });
});
