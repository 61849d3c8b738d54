/**
 * What the thesaurus gives search: the synonym groups Meilisearch expands queries with (each
 * concept's labels in both languages, and a concept's narrower concepts one way: `瓶` also finds
 * 梅瓶, not the reverse), and the object-type and concept labels of a work's search document.
 * Pure.
 */
import { labelsOf, thesaurus, withBroader, type Concept, type Thesaurus } from './index.ts';

export interface SynonymGroup {
  terms: string[];
  /** Terms that `terms` also expand to, but that do not expand back (narrower concepts). */
  oneWay?: string[];
  note?: string;
}

/** Kinds whose labels are too general to expand a query with (大 large, 口 mouth …). */
const NOT_SYNONYMS = new Set(['attribute', 'part', 'shape']);

const allLabels = (c: Concept) => [...labelsOf(c, 'zh'), ...labelsOf(c, 'en', true)];

/** One synonym group per concept of the thesaurus. */
export function thesaurusSynonymGroups(t: Thesaurus = thesaurus()): SynonymGroup[] {
  return t.concepts
    .filter((c) => !NOT_SYNONYMS.has(c.kind))
    .map((c) => ({
      terms: allLabels(c),
      oneWay: (t.narrower.get(c.id) ?? []).flatMap((n) => [n.zh, n.en]),
      note: `${c.id} (${c.kind})`,
    }));
}

/** The object type of a work in both languages, and the labels it is searched by. */
export function objectTypeLabels(
  objectType: string | undefined,
  concepts: readonly string[],
  t: Thesaurus = thesaurus(),
) {
  const type = objectType ? t.byId.get(objectType) : undefined;
  // a meiping is found as a vase too: the object type's broader concepts are searched with it
  const named = [
    ...(type ? withBroader(type, t) : []),
    ...concepts.flatMap((id) => t.byId.get(id) ?? []),
  ];
  return {
    type,
    zh: [...new Set(named.flatMap((c) => labelsOf(c, 'zh')))],
    en: [...new Set(named.flatMap((c) => labelsOf(c, 'en', true)))],
  };
}
