import { describe, expect, it } from 'vitest';
import {
  CANDIDATES_PER_FACET,
  relatedCandidates,
  relatedFromIndex,
  relatedIndex,
  relatedWorks,
} from '../../../src/lib/site/related.ts';
import { syntheticWorks } from './synthetic-works.ts';

describe('related works through the build index', () => {
  it('gives exactly the full scan’s list when no facet value has more works than the cap', () => {
    const works = syntheticWorks(600);
    const index = relatedIndex(works);
    expect(Math.max(...[...index.values()].map((list) => list.length))).toBeLessThanOrEqual(
      CANDIDATES_PER_FACET,
    );
    for (const work of works) {
      expect(relatedFromIndex(work, index).map((w) => w.id)).toEqual(
        relatedWorks(work, works).map((w) => w.id),
      );
    }
  });

  it('finds works related only by two shared materials or a material and the category', () => {
    const base = { techniques: [], makers: [], period: 'p1', materials: ['jade', 'gold'] };
    const work = { ...base, id: 'W-1', category: 'jewellery' };
    const twoMaterials = { ...base, id: 'W-2', period: 'p2', category: 'vessel' };
    const materialAndCategory = {
      ...base,
      id: 'W-3',
      period: 'p3',
      materials: ['gold'],
      category: 'jewellery',
    };
    const unrelated = { ...base, id: 'W-4', period: 'p4', materials: ['gold'], category: 'x' };
    const works = [work, twoMaterials, materialAndCategory, unrelated];
    expect(relatedFromIndex(work, relatedIndex(works)).map((w) => w.id)).toEqual(['W-2', 'W-3']);
  });

  it('looks at a bounded number of candidates per page however large the archive is', () => {
    const bound = (w: { techniques: readonly string[]; materials: readonly string[] }) =>
      (w.techniques.length + w.materials.length + 3) * (CANDIDATES_PER_FACET + 1);
    for (const size of [1_500, 20_000]) {
      const works = syntheticWorks(size);
      const index = relatedIndex(works);
      for (const work of works.slice(0, 100)) {
        expect(relatedCandidates(work, index).length).toBeLessThanOrEqual(bound(work));
      }
    }
  });

  it('ranks the candidates as the full scan does: strongest first, ties by ID, never itself', () => {
    const works = syntheticWorks(20_000);
    const index = relatedIndex(works);
    for (const work of works.slice(0, 50)) {
      const found = relatedFromIndex(work, index);
      expect(found).toHaveLength(6);
      expect(found.map((w) => w.id)).not.toContain(work.id);
      expect(found.map((w) => w.id)).toEqual(
        relatedWorks(work, relatedCandidates(work, index)).map((w) => w.id),
      );
    }
  });
});
