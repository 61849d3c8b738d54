/**
 * The search page in Chromium against the real Meilisearch started by scripts/test-e2e.ts:
 * typing (Chinese, pinyin, English), the URL state, facets, opening a result, and the static
 * fallback when the search server cannot be reached.
 */
import { expect, test } from '@playwright/test';

const box = (name: string) => ({ name, exact: true });

test.describe('search page', () => {
  test('reads q from the URL and finds 广彩 by pinyin', async ({ page }) => {
    await page.goto('/search/?q=guangcai');
    const input = page.getByRole('searchbox', box('检索百工·云'));
    await expect(input).toHaveValue('guangcai');
    await expect(page.locator('.search-hit h3 a').first()).toContainText('广彩');
    await expect(page.getByRole('status').first()).toContainText(/共 \d+ 条结果/);
  });

  test('searches as you type, keeps the state in the URL and opens a result', async ({ page }) => {
    await page.goto('/search/');
    const input = page.getByRole('searchbox', box('检索百工·云'));
    await input.fill('jingtailan');
    const first = page.locator('.search-hit h3 a').first();
    await expect(first).toContainText('景泰蓝');
    await expect(page).toHaveURL(/[?&]q=jingtailan/);
    const href = await first.getAttribute('href');
    await first.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.locator('h1').first()).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('searchbox', box('检索百工·云'))).toHaveValue('jingtailan');
  });

  test('keeps what was typed before the live search arrived, in the same place', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 412, height: 823 });
    // Hold the live search's code until the visitor has typed into the box the page is built with.
    let release!: () => void;
    const typed = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_astro/ServerSearch.*.js', async (route) => {
      await typed;
      await route.continue();
    });
    await page.goto('/search/');
    const input = page.getByRole('searchbox', box('检索百工·云'));
    await input.fill('jingtailan');
    await expect(page.getByRole('status').first()).toHaveText('正在准备检索…');
    const before = await input.boundingBox();
    release();
    await expect(page.locator('.search-hit h3 a').first()).toContainText('景泰蓝');
    await expect(input).toHaveValue('jingtailan');
    // The live box (now with its clear button) sits exactly where the first one was.
    const after = await input.boundingBox();
    expect([after?.x, after?.y, after?.height]).toEqual([before?.x, before?.y, before?.height]);
    await expect(input).toBeFocused();
    await expect(page).toHaveURL(/[?&]q=jingtailan/);
  });

  test('offers ways to browse and loads the live search only when it is asked for', async ({
    page,
  }) => {
    const live: string[] = [];
    page.on('request', (request) => {
      if (/ServerSearch|multi-search/.test(request.url())) live.push(request.url());
    });
    await page.goto('/search/');
    const byType = page.locator('.search-browse', { hasText: '按类型浏览' });
    const works = byType.getByRole('link', { name: /^作品 \d+$/ });
    await expect(works).toHaveAttribute('href', '/search/?type=works');
    // The island has hydrated (its button works) and still nothing of the live search came.
    await page.waitForLoadState('networkidle');
    expect(live).toEqual([]);
    // A browse link is a search in the URL: the live search starts at once, filtered.
    const listed = Number((await works.textContent())?.match(/\d+/)?.[0]);
    await works.click();
    await expect(page.getByRole('status').first()).toHaveText(`共 ${listed} 条结果`);
    await expect(page.getByRole('button', { name: '移除筛选 类型: 作品' })).toBeVisible();
    expect(live.length).toBeGreaterThan(0);
  });

  test('filters with facet counts and removes a filter', async ({ page }) => {
    await page.goto('/search/');
    // Browsing every record is the live search with no query.
    await page.getByRole('link', { name: '浏览全部记录' }).click();
    const works = page
      .locator('.search-app__facet', { hasText: '类型' })
      .getByRole('checkbox')
      .first();
    await works.check();
    await expect(page).toHaveURL(/[?&]type=/);
    const remove = page.getByRole('button', { name: /移除筛选/ }).first();
    await expect(remove).toBeVisible();
    await remove.click();
    await expect(page.getByRole('button', { name: /移除筛选/ })).toHaveCount(0);
  });

  test('counts every craft in the licence facet', async ({ page }) => {
    await page.goto('/search/?type=crafts');
    const status = page.getByRole('status').first();
    // The first answer carries the facets too; give it room on a busy machine.
    await expect(status).toContainText(/共 \d+ 条结果/, { timeout: 20_000 });
    const crafts = Number((await status.textContent())?.match(/共 (\d+) 条结果/)?.[1]);
    expect(crafts).toBeGreaterThan(0);
    // Crafts state no licence of their own: their text and data are the site's CC BY 4.0.
    const licence = page
      .locator('.search-app__facet', { hasText: '许可' })
      .locator('.ais-RefinementList-item', { hasText: '知识共享 署名 4.0' });
    await expect(licence.locator('.ais-RefinementList-count')).toHaveText(String(crafts));
  });

  test('works in English and shows a no-result state', async ({ page }) => {
    await page.goto('/en/search/');
    const input = page.getByRole('searchbox', box('Search Baigong Cloud'));
    await input.fill('cloisonne');
    await expect(page.locator('.search-hit h3 a').first()).toHaveAttribute('href', /^\/en\//);
    await input.fill('zzqxqzzqx');
    await expect(page.getByText(/Nothing matches/)).toBeVisible();
  });

  test('falls back to the static index when the server is down', async ({ page }) => {
    await page.route('**/multi-search', (route) => route.abort('connectionrefused'));
    await page.goto('/search/?q=gc');
    await expect(page.getByRole('alert')).toContainText('检索服务暂时无法连接');
    await expect(page.locator('.search-app__fallback-list a').first()).toContainText('广彩');
  });
});
