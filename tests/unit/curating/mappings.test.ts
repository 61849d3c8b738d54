import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldRejection, FieldSkip, buildRecord } from '../../../scripts/lib/import/build.ts';
import { loadMapping } from '../../../scripts/lib/import/mapping.ts';
import {
  nameToEnglish,
  parseDimensions,
  parseYearRange,
} from '../../../scripts/lib/import/transforms.ts';
import { findTerm } from '../../../src/lib/records/vocabularies.ts';
import { haveShared, imaSource, repo } from './helpers.ts';

const ima = loadMapping(join(repo, 'import-mappings', 'ima.json'));
const ich = loadMapping(join(repo, 'import-mappings', 'ich.json'));

const imaRow = (over: Record<string, unknown>) => ({
  accession_number: 'T.1',
  title: 'bowl',
  dynasty: 'Qing dynasty',
  creation_date: '1736-1795',
  materials: 'porcelain',
  dimensions: null,
  credit_line: null,
  actors: [],
  ...over,
});
const build = (mapping: typeof ima, row: Record<string, unknown>) => buildRecord(mapping, row).data;
const rejection = (mapping: typeof ima, row: Record<string, unknown>) => {
  try {
    buildRecord(mapping, row);
  } catch (error) {
    if (error instanceof FieldRejection) return error;
    throw error;
  }
  return undefined;
};

describe('IMA value maps', () => {
  it('maps every dynasty string onto a period key of periods.json', () => {
    const map = ima.maps['dynasties'];
    if (!map || !('values' in map)) throw new Error('no dynasties map');
    for (const [name, value] of Object.entries(map.values)) {
      for (const entry of Array.isArray(value) ? value : [value]) {
        const e = entry as { period: string; start: number; end: number };
        expect(findTerm('periods', e.period), name).toBeDefined();
        expect(e.start, name).toBeLessThanOrEqual(e.end);
      }
    }
  });

  it.skipIf(!haveShared)('knows every dynasty string in the real IMA data', () => {
    const map = ima.maps['dynasties'];
    const known = new Set(
      Object.keys(map && 'values' in map ? map.values : {}).map((k) => k.toLowerCase()),
    );
    const rows = JSON.parse(readFileSync(imaSource, 'utf8')) as { dynasty: string | null }[];
    const unknown = [
      ...new Set(
        rows
          .map((r) => r.dynasty)
          .filter((d): d is string => !!d && !known.has(d.trim().toLowerCase())),
      ),
    ];
    expect(unknown).toEqual([]);
  });

  it('reads dynasty and date into period and years, choosing an ambiguous dynasty by the date', () => {
    expect(build(ima, imaRow({ dynasty: 'Eastern Han', creation_date: null }))).toMatchObject({
      period: 'han',
      date: { start: 25, end: 220, display: { zh: '东汉', en: 'Eastern Han dynasty' } },
    });
    expect(build(ima, imaRow({ dynasty: 'Jin dynasty', creation_date: '1150' }))).toMatchObject({
      period: 'liao-jin',
    });
    expect(build(ima, imaRow({ dynasty: 'Jin dynasty', creation_date: '265-316' }))).toMatchObject({
      period: 'six-dynasties',
    });
    expect(
      build(ima, imaRow({ dynasty: 'Modern {Chinese period}', creation_date: '1930s' })),
    ).toMatchObject({ period: 'republic' });
    expect(
      build(ima, imaRow({ dynasty: 'Modern {Chinese period}', creation_date: '1983' })),
    ).toMatchObject({ period: 'contemporary' });
    expect(rejection(ima, imaRow({ dynasty: 'Zhou', creation_date: null }))?.reason).toMatch(
      /ambiguous/,
    );
  });

  it('maps material words onto materials.json and picks a category', () => {
    const cases: [string, string, string[], string][] = [
      ['bowl', 'porcelain with underglaze blue', ['porcelain', 'glaze'], 'ceramics'],
      ['jar', 'stoneware with green glaze', ['stoneware', 'glaze'], 'ceramics'],
      ['landscape', 'ink and color on silk', ['silk', 'ink', 'pigment'], 'painting'],
      ['ritual vessel', 'bronze', ['bronze'], 'metal'],
      ['Buddha', 'Gilt Bronze', ['bronze', 'gold'], 'metal'],
      ['disc', 'nephrite', ['jade'], 'carving'],
      ["woman's collar", 'gilt paper', ['gold', 'paper'], 'textiles'],
      ['panel', 'silk embroidery', ['silk'], 'embroidery'],
      ['vase', 'cloisonné enamel on copper', ['enamel', 'copper'], 'metal'],
      ['box', 'carved cinnabar lacquer', ['lacquer'], 'lacquer'],
      ['armchair', 'huanghuali wood', ['wood'], 'furniture'],
      ['snuff bottle', 'glass', ['glass'], 'glass'],
    ];
    for (const [title, materials, terms, category] of cases) {
      expect(build(ima, imaRow({ title, materials })), materials).toMatchObject({
        materials: terms,
        category,
      });
    }
    expect(
      build(ima, imaRow({ materials: 'porcelain with iron-red enamel' }))['materials'],
    ).toEqual(['porcelain', 'enamel']);
  });

  it('translates the title through the thesaurus, marked as working, with the source kept', () => {
    const data = build(ima, imaRow({ title: 'tomb guardian' }));
    expect(data['title']).toMatchObject({ en: 'Tomb guardian' });
    expect(data['title']).not.toMatchObject({ zh: expect.stringContaining('藏品') });
    expect(data).toMatchObject({
      sourceTitle: { text: 'tomb guardian', lang: 'en' },
      titleTranslation: 'working',
      objectType: 'tomb-guardian',
    });
  });
  it('keeps the period-and-category title when the thesaurus lacks a word, never a guess', () => {
    const data = build(ima, imaRow({ title: 'ewer with abstract design' }));
    expect(data['title']).toEqual({
      zh: '清陶瓷藏品（印第安纳波利斯艺术博物馆 T.1）',
      en: 'Ewer with abstract design',
    });
    expect(data['titleTranslation']).toBeUndefined();
  });
});

