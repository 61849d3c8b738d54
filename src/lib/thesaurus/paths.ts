/**
 * Where the thesaurus lives on the site, and its IRIs. A concept's IRI is the address of its
 * Chinese page (`<site>/thesaurus/meiping/`) and a concept scheme's the address of its page
 * (`<site>/thesaurus/schemes/objectType/`), so the IRIs in `/data/thesaurus.jsonld` dereference
 * to the pages; a source is an anchor of the index page, which lists them
 * (`/thesaurus/#source-aat`). Concept IDs hold no `/`, so no concept page is a scheme page.
 * Pure.
 */
import { localePath, type Lang } from '../site/i18n.ts';
import { absolute } from '../site/urls.ts';
import { CONCEPT_KINDS, thesaurus, type ConceptKind } from './index.ts';

/** The thesaurus index, e.g. `/thesaurus/` or `/en/thesaurus/`. */
export function thesaurusPath(lang: Lang): string {
  return localePath('/thesaurus/', lang);
}

/** A concept's page, e.g. `/thesaurus/meiping/` or `/en/thesaurus/meiping/`. */
export function conceptPath(id: string, lang: Lang): string {
  return localePath(`/thesaurus/${id}/`, lang);
}

/** A concept scheme's page, e.g. `/thesaurus/schemes/objectType/`. */
export function schemePath(kind: ConceptKind, lang: Lang): string {
  return localePath(`/thesaurus/schemes/${kind}/`, lang);
}

/** The anchor of a concept scheme's section on the index page. */
export function schemeAnchor(kind: ConceptKind): string {
  return kind;
}

/** The anchor of a source in the index page's list of sources. */
export function sourceAnchor(id: string): string {
  return `source-${id}`;
}

/** The IRI of a concept: its Chinese page on the site. */
export function conceptIri(id: string, site: string | URL): string {
  return absolute(conceptPath(id, 'zh'), site);
}

/** The IRI of a concept scheme: its Chinese page. */
export function schemeIri(kind: ConceptKind, site: string | URL): string {
  return absolute(schemePath(kind, 'zh'), site);
}

/** The IRI of a source: its entry in the Chinese index page's list of sources. */
export function sourceIri(id: string, site: string | URL): string {
  return absolute(`${thesaurusPath('zh')}#${sourceAnchor(id)}`, site);
}

/** Static paths of the concept pages: one per concept. */
export function conceptPaths() {
  return thesaurus().concepts.map((c) => ({ params: { id: c.id } }));
}

/** Static paths of the scheme pages: one per scheme, as the SKOS export names them all. */
export function schemePaths() {
  return CONCEPT_KINDS.map((kind) => ({ params: { kind } }));
}
