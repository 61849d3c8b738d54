/**
 * "Browse by colour": how many works of each colour family and of each named colour there are,
 * from the colour the search index gives each work (its first picture's object colour), so that
 * every swatch on the page leads to search results that exist. One pass over the works.
 * Pure.
 */
import { COLOUR_FAMILIES, coloursOfFamily, type NamedColourTerm } from './families.ts';
import type { ColourFamily } from '../records/vocabularies.ts';

export interface ShadeCount {
  colour: NamedColourTerm;
  count: number;
}

export interface FamilyCount {
  family: ColourFamily;
  count: number;
  /** The family's named colours that have works, in palette order. */
  shades: ShadeCount[];
}

/** Counts per family and named colour of `colours` (each work's colour name in Chinese). */
export function colourCounts(colours: Iterable<string | undefined>): FamilyCount[] {
  const perName = new Map<string, number>();
  for (const zh of colours) if (zh) perName.set(zh, (perName.get(zh) ?? 0) + 1);
  return COLOUR_FAMILIES.flatMap((family) => {
    const shades = coloursOfFamily(family.key).flatMap((colour) => {
      const count = perName.get(colour.zh) ?? 0;
      return count > 0 ? [{ colour, count }] : [];
    });
    const count = shades.reduce((n, s) => n + s.count, 0);
    return count > 0 ? [{ family, count, shades }] : [];
  });
}
