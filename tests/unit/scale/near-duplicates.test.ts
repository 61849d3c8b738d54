import { describe, expect, it } from 'vitest';
import { hammingDistance, nearDuplicatePairs } from '../../../src/lib/records/perceptual-hash.ts';

/** Deterministic 64-bit hex hashes. */
function hashes(count: number, seed: number): string[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  return Array.from({ length: count }, () =>
    [next(), next()].map((n) => n.toString(16).padStart(8, '0')).join(''),
  );
}

/** `hash` with the given bits (0 = highest) flipped. */
function flip(hash: string, bits: readonly number[]): string {
  const value = bits.reduce((v, bit) => v ^ (1n << BigInt(63 - bit)), BigInt(`0x${hash}`));
  return value.toString(16).padStart(16, '0');
}

function everyPair(list: readonly string[], threshold: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < list.length; i += 1)
    for (let j = i + 1; j < list.length; j += 1)
      if (hammingDistance(list[i]!, list[j]!) <= threshold) pairs.push([i, j]);
  return pairs;
}

describe('near-duplicate pairs through an index', () => {
  it('finds exactly the pairs that comparing every pair finds', () => {
    const base = hashes(400, 7);
    // planted: copies differing in 0 to 7 bits, spread over the pieces' borders
    const planted = base
      .slice(0, 40)
      .map((h, n) => flip(h, [0, 10, 11, 21, 32, 42, 53, 63].slice(0, n % 8)));
    const all = [...base, ...planted];
    for (const threshold of [0, 3, 5, 7]) {
      const found = nearDuplicatePairs(all, threshold);
      expect(found).toEqual(everyPair(all, threshold));
      expect(found.length).toBeGreaterThan(0);
    }
  });

  it('handles 100,000 photographs in seconds, where comparing every pair would take 5 billion steps', () => {
    const many = hashes(100_000, 11);
    many[99_999] = flip(many[12_345]!, [1, 30, 60]);
    const started = performance.now();
    const found = nearDuplicatePairs(many, 5);
    const seconds = (performance.now() - started) / 1000;
    expect(found).toContainEqual([12_345, 99_999]);
    expect(seconds).toBeLessThan(10);
  });
});
