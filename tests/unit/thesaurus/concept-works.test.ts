/**
 * The works-by-concept index the concept pages read (built once per build), the outline of the
 * thesaurus index page, and the search links of a concept page: on small hand-made works, on the
 * real archive and at 100,000 works.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecords } from '../../../scripts/lib/content.ts';
import { thesaurus } from '../../../src/lib/thesaurus/index.ts';
import { schemeTree, type ConceptNode } from '../../../src/lib/thesaurus/tree.ts';
import {
  CONCEPT_WORKS_SHOWN,
  conceptSearchParams,
  conceptWorksIndex,
  firstWorks,
  type ConceptUser,
} from '../../../src/lib/thesaurus/usage.ts';
import { searchPath } from '../../../src/lib/site/urls.ts';

interface TestWork extends ConceptUser {
  id: string;
}

const work = (id: string, fields: Partial<ConceptUser> = {}): TestWork => ({
  id,
  concepts: [],
  materials: [],
  category: 'painting',
  ...fields,
});
const ids = (list: readonly TestWork[] | undefined) => (list ?? []).map((w) => w.id);
const concept = (id: string) => thesaurus().byId.get(id)!;

describe('works by concept', () => {
  const works = [
    work('W-1', { objectType: 'meiping', concepts: ['cloud-dragon', 'cloud-dragon'] }),
    work('W-2', { objectType: 'vase', concepts: ['meiping'], materials: ['porcelain'] }),
    work('W-3', { concepts: ['no-such-concept'], category: 'ceramics' }),
    work('W-4', { objectType: 'meiping', materials: ['porcelain', 'porcelain'] }),
  ];
  const index = conceptWorksIndex(works, (w) => w);

  it('lists a work under its object type as classified and under its concepts as tagged', () => {
    expect(ids(index.get('meiping')?.classified)).toEqual(['W-1', 'W-4']);
    expect(ids(index.get('meiping')?.tagged)).toEqual(['W-2']);
    expect(index.get('meiping')?.total).toBe(3);
    expect(ids(index.get('vase')?.classified)).toEqual(['W-2']);
  });

  it('lists a work once under a concept it names twice', () => {
    expect(ids(index.get('cloud-dragon')?.tagged)).toEqual(['W-1']);
    expect(index.get('cloud-dragon')?.total).toBe(1);
    expect(ids(index.get('material-porcelain')?.classified)).toEqual(['W-2', 'W-4']);
  });

  it('classifies works by the thesaurus concepts of their material and craft category', () => {
    expect(ids(index.get('material-porcelain')?.classified)).toEqual(['W-2', 'W-4']);
    expect(ids(index.get('category-ceramics')?.classified)).toEqual(['W-3']);
    expect(ids(index.get('category-painting')?.classified)).toEqual(['W-1', 'W-2', 'W-4']);
  });

  it('leaves out IDs that are not concepts, and concepts no work uses', () => {
    expect(index.has('no-such-concept')).toBe(false);
    expect(index.has('yuhuchun')).toBe(false);
  });

  it('gives a page the first works of a list and the number of all', () => {
    const many = Array.from({ length: CONCEPT_WORKS_SHOWN + 5 }, (_, i) => work(`W-${i}`));
    const { shown, count } = firstWorks(many);
    expect(shown).toHaveLength(CONCEPT_WORKS_SHOWN);
    expect(shown[0]?.id).toBe('W-0');
    expect(count).toBe(CONCEPT_WORKS_SHOWN + 5);
  });
});

describe('works by concept on the real archive', () => {
  const root = resolve(import.meta.dirname, '../../..');
  const works = loadRecords(root).records.flatMap((r) => (r.collection === 'works' ? [r] : []));
  const index = conceptWorksIndex(works, (w) => w.data);

  it('lists every work under its object type and each of its concepts', () => {
    const typed = works.filter((w) => w.data.objectType);
    expect(typed.length).toBeGreaterThan(500);
    for (const w of typed) expect(index.get(w.data.objectType!)?.classified).toContain(w);
    for (const w of works)
      for (const id of w.data.concepts) expect(index.get(id)?.tagged).toContain(w);
    const classifiedByType = [...index.entries()]
      .filter(([id]) => ['objectType', 'format'].includes(thesaurus().byId.get(id)!.kind))
      .reduce((sum, [, usage]) => sum + usage.classified.length, 0);
    expect(classifiedByType).toBe(typed.length);
  });
});

describe('works by concept at 100,000 works', () => {
  it('is built in one pass, and a page reads at most its capped lists', () => {
    const types = thesaurus().concepts.filter((c) => c.kind === 'objectType');
    const motifs = thesaurus().concepts.filter((c) => c.kind === 'motif');
    const works = Array.from({ length: 100_000 }, (_, i) =>
      work(`W-${i}`, {
        objectType: types[i % types.length]!.id,
        concepts: [motifs[(i * 7) % motifs.length]!.id],
        materials: ['porcelain'],
      }),
    );
    const started = performance.now();
    const index = conceptWorksIndex(works, (w) => w);
    const seconds = (performance.now() - started) / 1000;
    console.log(`works by concept: 100,000 works indexed in ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(10);
    expect(index.get('material-porcelain')?.total).toBe(100_000);
    const vase = index.get('vase')!;
    expect(vase.classified.length).toBeGreaterThan(CONCEPT_WORKS_SHOWN);
    expect(firstWorks(vase.classified).shown).toHaveLength(CONCEPT_WORKS_SHOWN);
  });
});

describe('search links of a concept page', () => {
  it('filters by the object-type facet in the page language for works of that type', () => {
    expect(conceptSearchParams(concept('meiping'), 'classified', 'zh')).toEqual({
      type: 'works',
      object: '梅瓶',
    });
    expect(searchPath(conceptSearchParams(concept('vase'), 'classified', 'en'), 'en')).toBe(
      '/en/search/?type=works&object=vase',
    );
  });

  it('filters by the material and craft-category facets by their keys', () => {
    expect(conceptSearchParams(concept('material-porcelain'), 'classified', 'zh')).toEqual({
      type: 'works',
      material: 'porcelain',
    });
    expect(conceptSearchParams(concept('category-ceramics'), 'classified', 'en')).toEqual({
      type: 'works',
      category: 'ceramics',
    });
  });

  it('searches for the label where no facet holds the concept', () => {
    expect(searchPath(conceptSearchParams(concept('meiping'), 'tagged', 'zh'), 'zh')).toBe(
      `/search/?type=works&q=${encodeURIComponent('梅瓶')}`,
    );
  });
});

describe('thesaurus outline', () => {
  const flat = (nodes: ConceptNode[]): string[] =>
    nodes.flatMap((n) => [n.concept.id, ...flat(n.children)]);

  it('nests a concept under its broader concept of the same scheme', () => {
    const tree = schemeTree('objectType');
    const vase = flat(tree).includes('vase');
    expect(vase).toBe(true);
    const find = (nodes: ConceptNode[], id: string): ConceptNode | undefined =>
      nodes.map((n) => (n.concept.id === id ? n : find(n.children, id))).find(Boolean);
    expect(find(tree, 'vase')?.children.map((n) => n.concept.id)).toContain('meiping');
    expect(tree.map((n) => n.concept.id)).not.toContain('meiping');
  });

  it('shows every concept of every scheme', () => {
    for (const kind of new Set(thesaurus().concepts.map((c) => c.kind))) {
      const shown = new Set(flat(schemeTree(kind)));
      const all = thesaurus().concepts.filter((c) => c.kind === kind);
      expect(all.filter((c) => !shown.has(c.id)).map((c) => c.id)).toEqual([]);
    }
  });
});
