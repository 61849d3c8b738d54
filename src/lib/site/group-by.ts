/**
 * Groups items under each of their keys, once, so a page looks its list up instead of
 * filtering the whole archive. Items keep their order; an item listed twice under the same key
 * appears once. Pure.
 */
export function groupBy<T>(
  items: readonly T[],
  keys: (item: T) => Iterable<string | undefined>,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      if (key === undefined) continue;
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}
