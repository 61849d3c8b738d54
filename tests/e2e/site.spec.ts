import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { brokenLinks } from '../../scripts/lib/site-links.ts';
import { collections, listRecordFolders } from '../../src/lib/records/record-files.ts';
import {
  collectErrors,
  dist,
  firstUnder as first,
  pages,
  pageTypesBothLanguages,
  workWithPicture,
} from './pages.ts';

const pageTypes = pageTypesBothLanguages();
const content = resolve(import.meta.dirname, '../../content');

test.describe('every page type', () => {
  for (const path of pageTypes) {
    test(`${path} renders with a heading, a language switch and no console errors`, async ({
      page,
    }) => {
      const errors = collectErrors(page);
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').first()).toBeVisible();
      const lang = await page.locator('html').getAttribute('lang');
      expect(lang).toBe(path.startsWith('/en/') ? 'en' : 'zh-Hans');
      const other = page.locator('.header-tools a[hreflang]');
      await expect(other).toHaveAttribute(
        'href',
        path.startsWith('/en/') ? path.slice(3) : `/en${path}`,
      );
      await page.waitForLoadState('load');
      expect(errors).toEqual([]);
    });
  }
});

test.describe('the built site', () => {
  test('has a page for every record folder, none for drafts, in both languages', () => {
    // The site's loader and the commands' listRecordFolders run one rule (record-files.ts).
    for (const type of collections) {
      const folders = listRecordFolders(content, { only: [type] }).map(
        (f) => `/${type}/${f.slug}/`,
      );
      // A record page is one folder deep (/people/<slug>/); /people/page/2/ is the index's, and
      // /works/all/ is the complete gallery (a record folder named `all` would show up here).
      const recordPage = (prefix: string) => new RegExp(`^${prefix}/${type}/[^/]+/$`);
      const indexPage = (p: string) => p.replace(/^\/en\//, '/') === '/works/all/';
      const zh = pages.filter((p) => recordPage('').test(p) && !indexPage(p));
      const en = pages.filter((p) => recordPage('/en').test(p) && !indexPage(p));
      expect(zh.length, type).toBeGreaterThan(0);
      expect([...zh].sort(), type).toEqual(folders.sort());
      expect(en.map((p) => p.slice(3))).toEqual(zh);
    }
  });

  test('has no broken internal links or assets', () => {
    const broken = pages.flatMap((p) => brokenLinks(dist, p).map((link) => `${p} → ${link}`));
    expect(broken).toEqual([]);
  });

  test('answers an unknown address with the 404 page, in both languages', async ({ page }) => {
    const response = await page.goto('/en/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('页面不存在');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });

  test('forwards a permanent ID link to the record page', async ({ page }) => {
    const work = first('/works/');
    await page.goto(work);
    const id = (await page.locator('.record-ids code').textContent()) ?? '';
    await page.goto(`/id/${id}/`);
    await page.waitForURL(`**${work}`);
    await expect(page.locator('.record-ids code')).toHaveText(id);
  });
});

test.describe('the works gallery', () => {
  test('filters by category without a server and keeps the filter in the URL', async ({ page }) => {
    await page.goto('/works/');
    await expect(page.locator('#work-filters')).toHaveAttribute('data-ready', 'true');
    const all = await page.locator('#work-grid > li:visible').count();
    const select = page.locator('select[name="category"]');
    const value = await select.locator('option').nth(1).getAttribute('value');
    await select.selectOption(value ?? '');
    const shown = await page.locator('#work-grid > li:visible').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(all);
    for (const item of await page.locator('#work-grid > li:visible').all()) {
      await expect(item).toHaveAttribute('data-category', value ?? '');
    }
    expect(new URL(page.url()).searchParams.get('category')).toBe(value);
    await page.reload();
    await expect(page.locator('#work-filters')).toHaveAttribute('data-ready', 'true');
    await expect(select).toHaveValue(value ?? '');
    await expect(page.locator('#work-grid > li:visible')).toHaveCount(shown);
    await expect(page.locator('#work-count')).toHaveText(`${shown} 件作品`);
  });

  test('says how many works it shows, also before any script runs', async ({ request }) => {
    const html = await (await request.get('/en/works/')).text();
    expect(html).toMatch(/id="work-count">\s*\d+ works\s*</);
  });
});

test.describe('the visitor’s collection', () => {
  test('shows a work saved on its page, with its picture, from that work’s own JSON', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    const work = workWithPicture();
    await page.goto(work);
    const title = (await page.locator('h1').first().textContent())?.trim() ?? '';
    const save = page.locator('[data-save-id]');
    const id = await save.getAttribute('data-save-id');
    await save.click();
    await expect(save).toHaveAttribute('aria-pressed', 'true');
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto('/collection/');
    await expect(page.locator('#collection')).toHaveAttribute('data-ready', 'true');
    const card = page.locator('#collection-grid article');
    await expect(card).toHaveCount(1);
    await expect(card.locator('h2 a')).toHaveText(title);
    await expect(card.locator('h2 a')).toHaveAttribute('href', work);
    await expect(card.locator('img')).toHaveAttribute('src', /^\/media\/works\/.+\.webp$/);
    await expect(card.locator('img')).toHaveJSProperty('complete', true);
    expect(
      await card.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(0);
    // one small file per saved work, never an index of the whole archive
    expect(asked.filter((path) => path.endsWith('.json'))).toEqual([
      `/api/works/${String(id)}.json`,
    ]);
    expect(errors).toEqual([]);
  });
});

test.describe('browsing by region', () => {
  test('lists every province of the grid, each leading to its region page and back', async ({
    page,
  }) => {
    await page.goto('/en/regions/');
    const tiles = page.locator('.province-grid a');
    const listed = page.locator('.compact-list a');
    await expect(listed).toHaveCount(await tiles.count());
    expect(await listed.count()).toBeGreaterThan(0);
    await listed.first().click();
    await expect(page).toHaveURL(/\/en\/regions\/\d{6}\/$/);
    await page.locator('.kicker a').click();
    await expect(page).toHaveURL(/\/en\/regions\/$/);
    await expect(
      page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Regions' }),
    ).toHaveAttribute('aria-current', 'page');
  });
});

test.describe('the timeline', () => {
  test('shows a dozen works per period and finds all of a period in search', async ({ page }) => {
    await page.goto('/eras/');
    const eras = page.locator('.era');
    for (const era of await eras.all()) {
      expect(await era.locator('.card-grid > li').count()).toBeLessThanOrEqual(12);
    }
    const more = page.locator('.era-more a').first();
    const total = Number((await more.textContent())?.match(/\d+/)?.[0]);
    expect(total).toBeGreaterThan(12);
    await more.click();
    await expect(page).toHaveURL(/\/search\/\?type=works&period=/);
    await expect(page.getByRole('status').first()).toHaveText(`共 ${total} 条结果`);
  });
});

test.describe('the crafts directory', () => {
  test('links every craft exactly once, as a card or in a compact list', async ({ page }) => {
    await page.goto('/crafts/');
    const links = await page
      .locator('main .card a, main .compact-list a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const craftPages = pages.filter((p) => /^\/crafts\/[^/]+\/$/.test(p));
    expect(links.length).toBe(craftPages.length);
    expect(new Set(links)).toEqual(new Set(craftPages));
    expect(await page.locator('main .compact-list a').count()).toBeGreaterThan(0);
  });
});
