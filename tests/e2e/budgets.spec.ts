import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { pageTypes, workWithoutModel } from './pages.ts';

/** Gzip size of every script the page loads, in bytes. */
async function scriptBytes(page: Page, path: string): Promise<number> {
  const sizes: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      sizes.push(response.body().then((body) => gzipSync(body).length));
    }
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

test.describe('page weight budgets', () => {
  const budgets: [string, () => string, number][] = [
    ['home page', () => '/', 60_000],
    ['work page without a model', workWithoutModel, 50_000],
    ['works gallery', () => '/works/', 50_000],
  ];
  for (const [name, path, budget] of budgets) {
    test(`the ${name} ships at most ${budget / 1000} KB of JavaScript (gzip)`, async ({ page }) => {
      const bytes = await scriptBytes(page, path());
      console.log(
        `budget: ${name} ${path()} ships ${(bytes / 1000).toFixed(1)} KB of JavaScript (gzip), budget ${budget / 1000} KB`,
      );
      expect(bytes).toBeLessThanOrEqual(budget);
    });
  }
});

test.describe('requests', () => {
  for (const path of pageTypes()) {
    test(`${path} requests nothing outside the site and the search host`, async ({
      page,
      baseURL,
    }) => {
      const allowed = new Set([new URL(baseURL ?? 'http://127.0.0.1').host]);
      if (process.env.MEILI_HOST) allowed.add(new URL(process.env.MEILI_HOST).host);
      const outside: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol.startsWith('http') && !allowed.has(url.host)) outside.push(request.url());
      });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(outside).toEqual([]);
    });
  }
});
