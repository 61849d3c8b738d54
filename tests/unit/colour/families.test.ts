import { describe, expect, it } from 'vitest';
import { colourCounts } from '../../../src/lib/colour/browse.ts';
import {
  COLOUR_FAMILIES,
  colourFamilyOf,
  coloursOfFamily,
  NAMED_COLOURS,
} from '../../../src/lib/colour/families.ts';

describe('colour families', () => {
  it('put every named colour of the palette in a family of the vocabulary', () => {
    const keys = new Set(COLOUR_FAMILIES.map((f) => f.key));
    for (const colour of NAMED_COLOURS) expect(keys, colour.zh).toContain(colour.family);
    // and every family has colours to show
    for (const family of COLOUR_FAMILIES)
      expect(coloursOfFamily(family.key).length).toBeGreaterThan(0);
  });
  it('read the traditional names as a museum visitor would', () => {
    const family = (zh: string) => colourFamilyOf(zh)?.key;
    expect(['豆青', '青瓷绿', '铜绿'].map(family)).toEqual(['green', 'green', 'green']);
    expect(['天青', '靛蓝', '宝蓝'].map(family)).toEqual(['blue', 'blue', 'blue']);
    expect(['胭脂', '枣红'].map(family)).toEqual(['red', 'red']);
    expect(['月白', '漆黑', '鸦青'].map(family)).toEqual(['white', 'black', 'grey']);
    expect(colourFamilyOf('not a colour')).toBeUndefined();
  });
});

describe('colour counts for the browse page', () => {
  it('count works per family and per named colour, leaving out colours without works', () => {
    const counts = colourCounts(['豆青', '豆青', '铜绿', '胭脂', undefined, 'unknown']);
    expect(counts.map((f) => [f.family.key, f.count])).toEqual([
      ['red', 1],
      ['green', 3],
    ]);
    expect(counts[1]?.shades.map((s) => [s.colour.zh, s.count])).toEqual([
      ['豆青', 2],
      ['铜绿', 1],
    ]);
    expect(colourCounts([])).toEqual([]);
  });
});
