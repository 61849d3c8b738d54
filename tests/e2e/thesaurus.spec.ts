/**
 * The thesaurus on the built site: a concept page in both languages with its labels, pinyin,
 * scope note, sources and hierarchy, linking to real works that use it (and the works back to
 * it), its search link answered by the real Meilisearch, the index page, and the SKOS IRIs of
 * `/data/thesaurus.jsonld`, which are the concept pages' own addresses.
 */
import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { loadRecords } from '../../scripts/lib/content.ts';
import { thesaurus } from '../../src/lib/thesaurus/index.ts';
import { pages } from './pages.ts';

const root = resolve(import.meta.dirname, '../..');
const works = loadRecords(root).records.filter((r) => r.collection === 'works');
const vase = thesaurus().byId.get('vase')!;
/** Works whose object type is 瓶 vase, by folder name. */
const vaseWorks = new Set(
  works.filter((w) => 'objectType' in w.data && w.data.objectType === 'vase').map((w) => w.slug),
);

type Node = Record<string, unknown>;

test.describe('a concept page', () => {
  test('shows the Chinese page with both languages, pinyin, note, source and hierarchy', async ({
    page,
  }) => {
    await page.goto('/thesaurus/vase/');
    await expect(page.locator('h1')).toHaveText('瓶');
    await expect(page.locator('[data-label="zh"]')).toHaveText('瓶');
    await expect(page.locator('[data-label="pinyin"]')).toHaveText('píng');
    await expect(page.locator('[data-label="en"]')).toHaveText('vase');
    await expect(page.locator('[data-label="alt-zh"]')).toContainText('瓶子');
    await expect(page.locator('[data-label="alt-en"]')).toContainText('bottle');
    await expect(page.locator('.concept-details')).toContainText(vase.note!.zh!);
    await expect(page.locator('[data-source="aat"]')).toContainText('艺术与建筑叙词表');
    const broader = page.locator('[data-relation="broader"] a');
    await expect(broader).toHaveAttribute('href', '/thesaurus/vessel/');
    await expect(broader).toHaveText('容器');
    await expect(
      page.locator('[data-relation="narrower"] a[href="/thesaurus/meiping/"]'),
    ).toHaveText('梅瓶');
  });

  test('lists real works of the type, which link back to the concept', async ({ page }) => {
    await page.goto('/thesaurus/vase/');
    const cards = page.locator('[data-works="classified"] .card h3 a');
    expect(await cards.count()).toBeGreaterThan(0);
    for (const href of await cards.evaluateAll((links) =>
      links.map((a) => a.getAttribute('href') ?? ''),
    ))
      expect(vaseWorks, href).toContain(href.replace(/^\/works\/|\/$/g, ''));
    await cards.first().click();
    await expect(page).toHaveURL(/\/works\/[^/]+\/$/);
    const type = page.locator('[data-object-type] a');
    await expect(type).toHaveText('瓶');
    await type.click();
    await expect(page).toHaveURL(/\/thesaurus\/vase\/$/);
  });

  test('leads to all of its works in search, through the object-type facet', async ({ page }) => {
    await page.goto('/thesaurus/vase/');
    expect(vaseWorks.size).toBeGreaterThan(24);
    const all = page.locator('[data-works="classified"] a[href^="/search/"]');
    await expect(all).toContainText(`${vaseWorks.size}件`);
    await all.click();
    await expect(page).toHaveURL(/[?&]object=%E7%93%B6/);
    await expect(page.getByRole('status').first()).toContainText(`共 ${vaseWorks.size} 条结果`);
  });

  test('shows the English page in English, with the Chinese label and pinyin', async ({ page }) => {
    await page.goto('/en/thesaurus/vase/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('h1')).toHaveText('vase');
    await expect(page.locator('.record-header [lang="zh-Hans"]')).toHaveText('瓶');
    await expect(page.locator('.record-header [lang="zh-Latn-pinyin"]')).toHaveText('píng');
    await expect(page.locator('.concept-details')).toContainText(vase.note!.en);
    await expect(page.locator('[data-source="aat"]')).toContainText('Art & Architecture Thesaurus');
    await expect(page.locator('[data-relation="broader"] a')).toHaveAttribute(
      'href',
      '/en/thesaurus/vessel/',
    );
    const card = page.locator('[data-works="classified"] .card h3 a').first();
    const href = (await card.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/en\/works\//);
    expect(vaseWorks).toContain(href.replace(/^\/en\/works\/|\/$/g, ''));
    await card.click();
    await expect(page.locator('[data-object-type] a')).toHaveAttribute(
      'href',
      '/en/thesaurus/vase/',
    );
  });

  test('runs no script', async ({ page }) => {
    for (const path of [
      '/thesaurus/vase/',
      '/en/thesaurus/vase/',
      '/thesaurus/',
      '/thesaurus/schemes/objectType/',
    ]) {
      await page.goto(path);
      expect(await page.locator('script:not([type="application/ld+json"])').count(), path).toBe(0);
    }
  });
});

test.describe('thesaurus IRIs', () => {
  test('are the concept pages: each IRI is a built page, the page names itself by it', async ({
    page,
    request,
  }) => {
    const doc = (await (await request.get('/data/thesaurus.jsonld')).json()) as {
      '@graph': Node[];
    };
    const concepts = doc['@graph'].filter((n) => n['type'] === 'skos:Concept');
    expect(concepts).toHaveLength(thesaurus().concepts.length);
    await page.goto('/thesaurus/vase/');
    const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href')) ?? '';
    const site = new URL(canonical).origin;
    for (const node of concepts) {
      const iri = String(node['id']);
      expect(iri).toBe(`${site}/thesaurus/${String(node['notation'])}/`);
      expect(pages, iri).toContain(new URL(iri).pathname);
    }
    const schemes = doc['@graph'].filter((n) => n['type'] === 'skos:ConceptScheme');
    for (const node of schemes)
      expect(pages, String(node['id'])).toContain(new URL(String(node['id'])).pathname);
    const vaseNode = concepts.find((n) => n['notation'] === 'vase')!;
    expect(vaseNode['inScheme']).toBe(`${site}/thesaurus/schemes/objectType/`);
    expect(vaseNode['id']).toBe(canonical);
    await expect(page.locator('[data-iri]')).toHaveText(canonical);
    const embedded = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    ) as Node;
    expect(embedded['id']).toBe(canonical);
    expect(embedded['broader']).toEqual([`${site}/thesaurus/vessel/`]);
  });
});

test.describe('the thesaurus index and scheme pages', () => {
  test('lists each scheme with its top concepts, and the sources', async ({ page }) => {
    await page.goto('/thesaurus/');
    await expect(page.locator('h1')).toHaveText('术语表');
    const types = page.locator('section#objectType');
    await expect(types.locator('h2 a')).toHaveAttribute('href', '/thesaurus/schemes/objectType/');
    await expect(types.locator('h2')).toHaveText('器物类型');
    await expect(types.locator('a[href="/thesaurus/vessel/"]')).toHaveText('容器');
    // narrower concepts are on the scheme's page, not among the top concepts
    await expect(types.locator('a[href="/thesaurus/vase/"]')).toHaveCount(0);
    await expect(page.locator('#source-aat')).toContainText('艺术与建筑叙词表');
    await page.goto('/en/thesaurus/');
    await expect(page.locator('section#motif h2')).toHaveText('Motifs');
  });

  test('shows a scheme as trees, narrower concepts nested, with their works', async ({ page }) => {
    await page.goto('/thesaurus/schemes/objectType/');
    await expect(page.locator('h1')).toHaveText('器物类型');
    const vase = page.locator('li:has(> a[href="/thesaurus/vase/"])');
    await expect(vase.locator(':scope > .concept-count')).toContainText(/（\d+件）/);
    await expect(vase.locator(':scope > ul a[href="/thesaurus/meiping/"]')).toHaveText('梅瓶');
    await expect(
      page.locator('li:has(> a[href="/thesaurus/vessel/"]) > ul > li > a[href="/thesaurus/vase/"]'),
    ).toHaveCount(1);
    await page.goto('/en/thesaurus/schemes/objectType/');
    await expect(page.locator('h1')).toHaveText('Object types');
    await expect(page.locator('a[href="/en/thesaurus/meiping/"]')).toHaveText('meiping');
  });

  test('is linked from every page footer and the open-data section of About', async ({ page }) => {
    await page.goto('/en/about/');
    await expect(page.locator('.site-footer a[href="/en/thesaurus/"]')).toBeVisible();
    await expect(page.locator('a[href="/data/thesaurus.jsonld"]')).toBeVisible();
    await expect(page.locator('a[href="/data/thesaurus.csv"]')).toBeVisible();
  });
});
