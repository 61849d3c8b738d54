/** Synthetic work facets for the scale tests: deterministic, with vocabularies of realistic size. */
import type { WorkFacets } from '../../../src/lib/site/related.ts';

/** A small linear congruential generator, so every run builds the same archive. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor(state / 65_536) % n; // the high bits: the low ones of an LCG repeat
  };
}

export function syntheticWorks(count: number, seed = 7): WorkFacets[] {
  const next = generator(seed);
  const pick = (prefix: string, n: number) => `${prefix}-${String(next(n))}`;
  return Array.from({ length: count }, (_, i) => ({
    id: `W-${String(i).padStart(7, '0')}`,
    techniques: [pick('craft', 60), ...(next(3) === 0 ? [pick('craft', 60)] : [])],
    makers: next(4) === 0 ? [pick('person', Math.max(1, Math.floor(count / 8)))] : [],
    province: next(5) === 0 ? undefined : pick('province', 34),
    period: pick('period', 15),
    materials: [pick('material', 40), ...(next(2) === 0 ? [pick('material', 40)] : [])],
    category: pick('category', 12),
  }));
}
