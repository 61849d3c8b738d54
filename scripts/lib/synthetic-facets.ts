/**
 * Synthetic work facets for the scale tests and `npm run bench:related`: deterministic, with
 * vocabularies of realistic size, and with `looks` a first picture for each work — colours
 * scattered around thirty glaze and pigment colours, and every fiftieth work photographed twice
 * (a near-duplicate hash of the work before it).
 */
import type { WorkFacets, WorkLook } from '../../src/lib/site/related.ts';

/** A small linear congruential generator, so every run builds the same archive. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor(state / 65_536) % n; // the high bits: the low ones of an LCG repeat
  };
}

/** Thirty base colours the synthetic pictures scatter around. */
const BASES = Array.from({ length: 30 }, (_, i) => [
  (i * 67) % 256,
  (i * 131 + 40) % 256,
  (i * 29 + 90) % 256,
]);

const hex2 = (v: number) => Math.max(0, Math.min(255, v)).toString(16).padStart(2, '0');

/** A synthetic first picture: a base colour moved a little, and a perceptual hash. */
function syntheticLook(next: (n: number) => number): WorkLook {
  const [r, g, b] = BASES[next(BASES.length)]!;
  const jitter = () => next(25) - 12;
  const phash = Array.from({ length: 16 }, () => next(16).toString(16)).join('');
  return { colour: `#${hex2(r! + jitter())}${hex2(g! + jitter())}${hex2(b! + jitter())}`, phash };
}

/** `phash` with its lowest two bits flipped: the same photograph, resaved. */
function resaved(phash: string): string {
  const last = Number.parseInt(phash.slice(-1), 16) ^ 0b11;
  return `${phash.slice(0, -1)}${last.toString(16)}`;
}

export function syntheticWorks(count: number, seed = 7, looks = false): WorkFacets[] {
  const next = generator(seed);
  const pick = (prefix: string, n: number) => `${prefix}-${String(next(n))}`;
  let previous: WorkLook | undefined;
  const lookFor = (i: number): WorkLook | undefined => {
    if (!looks) return undefined;
    const look: WorkLook =
      i % 50 === 49 && previous
        ? { ...previous, phash: resaved(previous.phash) }
        : syntheticLook(next);
    previous = look;
    return look;
  };
  return Array.from({ length: count }, (_, i) => ({
    look: lookFor(i),
    id: `W-${String(i).padStart(7, '0')}`,
    techniques: [pick('craft', 60), ...(next(3) === 0 ? [pick('craft', 60)] : [])],
    makers: next(4) === 0 ? [pick('person', Math.max(1, Math.floor(count / 8)))] : [],
    province: next(5) === 0 ? undefined : pick('province', 34),
    period: pick('period', 15),
    materials: [pick('material', 40), ...(next(2) === 0 ? [pick('material', 40)] : [])],
    category: pick('category', 12),
  }));
}
