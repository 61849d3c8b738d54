/**
 * Colour families for browsing: each named colour of the ingest's palette
 * (`src/data/colour-names.json`, where `family` assigns it) belongs to one family of
 * `colour-families.json` (basic colour terms: red, yellow, green, blue …), so a visitor can ask
 * for "green" and find works whose object is 豆青, 青瓷绿 or 铜绿.
 * Pure.
 */
import colourNames from '../../data/colour-names.json' with { type: 'json' };
import { findTerm, vocabularies, type ColourFamily } from '../records/vocabularies.ts';

/** A named colour of the palette. */
export interface NamedColourTerm {
  zh: string;
  en: string;
  hex: string;
  family: string;
}

export const NAMED_COLOURS: readonly NamedColourTerm[] = colourNames;
const byName = new Map(NAMED_COLOURS.map((c) => [c.zh, c]));

/** The family of a palette colour, by its Chinese name; undefined for a name not in the palette. */
export function colourFamilyOf(zh: string): ColourFamily | undefined {
  const named = byName.get(zh);
  return named ? findTerm('colourFamilies', named.family) : undefined;
}

/** The palette's colours of a family, in palette order. */
export function coloursOfFamily(family: string): NamedColourTerm[] {
  return NAMED_COLOURS.filter((c) => c.family === family);
}

/** The families, in the vocabulary's order. */
export const COLOUR_FAMILIES: readonly ColourFamily[] = vocabularies.colourFamilies;
