import { describe, expect, it } from 'vitest';
import {
  compareIds,
  comparePath,
  comparePicture,
  compareRows,
  type CompareJson,
} from '../../../src/lib/site/compare.ts';

const work = (id: string, data: Partial<CompareJson['data']>, media: CompareJson['media'] = []) =>
  ({
    id,
    name: { zh: data.title?.zh ?? id, en: data.title?.en ?? id },
    links: {
      page: { zh: `https://site.example/works/${id}/`, en: `https://site.example/en/works/${id}/` },
    },
    media,
    data: { title: { zh: id, en: id }, ...data },
  }) as CompareJson;

describe('the compare address', () => {
  it('takes two work IDs and nothing else', () => {
    expect(compareIds('?a=BGW-000001&b=BGW-000002')).toEqual({ a: 'BGW-000001', b: 'BGW-000002' });
    expect(compareIds('?a=BGC-000001&b=<script>')).toEqual({});
    expect(compareIds('?b=BGW-000009')).toEqual({ b: 'BGW-000009' });
  });
  it('is made for each language, with either work', () => {
    expect(comparePath('zh', 'BGW-000001')).toBe('/compare/?a=BGW-000001');
    expect(comparePath('en', 'BGW-000001', 'BGW-000002')).toBe(
      '/en/compare/?a=BGW-000001&b=BGW-000002',
    );
    expect(comparePath('zh')).toBe('/compare/');
  });
});

describe('compare rows', () => {
  const a = work('BGW-000001', {
    title: { zh: '青瓷瓶', en: 'Celadon vase' },
    period: 'song',
    category: 'ceramics',
    materials: ['stoneware', 'glaze'],
    date: { start: 1100, end: 1200, display: { zh: '约12世纪', en: '12th century' } },
    dimensions: { height: 24.5, diameter: 12 },
    holding: { institution: { zh: '某馆', en: 'A Museum' }, accession: '1987.1' },
  });
  const b = work('BGW-000002', {
    title: { zh: '漆盒', en: 'Lacquer box' },
    period: 'ming',
    materials: ['lacquer'],
    date: { start: 1600, end: 1600 },
  });
  it('align the two records row by row, in the page language, vocabulary keys as labels', () => {
    const rows = compareRows(a, b, 'en');
    expect(rows.map((r) => [r.label, ...r.values])).toEqual([
      ['Title', 'Celadon vase', 'Lacquer box'],
      ['Date', '12th century', '1600'],
      ['Period', 'Song dynasty', 'Ming dynasty'],
      ['Category', 'Ceramics', ''],
      ['Materials', 'Stoneware, Glaze', 'Lacquer'],
      ['Dimensions', 'H. 24.5 cm, Diam. 12 cm', ''],
      ['Held by', 'A Museum 1987.1', ''],
    ]);
    expect(compareRows(a, b, 'zh')[0]).toEqual({ label: '名称', values: ['青瓷瓶', '漆盒'] });
    // years as the work page gives them, BCE where negative
    const bronze = work('BGW-000004', { date: { start: -500, end: -300 } });
    expect(compareRows(bronze, b, 'en').find((r) => r.label === 'Date')?.values[0]).toBe(
      '500–300 BCE',
    );
  });
  it('give pictures and tiles as paths of this site, wherever the JSON was built for', () => {
    const pictured = work('BGW-000003', {}, [
      {
        url: 'https://site.example/media/x/x-2560.jpg',
        width: 2560,
        height: 1920,
        iiifInfo: 'https://site.example/media/x/iiif/info.json',
      },
    ]);
    expect(comparePicture(pictured)).toEqual({
      url: '/media/x/x-2560.jpg',
      width: 2560,
      height: 1920,
      iiifInfo: '/media/x/iiif/info.json',
    });
    expect(comparePicture(a)).toBeUndefined();
  });
});
