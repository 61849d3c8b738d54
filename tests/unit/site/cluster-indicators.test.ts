import { describe, expect, it } from 'vitest';
import { clusterReportCsv } from '../../../src/lib/research/open-data.ts';
import {
  breakdownRows,
  clusterIndicators,
  headlines,
  withinArea,
  type ClusterIndicators,
} from '../../../src/lib/site/cluster-indicators.ts';

describe('cluster monitoring indicators', () => {
  it('places a code inside a division: itself and its parts, not its neighbours or its parent', () => {
    expect(withinArea('445100', '445100')).toBe(true);
    expect(withinArea('445100', '445103')).toBe(true);
    expect(withinArea('440000', '445103')).toBe(true);
    expect(withinArea('445100', '440000')).toBe(false);
    expect(withinArea('445100', '445200')).toBe(false);
    expect(withinArea('445100', undefined)).toBe(false);
  });

  it('counts entries, items, inheritors by batch, cases by kind, works and pictures in the area', () => {
    const indicators = clusterIndicators('445100', {
      entries: [
        { entry: 'VII-020_01_445100', item: 'VII-20', region: '445100' },
        { entry: 'VII-020_10_445100', item: 'VII-20', region: '445100' },
        { entry: 'VII-040_01_445100', item: 'VII-40', region: '445102' },
        { entry: 'VII-020_01_440100', item: 'VII-20', region: '440100' },
      ],
      inheritors: [
        { batch: 3, region: '445100' },
        { batch: 1, region: '445103' },
        { batch: 3, region: '445122' },
        { batch: 2, region: '440100' },
        { batch: 2 },
      ],
      cases: [
        { kind: 'enterprise', region: '445100' },
        { kind: 'institute', region: '445102' },
        { kind: 'enterprise', region: '445103' },
        { kind: 'enterprise', region: '440000' },
      ],
      works: [
        { region: '445100', pictures: 2, added: '2026-11-30' },
        { region: '445103', pictures: 0, added: '2025-06-01' },
        { region: '440100', pictures: 5, added: '2026-11-30' },
        { pictures: 1, added: '2026-11-30' },
      ],
    });
    expect(indicators).toEqual({
      items: 2,
      entries: 3,
      inheritorsByBatch: [
        [1, 1],
        [3, 2],
      ],
      casesByKind: [
        ['enterprise', 2],
        ['institute', 1],
      ],
      works: 2,
      pictures: 2,
      worksAddedByYear: [
        ['2025', 1],
        ['2026', 1],
      ],
    });
  });

  const sample: ClusterIndicators = {
    items: 2,
    entries: 3,
    inheritorsByBatch: [
      [1, 1],
      [3, 2],
    ],
    casesByKind: [
      ['enterprise', 2],
      ['institute', 1],
    ],
    works: 2,
    pictures: 2,
    worksAddedByYear: [['2026', 2]],
  };

  it('sums the breakdowns into the headline counts', () => {
    expect(headlines(sample)).toEqual({
      items: 2,
      entries: 3,
      inheritors: 3,
      cases: 3,
      works: 2,
      pictures: 2,
    });
  });

  it('gives every part of every breakdown a key and labels in both languages', () => {
    expect(breakdownRows(sample)).toEqual([
      { series: 'inheritors-by-batch', key: '1', zh: '第1批', en: 'Batch 1', count: 1 },
      { series: 'inheritors-by-batch', key: '3', zh: '第3批', en: 'Batch 3', count: 2 },
      { series: 'cases-by-kind', key: 'enterprise', zh: '企业', en: 'Enterprise', count: 2 },
      {
        series: 'cases-by-kind',
        key: 'institute',
        zh: '研究院所',
        en: 'Research institute',
        count: 1,
      },
      { series: 'works-added-by-year', key: '2026', zh: '2026', en: '2026', count: 2 },
    ]);
  });

  it("writes the data behind a report's charts as CSV, one row per part", () => {
    const lines = clusterReportCsv(breakdownRows(sample)).trimEnd().split('\r\n');
    expect(lines[0]).toBe('series,key,label_zh,label_en,count');
    expect(lines).toHaveLength(6);
    expect(lines[4]).toBe('cases-by-kind,institute,研究院所,Research institute,1');
  });
});
