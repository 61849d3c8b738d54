/**
 * Search documents of typical cases: the kind and designation facets, from a real imported case.
 */
import { describe, expect, it } from 'vitest';
import { FACETS, filterableAttributes } from '../../../src/lib/search/document.ts';
import { documentOf } from './helpers.ts';

describe('search documents of typical cases', () => {
  it('carry the kind and the designations as facets in both languages', () => {
    const doc = documentOf('cases', 'an-hui-du-shi-ke-tong-yi-shu-you-xian-gong-si');
    expect(doc).toMatchObject({
      type: 'cases',
      case_kind: 'enterprise',
      heritage: ['VII-120'],
      province: ['340000'],
    });
    expect(doc.case_kind_zh).toMatch(/企业/);
    expect(doc.designation_zh).toHaveLength(1);
    expect(doc.designation_en[0]).toMatch(/protection unit/i);
    for (const field of ['case_kind_zh', 'case_kind_en', 'designation_zh'] as const)
      expect(filterableAttributes).toContain(field);
    expect(FACETS.map((f) => f.param)).toEqual(expect.arrayContaining(['kind', 'designation']));
  });

  it('leave the case facets empty on other records', () => {
    const doc = documentOf('people', 'huo-qingshun');
    expect(doc.case_kind).toBeUndefined();
    expect(doc.designation_zh).toEqual([]);
  });
});
