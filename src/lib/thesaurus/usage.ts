/**
 * Which works use which concept, as an index built once per build (`concept-works.ts` feeds it
 * the archive) and looked up by each concept page, so that a page costs the same however many
 * works there are. Pure: it takes the works in the order they should be listed.
 */
import type { Lang } from '../records/vocabularies.ts';
import { thesaurus, type Concept, type Thesaurus } from './index.ts';

/** What the index needs of a work. */
export interface ConceptUser {
  objectType?: string | undefined;
  concepts: readonly string[];
  materials: readonly string[];
  category: string;
}

/** The works that use one concept, each list in the order the works were given. */
export interface ConceptWorks<T> {
  /** Works the concept classifies: as their object type, material or craft category. */
  classified: T[];
  /** Works that list the concept among their other concepts (motifs, forms, techniques …). */
  tagged: T[];
  /** Works in either list, each counted once. */
  total: number;
}

/** How many works a concept page lists in each of its lists; search has the rest. */
export const CONCEPT_WORKS_SHOWN = 24;

/** The concept IDs a work is classified by: its object type and its vocabulary terms. */
function classifyingIds(
  user: ConceptUser,
  byTerm: ReadonlyMap<string, string>,
): (string | undefined)[] {
  return [
    user.objectType,
    ...user.materials.map((m) => byTerm.get(`materials:${m}`)),
    byTerm.get(`craftCategories:${user.category}`),
  ];
}

/** Concept ID of each vocabulary term the thesaurus describes (`materials:porcelain` → …). */
function conceptsByTerm(t: Thesaurus): Map<string, string> {
  return new Map(
    t.concepts.flatMap((c) =>
      c.vocabulary ? [[`${c.vocabulary.name}:${c.vocabulary.key}`, c.id] as const] : [],
    ),
  );
}

function entryOf<T>(index: Map<string, ConceptWorks<T>>, id: string): ConceptWorks<T> {
  let entry = index.get(id);
  if (!entry) {
    entry = { classified: [], tagged: [], total: 0 };
    index.set(id, entry);
  }
  return entry;
}

/**
 * Works by concept ID. A work appears at most once in each list of a concept, and once in its
 * total; IDs that are not concepts of the thesaurus are left out (the schema refuses them).
 */
export function conceptWorksIndex<T>(
  works: readonly T[],
  fields: (work: T) => ConceptUser,
  t: Thesaurus = thesaurus(),
): ReadonlyMap<string, ConceptWorks<T>> {
  const byTerm = conceptsByTerm(t);
  const index = new Map<string, ConceptWorks<T>>();
  for (const work of works) {
    const user = fields(work);
    const classified = new Set(classifyingIds(user, byTerm));
    const tagged = new Set(user.concepts);
    for (const id of new Set([...classified, ...tagged])) {
      if (id === undefined || !t.byId.has(id)) continue;
      const entry = entryOf(index, id);
      if (classified.has(id)) entry.classified.push(work);
      if (tagged.has(id)) entry.tagged.push(work);
      entry.total++;
    }
  }
  return index;
}

/** The first works of a list for a page, and how many there are in all. */
export function firstWorks<T>(
  list: readonly T[],
  limit = CONCEPT_WORKS_SHOWN,
): { shown: T[]; count: number } {
  return { shown: list.slice(0, limit), count: list.length };
}

/** The two ways a work uses a concept, as in {@link ConceptWorks}. */
export type ConceptRole = 'classified' | 'tagged';

/**
 * The search page's parameters for the works that use a concept in `role`: its facet where the
 * search has one (object type, material, craft category; see `FACETS` in search/document.ts),
 * else a query for the concept's label, which the works' search documents carry.
 */
export function conceptSearchParams(
  concept: Concept,
  role: ConceptRole,
  lang: Lang,
): Record<string, string> {
  const works = { type: 'works' };
  if (role === 'classified') {
    if (concept.vocabulary?.name === 'materials')
      return { ...works, material: concept.vocabulary.key };
    if (concept.vocabulary?.name === 'craftCategories')
      return { ...works, category: concept.vocabulary.key };
    if (concept.kind === 'objectType' || concept.kind === 'format')
      return { ...works, object: concept[lang] };
  }
  return { ...works, q: concept[lang] };
}
