import { describe, expect, it } from 'vitest';
import { groupBy } from '../../../src/lib/site/group-by.ts';

describe('groupBy', () => {
  it('lists each item under every key it has, once, in the items’ order', () => {
    const people = [
      { id: 'P-1', crafts: ['C-1', 'C-2'] },
      { id: 'P-2', crafts: ['C-2', 'C-2'] },
      { id: 'P-3', crafts: [] },
    ];
    const groups = groupBy(people, (p) => p.crafts);
    expect([...groups.keys()]).toEqual(['C-1', 'C-2']);
    expect(groups.get('C-2')?.map((p) => p.id)).toEqual(['P-1', 'P-2']);
  });

  it('skips undefined keys (a maker without a person record)', () => {
    const works = [{ makers: [undefined, 'P-1'] }, { makers: [undefined] }];
    const groups = groupBy(works, (w) => w.makers);
    expect([...groups.keys()]).toEqual(['P-1']);
  });
});
