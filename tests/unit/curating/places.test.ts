import { describe, expect, it } from 'vitest';
import { divisionNames, placeOfListing } from '../../../scripts/lib/import/places.ts';

describe('places as the national list writes them', () => {
  it('splits a listed place into its division names', () => {
    expect(divisionNames('广东省潮州市枫溪区')).toEqual(['广东省', '潮州市', '枫溪区']);
    expect(divisionNames('内蒙古自治区科尔沁左翼后旗')).toEqual(['内蒙古自治区', '科尔沁左翼后旗']);
    expect(divisionNames('故宫博物院')).toEqual([]);
  });

  it('finds the most specific GB/T 2260 division, with a working English name', () => {
    // 枫溪区 is a management district, not a GB/T 2260 division: the code is its city's
    expect(placeOfListing('广东省潮州市枫溪区', '广东省')).toEqual({
      code: '445100',
      place: { zh: '广东省潮州市枫溪区', en: 'Fengxi, Chaozhou, Guangdong' },
    });
    expect(placeOfListing('江苏省苏州市', '江苏省')).toEqual({
      code: '320500',
      place: { zh: '江苏省苏州市', en: 'Suzhou, Jiangsu' },
    });
    expect(placeOfListing('青海省循化撒拉族自治县', '青海省', '632825')?.place.en).toBe(
      'Xunhua, Qinghai',
    );
  });

  it('keeps the place of a unit and drops the unit; a unit with no province has no region', () => {
    expect(placeOfListing('山西省长治市群众艺术馆', '山西省')).toEqual({
      code: '140400',
      place: { zh: '山西省长治市', en: 'Changzhi, Shanxi' },
    });
    expect(placeOfListing('故宫博物院', '中直单位')).toBeUndefined();
  });

  it('falls back to the city of a county abolished since the listing, keeping the listed name', () => {
    // 安塞县 (610624) is now a district of Yan'an
    expect(placeOfListing('陕西省安塞县', '陕西省', '610624')).toEqual({
      code: '610600',
      place: { zh: '陕西省安塞县', en: 'Ansai, Shaanxi' },
    });
  });
});
