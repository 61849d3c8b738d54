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
