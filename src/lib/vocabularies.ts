/**
 * Controlled vocabularies. The data live in `src/data/vocabularies/*.json` (curators edit those);
 * this module only gives them types and lookups, so schemas, pages and scripts share one source.
 */
import craftCategories from '../data/vocabularies/craft-categories.json' with { type: 'json' };
import licenses from '../data/vocabularies/licenses.json' with { type: 'json' };
import materials from '../data/vocabularies/materials.json' with { type: 'json' };
import periods from '../data/vocabularies/periods.json' with { type: 'json' };

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

export const vocabularies = {
  craftCategories: craftCategories satisfies Term[],
  materials: materials satisfies Term[],
  periods: periods satisfies Period[],
  licenses: licenses satisfies License[],
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
