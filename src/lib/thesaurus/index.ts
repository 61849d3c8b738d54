/**
 * The craft thesaurus: one source for object types and forms, motifs, subjects, techniques,
 * glazes, wares, materials, trade terms and craft categories. The data live in
 * `src/data/thesaurus/*.json` (curators edit those; `sources.json` holds the citations); this
 * module only gives them types and lookups. Materials and craft categories that the controlled
 * vocabularies already hold are not copied: `vocabulary-terms.json` adds pinyin, other names and
 * sources to them, and their labels come from the vocabulary.
 * Pure: the data are bundled JSON.
 */
import attributes from '../../data/thesaurus/attributes.json' with { type: 'json' };
import formats from '../../data/thesaurus/formats.json' with { type: 'json' };
import glazes from '../../data/thesaurus/glazes.json' with { type: 'json' };
import materials from '../../data/thesaurus/materials.json' with { type: 'json' };
import motifs from '../../data/thesaurus/motifs.json' with { type: 'json' };
import objectClasses from '../../data/thesaurus/object-classes.json' with { type: 'json' };
import objectTypes from '../../data/thesaurus/object-types.json' with { type: 'json' };
import parts from '../../data/thesaurus/parts.json' with { type: 'json' };
import persons from '../../data/thesaurus/persons.json' with { type: 'json' };
import shapes from '../../data/thesaurus/shapes.json' with { type: 'json' };
import sources from '../../data/thesaurus/sources.json' with { type: 'json' };
import subjects from '../../data/thesaurus/subjects.json' with { type: 'json' };
import techniques from '../../data/thesaurus/techniques.json' with { type: 'json' };
import tradeTerms from '../../data/thesaurus/trade-terms.json' with { type: 'json' };
import vocabularyTerms from '../../data/thesaurus/vocabulary-terms.json' with { type: 'json' };
import wares from '../../data/thesaurus/wares.json' with { type: 'json' };
import { findTerm, type Lang, type VocabularyName } from '../records/vocabularies.ts';

/** The concept schemes of the thesaurus. */
export const CONCEPT_KINDS = [
  'objectType',
  'objectClass',
  'format',
  'shape',
  'part',
  'motif',
  'subject',
  'person',
  'technique',
  'glaze',
  'ware',
  'material',
  'attribute',
  'tradeTerm',
  'craftCategory',
] as const;
export type ConceptKind = (typeof CONCEPT_KINDS)[number];

/** Names of the schemes, for pages and the SKOS export. */
export const KIND_LABELS: Record<ConceptKind, { zh: string; en: string }> = {
  objectType: { zh: '器物类型', en: 'Object types' },
  objectClass: { zh: '文物类别', en: 'Classes of objects' },
  format: { zh: '书画形制', en: 'Painting and calligraphy formats' },
  shape: { zh: '器形特征', en: 'Shapes' },
  part: { zh: '器物部位', en: 'Parts of objects' },
  motif: { zh: '纹样', en: 'Motifs' },
  subject: { zh: '题材', en: 'Subjects' },
  person: { zh: '人名', en: 'Persons' },
  technique: { zh: '工艺技法', en: 'Techniques' },
  glaze: { zh: '釉色', en: 'Glazes' },
  ware: { zh: '窑口', en: 'Wares and kilns' },
  material: { zh: '材质', en: 'Materials' },
  attribute: { zh: '修饰语', en: 'Qualifiers' },
  tradeTerm: { zh: '行业术语', en: 'Trade terms' },
  craftCategory: { zh: '工艺门类', en: 'Craft categories' },
};

/** A citation a concept's labels rest on (`sources.json`). */
export interface ThesaurusSource {
  id: string;
  zh: string;
  en: string;
  url?: string;
}

/** A concept as stored in a kind's data file. */
export interface StoredConcept {
  id: string;
  zh: string;
  en: string;
  pinyin: string;
  altZh?: string[];
  altEn?: string[];
  /** Misspellings found in source data: matched and searched, never shown (skos:hiddenLabel). */
  hiddenEn?: string[];
  broader?: string[];
  related?: string[];
  note?: { zh?: string | undefined; en: string };
  sources: string[];
  /** The form used in front of an object name in a Chinese title, when not the label ('' = none). */
  titleZh?: string;
}

/** Additions to a term of a controlled vocabulary (`vocabulary-terms.json`). */
export interface VocabularyConcept extends Omit<StoredConcept, 'zh' | 'en'> {
  vocabulary: string;
  key: string;
}

/** A concept with everything resolved: labels, kind, and where it is stored. */
export interface Concept {
  id: string;
  kind: ConceptKind;
  zh: string;
  en: string;
  pinyin: string;
  altZh: string[];
  altEn: string[];
  hiddenEn: string[];
  broader: string[];
  related: string[];
  note?: { zh?: string | undefined; en: string } | undefined;
  sources: string[];
  titleZh?: string | undefined;
  /** For a vocabulary term: which vocabulary and key. */
  vocabulary?: { name: VocabularyName; key: string } | undefined;
  /** Data file, relative to `src/data/thesaurus/`. */
  file: string;
}

/** A kind's data file as stored. */
export interface ConceptFile {
  file: string;
  kind: string;
  concepts: StoredConcept[];
}

