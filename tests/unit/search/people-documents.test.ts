/**
 * Search documents of real imported inheritors: names found by surname-aware pinyin and initials,
 * and the people facets (batch, province, ethnic group).
 */
import { describe, expect, it } from 'vitest';
import { FACETS, filterableAttributes } from '../../../src/lib/search/document.ts';
import { documentOf } from './helpers.ts';

describe('search documents of national inheritors', () => {
  it('reads a name with its surname reading: 单嘉玖 is shan jia jiu, sjj, never dan', () => {
    const doc = documentOf('people', 'shan-jiajiu');
    expect(doc.title_zh).toBe('单嘉玖');
    expect(doc.pinyin).toContain('shan jia jiu');
    expect(doc.pinyin).toContain('shanjiajiu');
    expect(doc.initials).toContain('sjj');
    expect(doc.pinyin.join(' ')).not.toMatch(/\bdan/);
    expect(doc.initials).not.toContain('djj');
    expect(doc.sort_title_zh).toBe('shan jia jiu');
  });

  it('carries the batch, province and ethnic group facets', () => {
    const doc = documentOf('people', 'huo-qingshun');
    expect(doc).toMatchObject({
      type: 'people',
      batch: [1],
      province: ['120000'],
      province_zh: ['天津市'],
      ethnic_group: 'han',
      ethnic_group_zh: '汉族',
      ethnic_group_en: 'Han',
      heritage: ['VII-1'],
    });
    for (const field of ['batch', 'ethnic_group_zh', 'ethnic_group_en', 'province_zh'] as const)
      expect(filterableAttributes).toContain(field);
    expect(FACETS.map((f) => f.param)).toEqual(
      expect.arrayContaining(['batch', 'ethnic', 'province']),
    );
  });
});
