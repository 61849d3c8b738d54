/**
 * The comparison view in Chromium: two works side by side from a shareable address, their
 * records aligned row by row, deep zoom of both at once (moving one moves the other), by
 * keyboard, with no axe violations; a work page links to it.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Response } from '@playwright/test';

// the two works whose pictures have IIIF tiles: the carved panel's still and the doucai censer
const A = 'BGW-000102';
const B = 'BGW-001330';
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The zoom each deep-zoom canvas reports after it moves. */
const zooms = (page: Page) =>
  page.$$eval('.compare-zoom-canvas', (els) => els.map((e) => Number(e.getAttribute('data-zoom'))));

test.describe('compare two works', () => {
  test('shows both works and their records row by row, from a shareable address', async ({
    page,
  }) => {
    await page.goto(`/compare/?a=${A}&b=${B}`);
    const table = page.locator('.compare-table');
    await expect(table).toBeVisible();
    const headers = await table.locator('thead th').allInnerTexts();
    expect(headers).toHaveLength(2);
    await expect(table.locator('tbody th').first()).toHaveText('名称');
    const titles = table.locator('tbody tr').first().locator('td');
    await expect(titles.nth(0)).toHaveText(headers[0]!);
    await expect(titles.nth(1)).toHaveText(headers[1]!);
    await expect(page.locator('.compare-pictures img')).toHaveCount(2);
    await expect(page.locator('.compare-form input[name="a"]')).toHaveValue(A);
    const { violations } = await new AxeBuilder({ page }).withTags(wcag).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
  });

  test('zooms both pictures together, by keyboard', async ({ page }) => {
    await page.goto(`/en/compare/?a=${A}&b=${B}`);
    const open = page.getByRole('button', { name: 'Zoom both pictures together' });
    await open.focus();
    await page.keyboard.press('Enter');
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    await page.locator('.compare-zoom[data-ready]').waitFor();
    const before = await zooms(page);
    // the first viewer's canvas takes the keys; the second follows it
    await page.locator('.compare-zoom-canvas').first().locator('[tabindex]').first().focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect
      .poll(async () => {
        const [a, b] = await zooms(page);
        return a! > before[0]! && Math.abs(a! - b!) < 1e-6;
      })
      .toBe(true);
    const { violations } = await new AxeBuilder({ page }).withTags(wcag).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
  });

  test('names a work that does not exist, and a work page links to the comparison', async ({
    page,
  }) => {
    await page.goto(`/compare/?a=${A}&b=BGW-999999`);
    await expect(page.getByRole('status')).toHaveText(/BGW-999999/);
    await expect(page.locator('.compare-table')).toBeHidden();
    // the comparison's script is fetched only on its own view
    const scripts: Promise<string>[] = [];
    const collect = (response: Response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.text());
    };
    page.on('response', collect);
    await page.goto('/works/chaozhou-carved-panel-illustration/');
    await page.waitForLoadState('networkidle');
    page.off('response', collect);
    expect((await Promise.all(scripts)).some((s) => s.includes('compare-zoom-canvas'))).toBe(false);
    await page.getByRole('link', { name: '与另一件作品比较' }).click();
    await expect(page).toHaveURL(new RegExp(`/compare/\\?a=${A}$`));
    await expect(page.locator('.compare-form input[name="a"]')).toHaveValue(A);
  });
});
