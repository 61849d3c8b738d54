/**
 * Search documents of typical cases: the kind and designation facets, from a real imported case.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecordFile } from '../../../scripts/lib/content.ts';
import { toSearchDocument } from '../../../src/lib/search/build-document.ts';
import { FACETS, filterableAttributes } from '../../../src/lib/search/document.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const documentOf = (slug: string) => {
  const file = join(root, 'content', 'cases', slug, 'index.md');
  const loaded = loadRecordFile(root, 'cases', file);
  if (!loaded.record) throw new Error(`cannot load ${file}: ${JSON.stringify(loaded.problems)}`);
  return toSearchDocument(loaded.record);
};

describe('search documents of typical cases', () => {
  it('carry the kind and the designations as facets in both languages', () => {
    const doc = documentOf('an-hui-du-shi-ke-tong-yi-shu-you-xian-gong-si');
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
    const file = join(root, 'content', 'people', 'huo-qingshun', 'index.md');
    const person = loadRecordFile(root, 'people', file).record;
    if (!person) throw new Error(`cannot load ${file}`);
    const doc = toSearchDocument(person);
    expect(doc.case_kind).toBeUndefined();
    expect(doc.designation_zh).toEqual([]);
  });
});
