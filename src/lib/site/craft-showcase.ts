/**
 * Which photographed works a craft page shows. A craft has few photographs of its own; its works
 * (linked by their `techniques` or the craft's `relatedWorks`) lend theirs, by reference: the
 * first photographed one leads the page. A craft with no photographed work of its own shows
 * photographed works of the same category instead, labelled as such, most shared materials
 * first. Pure: the page passes the facets in.
 */
export interface ShowcaseWork {
  id: string;
  category: string;
  materials: readonly string[];
  techniques: readonly string[];
  /** Whether the work has a processed photograph (not an illustration). */
  photographed: boolean;
}

export interface ShowcaseCraft {
  id: string;
  category: string;
  materials: readonly string[];
  relatedWorks: readonly string[];
}

export interface CraftShowcase<T> {
  /** The craft's own works, photographed first (otherwise in the order given). */
  works: T[];
  /** The photographed work whose photograph leads the page, if any. */
  lead: T | undefined;
  /** When none of its own works is photographed: photographed works of the same category. */
  sameCategory: T[];
}

/** Works of a craft, its lead photograph and, failing its own, photographs of its category. */
export function craftShowcase<T extends ShowcaseWork>(
  craft: ShowcaseCraft,
  works: readonly T[],
  limit = 4,
): CraftShowcase<T> {
  const own = works
    .filter((w) => w.techniques.includes(craft.id) || craft.relatedWorks.includes(w.id))
    .sort((a, b) => Number(b.photographed) - Number(a.photographed));
  const lead = own.find((w) => w.photographed);
  const shared = (w: T) => w.materials.filter((m) => craft.materials.includes(m)).length;
  const sameCategory = lead
    ? []
    : works
        .filter((w) => w.photographed && w.category === craft.category && !own.includes(w))
        .sort((a, b) => shared(b) - shared(a) || a.id.localeCompare(b.id))
        .slice(0, limit);
  return { works: own, lead, sameCategory };
}
