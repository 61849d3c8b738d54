/**
 * Small list helpers shared by the search document builder and the fallback entry.
 * Pure.
 */

/** The values without repeats, in first-seen order. */
export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** The values without the missing and empty ones. */
export function compact<T>(values: (T | undefined | null | false | '')[]): T[] {
  return values.filter(Boolean) as T[];
}
