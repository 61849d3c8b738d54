/**
 * Browse by colour: the page lists the colour families that have works, each a plain link to
 * search with the colour facet set, and the count on the page is the number of works the real
 * Meilisearch finds for it.
 */
import { expect, test } from '@playwright/test';

test.describe('browse by colour', () => {
  test('lists families with works, and each count is what search finds', async ({ page }) => {
    await page.goto('/colours/');
    const families = page.locator('a.family');
    expect(await families.count()).toBeGreaterThan(3);
    // the family with the most works, and one of its named colours
    const texts = await families.allInnerTexts();
    const counts = texts.map((t) => Number(/(\d+)\s*件/.exec(t)?.[1] ?? 0));
    expect(counts.every((n) => n > 0)).toBe(true);
    const top = counts.indexOf(Math.max(...counts));
    const name = (await families.nth(top).locator('.name').innerText()).trim();
    await families.nth(top).click();
    await expect(page).toHaveURL(/\/search\/\?.*colour=/);
    await expect(page.getByRole('status').first()).toHaveText(
      new RegExp(`共 ${String(counts[top])} 条结果`),
    );
    await expect(page.locator('.search-hit').first()).toBeVisible();
    await expect(page.getByRole('button', { name: new RegExp(name) }).first()).toBeVisible();
  });

  test('names the colours in English on the English page, with the Chinese names', async ({
    page,
  }) => {
    await page.goto('/en/colours/');
    await expect(page.locator('h1')).toHaveText('Browse by colour');
    const shade = page.locator('.shades a').first();
    await expect(shade).toContainText(/\p{Script=Han}+ · [a-z]/u);
    await shade.click();
    await expect(page).toHaveURL(/\/en\/search\/\?.*shade=/);
    await expect(page.locator('.search-hit').first()).toBeVisible();
  });
});
