/**
 * The thesaurus's outline: the index page lists each concept scheme with its top concepts (those
 * with no broader concept in the same scheme); a scheme's page shows it as trees, the narrower
 * concepts nested, in the order of the data files. A concept with two broader concepts appears
 * under both.
 * Pure.
 */
import {
  CONCEPT_KINDS,
  thesaurus,
  type Concept,
  type ConceptKind,
  type Thesaurus,
} from './index.ts';

export interface ConceptNode {
  concept: Concept;
  children: ConceptNode[];
}

function nodeOf(concept: Concept, t: Thesaurus, path: ReadonlySet<string>): ConceptNode {
  // `npm run check` refuses cycles; the path guard keeps a bad file from looping the build
  const below = new Set(path).add(concept.id);
  const children = (t.narrower.get(concept.id) ?? [])
    .filter((n) => n.kind === concept.kind && !below.has(n.id))
    .map((n) => nodeOf(n, t, below));
  return { concept, children };
}

/** The top concepts of a scheme: those with no broader concept in the same scheme. */
export function topConcepts(kind: ConceptKind, t: Thesaurus = thesaurus()): Concept[] {
  const inScheme = (id: string) => t.byId.get(id)?.kind === kind;
  return t.concepts.filter((c) => c.kind === kind && !c.broader.some(inScheme));
}

/** The concepts of one scheme as trees. */
export function schemeTree(kind: ConceptKind, t: Thesaurus = thesaurus()): ConceptNode[] {
  return topConcepts(kind, t).map((c) => nodeOf(c, t, new Set()));
}

/** Every scheme, in the thesaurus's order, with its top concepts and its number of concepts. */
export function thesaurusOutline(t: Thesaurus = thesaurus()) {
  return CONCEPT_KINDS.map((kind) => ({
    kind,
    top: topConcepts(kind, t),
    size: t.concepts.filter((c) => c.kind === kind).length,
  }));
}
