/**
 * Comparing the ingest's perceptual hashes (dHash, 64 bits as 16 hex digits): two photographs
 * whose hashes differ in a few bits show the same thing (the same object photographed again, a
 * crop, a resized copy).
 * Pure.
 */

/** Hashes this close (differing bits) are photographs of the same object, not similar works. */
export const NEAR_DUPLICATE_DISTANCE = 5;

/** Hamming distance between two 64-bit hex hashes. */
export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (x) {
    count += Number(x & 1n);
    x >>= 1n;
  }
  return count;
}

/** Whether two hashes are of near-duplicate photographs. */
export function nearDuplicates(a: string, b: string): boolean {
  return hammingDistance(a, b) <= NEAR_DUPLICATE_DISTANCE;
}