export const CONCEPT_FILES: ConceptFile[] = [
  { file: 'object-types.json', ...objectTypes },
  { file: 'object-classes.json', ...objectClasses },
  { file: 'formats.json', ...formats },
  { file: 'shapes.json', ...shapes },
  { file: 'parts.json', ...parts },
  { file: 'motifs.json', ...motifs },
  { file: 'subjects.json', ...subjects },
  { file: 'persons.json', ...persons },
  { file: 'techniques.json', ...techniques },
  { file: 'glazes.json', ...glazes },
  { file: 'wares.json', ...wares },
  { file: 'materials.json', ...materials },
  { file: 'attributes.json', ...attributes },
  { file: 'trade-terms.json', ...tradeTerms },
];

export const VOCABULARY_CONCEPTS: VocabularyConcept[] = vocabularyTerms.terms;
export const THESAURUS_SOURCES: ThesaurusSource[] = sources;

const VOCABULARY_KIND: Partial<Record<string, { name: VocabularyName; kind: ConceptKind }>> = {
  materials: { name: 'materials', kind: 'material' },
  craftCategories: { name: 'craftCategories', kind: 'craftCategory' },
};

/** Whether `kind` names a concept scheme of the thesaurus. */
export function isKind(kind: string): kind is ConceptKind {
  return (CONCEPT_KINDS as readonly string[]).includes(kind);
}

function resolve(c: StoredConcept, kind: ConceptKind, file: string): Omit<Concept, 'zh' | 'en'> {
  return {
    id: c.id,
    kind,
    pinyin: c.pinyin,
    altZh: c.altZh ?? [],
    altEn: c.altEn ?? [],
    hiddenEn: c.hiddenEn ?? [],
    broader: c.broader ?? [],
    related: c.related ?? [],
    note: c.note,
    sources: c.sources,
    titleZh: c.titleZh,
    file,
  };
}

/** Every concept, vocabulary terms included, in file order. Unknown kinds are left to the check. */
export function loadConcepts(
  files: readonly ConceptFile[] = CONCEPT_FILES,
  vocabularyConcepts: readonly VocabularyConcept[] = VOCABULARY_CONCEPTS,
): Concept[] {
  const concepts: Concept[] = [];
  for (const { file, kind, concepts: stored } of files) {
    if (!isKind(kind)) continue;
    for (const c of stored) concepts.push({ ...resolve(c, kind, file), zh: c.zh, en: c.en });
  }
  for (const v of vocabularyConcepts) {
    const target = VOCABULARY_KIND[v.vocabulary];
    const term = target ? findTerm(target.name, v.key) : undefined;
    if (!target || !term) continue;
    concepts.push({
      ...resolve({ ...v, zh: term.zh, en: term.en }, target.kind, 'vocabulary-terms.json'),
      zh: term.zh,
      en: term.en,
      vocabulary: { name: target.name, key: v.key },
    });
  }
  return concepts;
}

/** The thesaurus with its lookups, built once. */
export interface Thesaurus {
  concepts: Concept[];
  byId: ReadonlyMap<string, Concept>;
  /** Narrower concepts of each concept (the inverse of `broader`). */
  narrower: ReadonlyMap<string, Concept[]>;
  /** Related concepts of each concept, either way (SKOS `related` is symmetric). */
  relatedEitherWay: ReadonlyMap<string, Concept[]>;
  sources: ReadonlyMap<string, ThesaurusSource>;
}

export function buildThesaurus(
  concepts: Concept[] = loadConcepts(),
  sourceList: readonly ThesaurusSource[] = THESAURUS_SOURCES,
): Thesaurus {
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const narrower = new Map<string, Concept[]>();
  const related = new Map<string, Set<Concept>>();
  const relate = (a: string, b: Concept | undefined) => {
    if (b) related.set(a, (related.get(a) ?? new Set()).add(b));
  };
  for (const c of concepts) {
    for (const b of c.broader) narrower.set(b, [...(narrower.get(b) ?? []), c]);
    for (const r of c.related) {
      relate(c.id, byId.get(r));
      relate(r, c);
    }
  }
  return {
    concepts,
    byId,
    narrower,
    relatedEitherWay: new Map([...related].map(([id, set]) => [id, [...set]])),
    sources: new Map(sourceList.map((s) => [s.id, s])),
  };
}

let cached: Thesaurus | undefined;

/** The project's thesaurus. */
export function thesaurus(): Thesaurus {
  cached ??= buildThesaurus();
  return cached;
}

export function findConcept(id: string, t: Thesaurus = thesaurus()): Concept | undefined {
  return t.byId.get(id);
}

export function conceptLabel(concept: Concept, lang: Lang): string {
  return concept[lang];
}

/** The concept and its broader concepts, nearest first (each once, cycles cut). */
export function withBroader(concept: Concept, t: Thesaurus = thesaurus()): Concept[] {
  const seen = new Set<string>();
  const out: Concept[] = [];
  const queue = [concept];
  while (queue.length > 0) {
    const c = queue.shift()!;
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    out.push(c);
    for (const b of c.broader) {
      const parent = t.byId.get(b);
      if (parent) queue.push(parent);
    }
  }
  return out;
}

/** Every label of a concept in one language (preferred first; hidden English labels last). */
export function labelsOf(concept: Concept, lang: Lang, hidden = false): string[] {
  return lang === 'zh'
    ? [concept.zh, ...concept.altZh]
    : [concept.en, ...concept.altEn, ...(hidden ? concept.hiddenEn : [])];
}
