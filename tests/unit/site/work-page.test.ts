/** What the work page computes from a work's data: its measurements line and related works. */
import { describe, expect, it } from 'vitest';
import { dimensionText } from '../../../src/lib/site/dimensions.ts';
import { relatedWorksOf } from '../../../src/lib/site/work-facets.ts';
import { work } from '../research/fixtures.ts';

describe('dimensionText', () => {
  it('lists the measurements in a fixed order, in the page language', () => {
    const dims = { weight: 850, diameter: 20.5, height: 32 };
    expect(dimensionText(dims, 'zh')).toBe('高 32 cm，径 20.5 cm，重 850 g');
    expect(dimensionText(dims, 'en')).toBe('H. 32 cm, Diam. 20.5 cm, Wt. 850 g');
  });

  it('is empty without measurements, even when the holder gives a note', () => {
    expect(dimensionText(undefined, 'en')).toBe('');
    expect(dimensionText({ note: '32 × 20 cm' }, 'zh')).toBe('');
  });
});

describe('relatedWorksOf', () => {
  const other = (id: string, changes: Partial<typeof work.data>) => ({
    data: { ...work.data, id, ...changes },
  });

  it('puts the works sharing most first and leaves out the work itself and unrelated ones', () => {
    const sameMaker = other('BGW-000002', {});
    const samePeriodOnly = other('BGW-000003', {
      techniques: [],
      makers: [],
      region: undefined,
      materials: [],
      category: 'lacquer',
    });
    const unrelated = other('BGW-000004', {
      techniques: [],
      makers: [],
      region: undefined,
      materials: [],
      category: 'lacquer',
      period: 'tang',
    });
    const candidates = [unrelated, samePeriodOnly, work, sameMaker];
    expect(relatedWorksOf(work.data, candidates).map((c) => c.data.id)).toEqual([
      'BGW-000002',
      'BGW-000003',
    ]);
  });
});
