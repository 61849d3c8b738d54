/**
 * 百工人物 on the built site, checked against the official list itself
 * (shared/data/people/ich-inheritors-crafts.csv): an inheritor of every batch on their page, what
 * no page may show, the inheritors of 广彩, 粤绣, 石湾陶塑 and of Guangdong, the people index
 * with and without script, and search on the real Meilisearch.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../../scripts/lib/import/source.ts';
import { readFrontmatter } from '../../scripts/lib/import/registry.ts';
import { dist } from './pages.ts';

const repo = resolve(import.meta.dirname, '../..');
const shared = [resolve(repo, '../shared/data'), resolve(repo, '../../shared/data')].find((d) =>
  existsSync(d),
);
const csvPath = shared ? join(shared, 'people', 'ich-inheritors-crafts.csv') : '';
test.skip(!existsSync(csvPath), 'needs ../shared/data (the official list)');

type Row = Record<string, string>;
const rows = (existsSync(csvPath) ? parseCsv(readFileSync(csvPath, 'utf8')) : []).map(
  (r) => r.data as Row,
);

interface Person {
  slug: string;
  data: Record<string, unknown>;
}
/** Imported people by the list's ihchina_id (their import key). */
const imported = new Map<string, Person>();
const peopleDir = join(repo, 'content', 'people');
for (const slug of readdirSync(peopleDir)) {
  const file = join(peopleDir, slug, 'index.md');
  if (!existsSync(file)) continue;
  const data = readFrontmatter(readFileSync(file, 'utf8'));
  const key = (data?.['imported'] as { mapping?: string; key?: string } | undefined) ?? {};
  if (data && key.mapping === 'ich-inheritors' && key.key) imported.set(key.key, { slug, data });
}
const personOf = (row: Row) => imported.get(row['ihchina_id'] ?? '');
const importedRows = rows.filter((r) => personOf(r));
const name = (row: Row) => (personOf(row)?.data['name'] as { zh: string; en: string }).zh;
/** Names of the imported inheritors whose list row passes `filter`. */
const namesOf = (filter: (row: Row) => boolean) => importedRows.filter(filter).map(name);

/** Visible text of the page's article. */
const articleText = async (page: Page) =>
  (await page.locator('main').innerText()).replace(/\s+/g, ' ');

/**
 * The batches the list has rows for: the second batch (2008) named inheritors of music, dance,
 * drama, quyi and folk custom, none of the craft categories.
 */
const batches = [...new Set(rows.map((r) => r['batch'] ?? ''))].sort();

test.describe('an inheritor of every batch', () => {
  test('the list has rows of batches 1 and 3 to 6', () => {
    expect(batches).toEqual(['1', '3', '4', '5', '6']);
  });

  for (const batch of batches) {
    test(`batch ${batch}: the page says what the list says, in both languages`, async ({
      page,
    }) => {
      const row = importedRows.find((r) => r['batch'] === batch);
      expect(row, `an imported inheritor of batch ${batch}`).toBeDefined();
      if (!row) return;
      const person = personOf(row)!;
      const names = person.data['name'] as { zh: string; en: string };
      await page.goto(`/people/${person.slug}/`);
      await expect(page.locator('h1')).toHaveText(names.zh);
      const zh = await articleText(page);
      const item = (person.data['designations'] as { heritage: { name: string } }[])[0]!.heritage
        .name;
      expect(item.replace(/[()（）]/g, '')).toContain(
        (row['project_name'] ?? '').replace(/[()（）].*$/, ''),
      );
      for (const fact of [
        item,
        row['project_code'],
        row['region'],
        `第${batch}批（${row['year']}年）`,
      ])
        expect(zh).toContain(fact);
      await page.goto(`/en/people/${person.slug}/`);
      await expect(page.locator('h1')).toHaveText(names.en);
      const en = await articleText(page);
      for (const fact of [row['project_code'], row['region'], `batch ${batch} (${row['year']})`])
        expect(en).toContain(fact);
    });
  }
});

test.describe('what no person page shows', () => {
  const plain = (html: string) =>
    html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
  /** The text of a built page's main element, and of its details table, without markup. */
  const texts = (path: string) => {
    const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
    const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? html;
    const details = /<dl class="meta-table">[\s\S]*?<\/dl>/.exec(main)?.[0] ?? '';
    return { text: plain(main), details: plain(details) };
  };

  test('no birth date, contact or life status the list does not give, on any inheritor page', () => {
    expect(importedRows.length).toBeGreaterThan(800);
    for (const row of importedRows) {
      const { slug } = personOf(row)!;
      for (const path of [`/people/${slug}/`, `/en/people/${slug}/`]) {
        const { text, details } = texts(path);
        const where = `${path} (${row['name']})`;
        expect(details, where).not.toBe('');
        // a birth year at most: never a month or day, never a year the sources disagree on
        expect(text, where).not.toMatch(/\b(?:19|20)\d\d(?:\.\d{1,2}|年\d{1,2}月)/);
        if (!row['birth_year']) {
          expect(text, where).not.toMatch(/\d{4}年生|born \d{4}|出生年份：|Birth year:/);
        } else {
          expect(details, where).toContain(row['birth_year']);
        }
        // dead only with a source; never "living"
        if (!row['death_year_bio']) {
          expect(text, where).not.toMatch(
            /已故|卒于|去世年份：|Deceased|died \d{4}|Year of death:/,
          );
          expect(details, where).not.toMatch(/–\d{4}|—\d{4}年/);
        } else {
          expect(details, where).toContain(row['death_year_bio']);
        }
        expect(details, where).not.toMatch(/在世|\bliving\b|\balive\b/i);
        expect(text, where).not.toMatch(
          /电话|手机|微信|邮箱|地址：|phone|e-mail|WeChat|tel:|mailto:/i,
        );
      }
    }
  });
});