describe('date strings → year ranges', () => {
  const cases: [string, number, number, string][] = [
    ['1870s', 1870, 1879, '1870年代'],
    ['about 1870', 1870, 1870, '约1870年'],
    ['1662-1722', 1662, 1722, '1662年至1722年'],
    ['800s', 800, 899, '9世纪'],
    ['early 1200s', 1200, 1232, '13世纪前期'],
    ['mid 1700s', 1733, 1766, '18世纪中期'],
    ['late 1700s', 1767, 1799, '18世纪后期'],
    ['19th century', 1800, 1899, '19世纪'],
    ['about 1100 BCE', -1100, -1100, '约公元前1100年'],
    ['770-221 BCE', -770, -221, '公元前770年至公元前221年'],
    ['206 BC - 8 CE', -206, 8, '公元前206年至8年'],
    ['300s BCE', -399, -300, '公元前4世纪'],
    ['3rd Century BC', -300, -201, '公元前3世纪'],
    ["about 1890's", 1890, 1899, '约1890年代'],
    [' (1736-95)', 1736, 1795, '1736年至1795年'],
  ];
  it.each(cases)('%s', (input, start, end, zh) => {
    expect(parseYearRange(input)).toEqual({ start, end, display: { zh, en: input.trim() } });
  });
  it('leaves what it cannot read', () => {
    for (const text of ['Tang dynasty', 'undated', 'about', '1910, before', 'after 1936', '']) {
      expect(parseYearRange(text), text).toBeUndefined();
    }
  });
});

