import { describe, expect, it } from 'vitest';
import { clusterIndicators, withinArea } from '../../../src/lib/site/cluster-indicators.ts';

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
});