test.describe('inheritors on craft and region pages', () => {
  for (const [label, slug, code] of [
    ['广彩', 'guangcai-porcelain', 'VIII-97'],
    ['粤绣', 'yue-embroidery', 'VII-20'],
    ['石湾陶塑', 'shiwan-ceramic-sculpture', 'VIII-3'],
  ] as const) {
    test(`the ${label} page lists its regional entries and every inheritor of them`, async ({
      page,
    }) => {
      const expected = namesOf((r) => r['project_code'] === code);
      expect(expected.length, label).toBeGreaterThan(1);
      await page.goto(`/crafts/${slug}/`);
      const section = page.locator('section', { has: page.locator('#entries-heading') });
      await expect(section.locator('.entry-list > li').first()).toContainText('保护单位');
      const listed = await section.locator('.inheritor-list a').allInnerTexts();
      expect(listed.sort()).toEqual([...expected].sort());
    });
  }

  test("the Guangdong region page lists Guangdong's inheritors", async ({ page }) => {
    const expected = namesOf((r) => r['province'] === '广东省');
    expect(expected.length).toBeGreaterThan(20);
    await page.goto('/regions/440000/');
    const section = page.locator('section', { has: page.locator('#inheritors-heading') });
    const listed = await section.locator('.inheritor-list a').allInnerTexts();
    expect(listed.sort()).toEqual([...expected].sort());
  });
});

test.describe('the people index', () => {
  test('lists inheritors a hundred a page without script, and stays small', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/people/');
    await expect(page.locator('#people-list > li')).toHaveCount(100);
    await expect(page.locator('#people-filters')).toBeHidden();
    await page.locator('#people-pages').getByRole('link', { name: '2', exact: true }).click();
    await expect(page).toHaveURL(/\/people\/page\/2\/$/);
    await expect(page.locator('#people-list > li')).toHaveCount(100);
    await context.close();
    const bytes = readFileSync(join(dist, 'people', 'index.html')).length;
    console.log(`people index: ${(bytes / 1000).toFixed(1)} KB of HTML`);
    expect(bytes).toBeLessThan(60_000);
  });

  test('filters by batch and province across every page, keeping the filters in the URL', async ({
    page,
  }) => {
    const expected = namesOf((r) => r['batch'] === '3' && r['province'] === '广东省');
    expect(expected.length).toBeGreaterThan(0);
    await page.goto('/people/');
    const form = page.locator('#people-filters');
    await form.getByLabel('批次').selectOption('3');
    await form.getByLabel('省份').selectOption('440000');
    await expect(page).toHaveURL(/[?&]batch=3/);
    await expect(page).toHaveURL(/[?&]province=440000/);
    await expect(page.locator('#people-list > li')).toHaveCount(expected.length);
    const listed = await page.locator('#people-list a').allInnerTexts();
    expect(listed.sort()).toEqual([...expected].sort());
    await expect(page.locator('#people-pages')).toBeHidden();
    // the same filters from a shared link
    await page.goto('/en/people/?batch=3&province=440000');
    await expect(page.locator('#people-list > li')).toHaveCount(expected.length);
  });
});

test.describe('search finds inheritors (real Meilisearch)', () => {
  const hits = (page: Page) => page.locator('.search-hit h3 a');

  test('liu with the people filter gives people called Liu', async ({ page }) => {
    await page.goto('/search/?q=liu&type=people');
    await expect(hits(page).first()).toBeVisible({ timeout: 20_000 });
    const hrefs = await hits(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.every((h) => h?.startsWith('/people/'))).toBe(true);
    const titles = await hits(page).allInnerTexts();
    expect(titles.some((t) => t.startsWith('刘'))).toBe(true);
  });

  test('a surname in characters finds its people', async ({ page }) => {
    await page.goto('/search/?q=霍&type=people');
    await expect(hits(page).first()).toBeVisible({ timeout: 20_000 });
    const titles = await hits(page).allInnerTexts();
    expect(titles).toEqual(expect.arrayContaining(['霍庆顺', '霍庆有']));
  });

  test('initials read with surname readings find the inheritor: sjj is 单嘉玖', async ({
    page,
  }) => {
    await page.goto('/search/?q=sjj');
    await expect(hits(page).first()).toHaveText('单嘉玖', { timeout: 20_000 });
    await page.goto('/search/?q=hqs&type=people');
    await expect(hits(page).first()).toHaveText('霍庆顺', { timeout: 20_000 });
  });
});
