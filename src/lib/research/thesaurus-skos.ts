/**
 * The thesaurus as SKOS in JSON-LD, with its context inline so it reads offline: the whole
 * thesaurus for `/data/thesaurus.jsonld`, and one concept for its page. IRIs are built from the
 * site's address (`thesaurus/paths.ts`): a concept's IRI is its page. The CSV copy is in `open-data.ts`. Pure.,
 * with the other tables of the data package.
 */
import {
  CONCEPT_KINDS,
  KIND_LABELS,
  thesaurus,
  type Concept,
  type Thesaurus,
} from '../thesaurus/index.ts';
import { conceptIri, schemeIri, sourceIri } from '../thesaurus/paths.ts';

const CONTEXT = {
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dct: 'http://purl.org/dc/terms/',
  id: '@id',
  type: '@type',
  prefLabel: { '@id': 'skos:prefLabel', '@container': '@language' },
  altLabel: { '@id': 'skos:altLabel', '@container': '@language' },
  hiddenLabel: { '@id': 'skos:hiddenLabel', '@container': '@language' },
  scopeNote: { '@id': 'skos:scopeNote', '@container': '@language' },
  notation: 'skos:notation',
  broader: { '@id': 'skos:broader', '@type': '@id' },
  narrower: { '@id': 'skos:narrower', '@type': '@id' },
  related: { '@id': 'skos:related', '@type': '@id' },
  inScheme: { '@id': 'skos:inScheme', '@type': '@id' },
  topConceptOf: { '@id': 'skos:topConceptOf', '@type': '@id' },
  source: { '@id': 'dct:source', '@type': '@id' },
  bibliographicCitation: { '@id': 'dct:bibliographicCitation', '@container': '@language' },
  title: { '@id': 'dct:title', '@container': '@language' },
};

/** One concept as a SKOS node (without context). */
function conceptNode(c: Concept, t: Thesaurus, site: string | URL) {
  const iri = (id: string) => conceptIri(id, site);
  const narrower = t.narrower.get(c.id) ?? [];
  return {
    id: iri(c.id),
    type: 'skos:Concept',
    notation: c.id,
    inScheme: schemeIri(c.kind, site),
    prefLabel: { 'zh-Hans': c.zh, en: c.en, 'zh-Latn-pinyin': c.pinyin },
    ...(c.altZh.length + c.altEn.length > 0
      ? { altLabel: { 'zh-Hans': c.altZh, en: c.altEn } }
      : {}),
    ...(c.hiddenEn.length > 0 ? { hiddenLabel: { en: c.hiddenEn } } : {}),
    ...(c.note
      ? { scopeNote: { en: c.note.en, ...(c.note.zh ? { 'zh-Hans': c.note.zh } : {}) } }
      : {}),
    ...(c.broader.length
      ? { broader: c.broader.map(iri) }
      : { topConceptOf: schemeIri(c.kind, site) }),
    ...(narrower.length ? { narrower: narrower.map((n) => iri(n.id)) } : {}),
    ...(c.related.length ? { related: c.related.map(iri) } : {}),
    source: c.sources.map((s) => sourceIri(s, site)),
  };
}

/** The whole thesaurus as one JSON-LD document of SKOS concept schemes, sources and concepts. */
export function thesaurusJsonLd(site: string | URL, t: Thesaurus = thesaurus()) {
  const schemes = CONCEPT_KINDS.map((kind) => ({
    id: schemeIri(kind, site),
    type: 'skos:ConceptScheme',
    title: { 'zh-Hans': KIND_LABELS[kind].zh, en: KIND_LABELS[kind].en },
  }));
  const sources = [...t.sources.values()].map((s) => ({
    id: sourceIri(s.id, site),
    bibliographicCitation: { 'zh-Hans': s.zh, en: s.en },
  }));
  const concepts = t.concepts.map((c) => conceptNode(c, t, site));
  return { '@context': CONTEXT, '@graph': [...schemes, ...sources, ...concepts] };
}

/** One concept as a JSON-LD document, for its page: the same node as in the whole thesaurus. */
export function conceptJsonLd(c: Concept, site: string | URL, t: Thesaurus = thesaurus()) {
  return { '@context': CONTEXT, ...conceptNode(c, t, site) };
}
