/**
 * Comparing the ingest's perceptual hashes (dHash, 64 bits as 16 hex digits): two photographs
 * whose hashes differ in a few bits show the same thing (the same object photographed again, a
 * crop, a resized copy).
 * Pure.
 */

/** Hashes this close (differing bits) are photographs of the same object, not similar works. */
export const NEAR_DUPLICATE_DISTANCE = 5;

/** Set bits of a 32-bit integer. */
function popcount32(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Hamming distance between two 64-bit hex hashes, in two 32-bit halves (a build compares each
 * work's hash with hundreds of others; BigInt arithmetic is many times slower).
 */
export function hammingDistance(a: string, b: string): number {
  const half = (hash: string, start: number) => Number.parseInt(hash.slice(start, start + 8), 16);
  return popcount32((half(a, 0) ^ half(b, 0)) >>> 0) + popcount32((half(a, 8) ^ half(b, 8)) >>> 0);
}

/** Whether two hashes are of near-duplicate photographs. */
export function nearDuplicates(a: string, b: string): boolean {
  return hammingDistance(a, b) <= NEAR_DUPLICATE_DISTANCE;
}

/**
 * Every pair of `hashes` within `threshold` bits of each other, as index pairs `[i, j]` with
 * i < j, in order. Not by comparing every pair (at 100,000 photographs that is five billion
 * comparisons): cut the 64 bits into threshold + 1 pieces; two hashes that differ in at most
 * `threshold` bits are equal in at least one piece, so only hashes sharing a piece are compared.
 */
export function nearDuplicatePairs(
  hashes: readonly string[],
  threshold = NEAR_DUPLICATE_DISTANCE,
): [number, number][] {
  const n = hashes.length;
  const values = hashes.map((hash) => BigInt(`0x${hash}`));
  // the two 32-bit halves, read once: the comparisons below are most of the work
  const high = Uint32Array.from(values, (v) => Number(v >> 32n));
  const low = Uint32Array.from(values, (v) => Number(v & 0xffffffffn));
  const distance = (i: number, j: number) =>
    popcount32((high[i]! ^ high[j]!) >>> 0) + popcount32((low[i]! ^ low[j]!) >>> 0);
  const pieces = Math.min(64, threshold + 1);
  const found = new Set<number>();
  for (let p = 0; p < pieces; p += 1) {
    const from = Math.floor((p * 64) / pieces);
    const width = BigInt(Math.floor(((p + 1) * 64) / pieces) - from);
    const shift = 64n - BigInt(from) - width;
    const mask = (1n << width) - 1n;
    const buckets = new Map<bigint, number[]>();
    for (const [i, value] of values.entries()) {
      const piece = (value >> shift) & mask;
      const bucket = buckets.get(piece);
      if (bucket) bucket.push(i);
      else buckets.set(piece, [i]);
    }
    for (const bucket of buckets.values())
      for (let a = 0; a < bucket.length; a += 1)
        for (let b = a + 1; b < bucket.length; b += 1) {
          const [i, j] = [bucket[a]!, bucket[b]!];
          if (distance(i, j) <= threshold) found.add(i * n + j);
        }
  }
  return [...found]
    .sort((x, y) => x - y)
    .map((pair): [number, number] => [Math.floor(pair / n), pair % n]);
}