describe('dimensions in inches → centimetres', () => {
  it('converts labelled and unlabelled measurements', () => {
    expect(parseDimensions('H: 7 1/4 in.')).toEqual({ height: 18.4 });
    expect(parseDimensions('15 1/8 x 9 1/2 in.')).toEqual({ height: 38.4, width: 24.1 });
    expect(parseDimensions('Diam: 8 in.')).toEqual({ diameter: 20.3 });
    expect(parseDimensions('L: 22 in.')).toEqual({ length: 55.9 });
    expect(parseDimensions('9 7/8 x 11 1/2 in. (each)')).toEqual({
      height: 25.1,
      width: 29.2,
      note: '9 7/8 x 11 1/2 in. (each)',
    });
  });
  it('keeps what it cannot convert as a note, never guessing a unit', () => {
    expect(parseDimensions('10 x 10 (image)')).toEqual({ note: '10 x 10 (image)' });
    expect(parseDimensions('5 1/2 H')).toEqual({ note: '5 1/2 H' });
    expect(parseDimensions(null)).toBeUndefined();
  });
});

describe('national list value maps', () => {
  const row = (name: string, extra: Record<string, string> = {}) => ({
    code: 'VIII-1',
    name,
    category: '传统技艺',
    first_batch: '1',
    last_batch: '1',
    first_year: '2006',
    provinces: '江苏省',
    regional_entries: '1',
    ...extra,
  });
  it('maps item names onto craft categories', () => {
    const cases: [string, string][] = [
      ['杨柳青木版年画', 'paper'],
      ['剪纸(蔚县剪纸)', 'paper'],
      ['苏绣', 'embroidery'],
      ['宋锦织造技艺', 'textiles'],
      ['南通蓝印花布印染技艺', 'textiles'],
      ['龙泉青瓷烧制技艺', 'ceramics'],
      ['宜兴紫砂陶制作技艺', 'ceramics'],
      ['石湾陶塑技艺', 'sculpture'],
      ['东阳木雕', 'carving'],
      ['雕漆技艺', 'lacquer'],
      ['景泰蓝制作技艺', 'metal'],
      ['明式家具制作技艺', 'furniture'],
      ['宣纸制作技艺', 'stationery'],
      ['嵊州竹编', 'weaving'],
      ['料器(北京料器)', 'glass'],
      ['藏族唐卡(噶玛嘎孜画派)', 'painting'],
    ];
    for (const [name, category] of cases)
      expect(build(ich, row(name))['category'], name).toBe(category);
  });
  it('skips items that are not crafts of objects, with the reason', () => {
    for (const name of [
      '茅台酒酿制技艺',
      '绿茶制作技艺(西湖龙井)',
      '徽派传统民居营造技艺',
      '川菜烹饪技艺',
    ]) {
      const skipped = rejection(ich, row(name));
      expect(skipped, name).toBeInstanceOf(FieldSkip);
      expect(skipped?.reason, name).toMatch(/not a craft of objects/);
    }
  });
  it('turns provinces into regions with GB/T 2260 codes, ignoring 中直单位', () => {
    expect(build(ich, row('苏绣', { provinces: '北京市、河北省' }))['regions']).toEqual([
      { code: '110000', place: { zh: '北京市', en: 'Beijing' } },
      { code: '130000', place: { zh: '河北省', en: 'Hebei' } },
    ]);
    expect(build(ich, row('苏绣', { provinces: '中直单位、浙江省' }))['regions']).toEqual([
      { code: '330000', place: { zh: '浙江省', en: 'Zhejiang' } },
    ]);
  });
  it('gives working English names from the glossary and pinyin', () => {
    const glossary = (() => {
      const map = ich.maps['glossary'];
      return map && 'values' in map ? map.values : {};
    })();
    expect(nameToEnglish('龙泉青瓷烧制技艺', glossary)).toBe('Longquan celadon firing technique');
    expect(nameToEnglish('宜兴紫砂陶制作技艺', glossary)).toBe(
      'Yixing zisha pottery making technique',
    );
    expect(nameToEnglish('剪纸(蔚县剪纸)', glossary)).toBe('Paper-cut (Yuxian paper-cut)');
    expect(nameToEnglish('苗族蜡染技艺', glossary)).toBe('Miao batik technique');
  });
});
