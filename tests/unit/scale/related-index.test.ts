import { describe, expect, it } from 'vitest';
import {
  CANDIDATES_PER_FACET,
  relatedCandidates,
  relatedFromIndex,
  relatedIndex,
  relatedWorks,
  sameObjectPictured,
  type WorkFacets,
} from '../../../src/lib/site/related.ts';
import { syntheticWorks } from '../../../scripts/lib/synthetic-facets.ts';

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
      (w.techniques.length + w.materials.length + 4) * (CANDIDATES_PER_FACET + 1);
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

describe('works that look alike', () => {
  const plain = { techniques: [], makers: [], materials: [], category: 'c' };
  const work = (id: string, colour: string, phash: string, period = id): WorkFacets => ({
    ...plain,
    id,
    period,
    category: id,
    look: { colour, phash },
  });

  it('finds works in similar colours with nothing else in common, and not others', () => {
    const celadon = work('W-1', '#8fb59f', '0000000000000000');
    const alike = work('W-2', '#93b8a0', 'ffffffffffffffff');
    const close = work('W-3', '#7aa0a8', 'f0f0f0f0f0f0f0f0');
    const red = work('W-4', '#b03030', '0f0f0f0f0f0f0f0f');
    const works = [celadon, alike, close, red];
    // the first two look alike (2); the third is only close (1), under the threshold alone
    expect(relatedFromIndex(celadon, relatedIndex(works)).map((w) => w.id)).toEqual(['W-2']);
  });

  it('never lists a photograph of the same object, however much else is shared', () => {
    const shared = { ...plain, techniques: ['craft-1'], materials: ['porcelain'], period: 'qing' };
    const vase: WorkFacets = {
      ...shared,
      id: 'W-1',
      look: { colour: '#8fb59f', phash: '00000000000000f0' },
    };
    const again: WorkFacets = {
      ...shared,
      id: 'W-2',
      look: { colour: '#8fb59f', phash: '00000000000000f3' },
    };
    const other: WorkFacets = {
      ...shared,
      id: 'W-3',
      look: { colour: '#8fb59f', phash: 'ff000000000000f0' },
    };
    expect(sameObjectPictured(vase, again)).toBe(true);
    const found = relatedFromIndex(vase, relatedIndex([vase, again, other])).map((w) => w.id);
    expect(found).toEqual(['W-3']);
  });

  it('gives the full scan’s list through the index with pictures too, never a duplicate photo', () => {
    const works = syntheticWorks(600, 11, true);
    const index = relatedIndex(works);
    for (const w of works) {
      const found = relatedFromIndex(w, index);
      expect(found.map((f) => f.id)).toEqual(relatedWorks(w, works).map((f) => f.id));
      for (const f of found) expect(sameObjectPictured(w, f)).toBe(false);
    }
  });

  it('costs the same per work at 2,000 and 20,000 works (bounded candidates)', () => {
    const bound = (w: WorkFacets) =>
      (w.techniques.length + w.materials.length + w.makers.length + 3) * (CANDIDATES_PER_FACET + 1);
    for (const size of [2_000, 20_000]) {
      const works = syntheticWorks(size, 3, true);
      const index = relatedIndex(works);
      for (const w of works.slice(0, 200))
        expect(relatedCandidates(w, index).length).toBeLessThanOrEqual(bound(w));
    }
  });
});
