/**
 * The thesaurus as SKOS: the JSON-LD parses with a real JSON-LD processor (jsonld.js, offline:
 * the context is inline), every concept has labels in both languages and a source, and its IRI
 * is the address of its page on the configured site.
 */
import jsonld, { type JsonLdDocument } from 'jsonld';
import { describe, expect, it } from 'vitest';
import { thesaurusCsv } from '../../../src/lib/research/open-data.ts';
import { CONCEPT_KINDS, thesaurus } from '../../../src/lib/thesaurus/index.ts';
import { conceptIri, conceptPath } from '../../../src/lib/thesaurus/paths.ts';
import { conceptJsonLd, thesaurusJsonLd } from '../../../src/lib/research/thesaurus-skos.ts';
import { SITE } from './fixtures.ts';

const SKOS = 'http://www.w3.org/2004/02/skos/core#';
// no network: any remote context or document fails the test
const offline = { documentLoader: () => Promise.reject(new Error('no network')) } as never;
const document = (site = SITE) => thesaurusJsonLd(site) as unknown as JsonLdDocument;
type Node = Record<string, unknown>;

describe('thesaurus SKOS', () => {
  it('expands to RDF in which every concept has a Chinese and an English label and a source', async () => {
    const nquads = (await jsonld.toRDF(document(), {
      ...(offline as object),
      format: 'application/n-quads',
    })) as unknown as string;
    const lines = nquads.split('\n').filter(Boolean);
    const concepts = lines
      .filter((l) => l.includes(`<${SKOS}Concept>`))
      .map((l) => l.split(' ')[0]!);
    expect(concepts.length).toBe(thesaurus().concepts.length);
    expect(concepts.length).toBeGreaterThan(300);
    for (const subject of concepts) {
      const about = lines.filter((l) => l.startsWith(`${subject} `));
      expect(about.some((l) => l.includes(`${SKOS}prefLabel`) && l.endsWith('@zh-hans .'))).toBe(
        true,
      );
      expect(about.some((l) => l.includes(`${SKOS}prefLabel`) && l.endsWith('@en .'))).toBe(true);
      expect(about.some((l) => l.includes('http://purl.org/dc/terms/source'))).toBe(true);
    }
  });

  it('links broader and narrower both ways', async () => {
    const expanded = (await jsonld.expand(document(), offline as object)) as Record<
      string,
      unknown
    >[];
    const meiping = expanded.find((n) => n['@id'] === conceptIri('meiping', SITE));
    expect(JSON.stringify(meiping?.[`${SKOS}broader`])).toContain(conceptIri('vase', SITE));
    const vase = expanded.find((n) => n['@id'] === conceptIri('vase', SITE));
    expect(JSON.stringify(vase?.[`${SKOS}narrower`])).toContain(conceptIri('meiping', SITE));
  });

  it('writes one CSV row per concept', () => {
    const rows = thesaurusCsv({ site: SITE }).trim().split(/\r?\n/);
    expect(rows.length).toBe(thesaurus().concepts.length + 1);
    expect(rows[0]).toMatch(/^id,kind,zh,en,pinyin/);
  });
});

describe('thesaurus IRIs', () => {
  const graph = (site: string) =>
    (thesaurusJsonLd(site)['@graph'] as Node[]).filter((n) => n['type'] === 'skos:Concept');

  it('names each concept by the address of its Chinese page on the configured site', () => {
    const nodes = graph(SITE);
    expect(nodes).toHaveLength(thesaurus().concepts.length);
    for (const node of nodes) {
      const id = String(node['notation']);
      expect(node['id']).toBe(`${SITE}${conceptPath(id, 'zh')}`);
      expect(node['id']).toBe(`${SITE}/thesaurus/${id}/`);
    }
    expect(JSON.stringify(thesaurusJsonLd(SITE))).not.toContain('baigong.example/');
  });

  it('follows the site address it is built for', () => {
    const other = 'https://crafts.example.net';
    const meiping = graph(other).find((n) => n['notation'] === 'meiping')!;
    expect(meiping['id']).toBe(`${other}/thesaurus/meiping/`);
    expect(meiping['broader']).toEqual([`${other}/thesaurus/vase/`]);
    expect(meiping['inScheme']).toBe(`${other}/thesaurus/schemes/objectType/`);
    expect(meiping['source']).toContain(`${other}/thesaurus/#source-aat`);
  });

  it('links only to concepts, schemes and sources the document describes', async () => {
    const expanded = (await jsonld.expand(document(), offline as object)) as Node[];
    const described = new Set(expanded.map((n) => String(n['@id'])));
    for (const kind of CONCEPT_KINDS)
      expect(described).toContain(`${SITE}/thesaurus/schemes/${kind}/`);
    for (const node of expanded)
      for (const property of ['broader', 'narrower', 'related', 'inScheme'])
        for (const link of (node[`${SKOS}${property}`] ?? []) as { '@id': string }[])
          expect(described, `${String(node['@id'])} ${property}`).toContain(link['@id']);
  });

  it('describes a concept on its page as in the whole thesaurus', () => {
    const vase = thesaurus().byId.get('vase')!;
    const { '@context': context, ...node } = conceptJsonLd(vase, SITE);
    expect(context).toEqual(thesaurusJsonLd(SITE)['@context']);
    expect(graph(SITE).find((n) => n['notation'] === 'vase')).toEqual(node);
    expect(node.id).toBe(conceptIri('vase', SITE));
  });
});
