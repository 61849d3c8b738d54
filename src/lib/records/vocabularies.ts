/**
 * Controlled vocabularies. The data live in `src/data/vocabularies/*.json` (curators edit those);
 * this module only gives them types and lookups, so schemas, pages and scripts share one source.
 * Pure.
 */
import caseDesignations from '../../data/vocabularies/case-designations.json' with { type: 'json' };
import caseKinds from '../../data/vocabularies/case-kinds.json' with { type: 'json' };
import colourFamilies from '../../data/vocabularies/colour-families.json' with { type: 'json' };
import craftCategories from '../../data/vocabularies/craft-categories.json' with { type: 'json' };
import ethnicGroups from '../../data/vocabularies/ethnic-groups.json' with { type: 'json' };
import licenses from '../../data/vocabularies/licenses.json' with { type: 'json' };
import materials from '../../data/vocabularies/materials.json' with { type: 'json' };
import periods from '../../data/vocabularies/periods.json' with { type: 'json' };
import tools from '../../data/vocabularies/tools.json' with { type: 'json' };

export type Lang = 'zh' | 'en';

/** A term with a stable key and labels in both languages. */
export interface Term {
  key: string;
  zh: string;
  en: string;
}

export interface Period extends Term {
  /** First year (negative for BCE). */
  start: number;
  /** Last year. */
  end: number;
}

export interface License extends Term {
  url: string;
  /** Whether the license allows reuse without asking (open data). */
  open: boolean;
}

/** An ethnic group of China: GB/T 3304 name, romanisation (`en`) and codes. */
export interface EthnicGroup extends Term {
  /** GB/T 3304 numeric code (01–56); none for 其他, which the standard does not name. */
  code?: string;
  /** GB/T 3304 two-letter code. */
  letters?: string;
  /** The usual English name where it differs from the romanisation (Zang → Tibetan). */
  common?: string;
}

/** A family of colours (a basic colour term), with a swatch for browsing. */
export interface ColourFamily extends Term {
  /** The swatch shown for the family (`#rrggbb`). */
  hex: string;
}

export const vocabularies = {
  craftCategories: craftCategories satisfies Term[],
  ethnicGroups: ethnicGroups satisfies EthnicGroup[],
  materials: materials satisfies Term[],
  tools: tools satisfies Term[],
  periods: periods satisfies Period[],
  licenses: licenses satisfies License[],
  caseKinds: caseKinds satisfies Term[],
  caseDesignations: caseDesignations satisfies Term[],
  colourFamilies: colourFamilies satisfies ColourFamily[],
} as const;

export type VocabularyName = keyof typeof vocabularies;

/** The keys of a vocabulary as a non-empty tuple, which zod's enum needs. */
export function keysOf(name: VocabularyName): [string, ...string[]] {
  const keys = vocabularies[name].map((term) => term.key);
  const [first, ...rest] = keys;
  if (first === undefined) throw new Error(`vocabulary ${name} is empty`);
  return [first, ...rest];
}

export function findTerm<N extends VocabularyName>(
  name: N,
  key: string,
): (typeof vocabularies)[N][number] | undefined {
  return (vocabularies[name] as readonly Term[]).find((term) => term.key === key) as
    (typeof vocabularies)[N][number] | undefined;
}

export function termLabel(name: VocabularyName, key: string, lang: Lang): string {
  return findTerm(name, key)?.[lang] ?? key;
}
