/**
 * Lighthouse (mobile preset) on the pages visitors judge first. Scores are printed and written
 * to test-results/lighthouse.json (`npm run bench:lighthouse` writes bench/results/ instead);
 * the test fails below the budgets of the visitor issue.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, findChromium, NO_BROWSER_MESSAGE } from '../../scripts/lib/browser.ts';
import { workWithoutModel } from './pages.ts';

const budgets = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1 } as const;
type Category = keyof typeof budgets;

const targets: [string, () => string][] = [
  ['home', () => '/'],
  ['gallery', () => '/works/'],
  ['work', workWithoutModel],
  ['search', () => '/search/'],
];

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const resultsFile = resolve(
  import.meta.dirname,
  '../..',
  process.env.LIGHTHOUSE_RESULTS ?? 'test-results/lighthouse.json',
);

async function audit(url: string, port: number) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: Object.keys(budgets),
  });
  const categories = result?.lhr.categories ?? {};
  const scores = Object.fromEntries(
    (Object.keys(budgets) as Category[]).map((c) => [c, categories[c]?.score ?? 0]),
  ) as Record<Category, number>;
  const audits = result?.lhr.audits ?? {};
  const failing = Object.values(audits)
    .filter(
      (a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode),
    )
    .map((a) => a.id);
  return {
    scores,
    fcp: audits['first-contentful-paint']?.displayValue ?? '',
    lcp: audits['largest-contentful-paint']?.displayValue ?? '',
    tbt: audits['total-blocking-time']?.displayValue ?? '',
    cls: audits['cumulative-layout-shift']?.numericValue ?? -1,
    failing,
  };
}

test.describe('Lighthouse, mobile preset', () => {
  test.describe.configure({ mode: 'serial', timeout: 300_000 });
  const figures: Record<string, Record<string, number | string>> = {};

  test.afterAll(() => {
    mkdirSync(dirname(resultsFile), { recursive: true });
    writeFileSync(
      resultsFile,
      `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, loadAverage: loadavg().map((l) => Number(l.toFixed(2))), budgets, pages: figures }, null, 2)}\n`,
    );
  });

  for (const [name, path] of targets) {
    test(`the ${name} page meets the Lighthouse budgets`, async ({ baseURL }) => {
      const chromePath = findChromium();
      if (!chromePath) throw new Error(NO_BROWSER_MESSAGE);
      const chrome = await chromeLauncher.launch({
        chromePath,
        chromeFlags: ['--headless=new', ...chromiumArgs],
      });
      try {
        const url = new URL(path(), baseURL).href;
        // Performance varies from run to run on a shared 2-core machine: take the median of
        // several runs (five: with three, one slow run in CI moved the median below the budget
        // on a page whose other runs passed it by far); the other categories do not vary.
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await audit(url, chrome.port));
        runs.sort((a, b) => a.scores.performance - b.scores.performance);
        const median = runs[Math.floor(RUNS / 2)]!;
        const { scores, fcp, lcp, tbt, cls, failing } = median;
        figures[name] = {
          url: path(),
          ...scores,
          fcp,
          lcp,
          tbt,
          cls,
          performanceRuns: runs.map((r) => r.scores.performance).join(' '),
        };
        console.log(
          `lighthouse: ${name} ${path()} ${JSON.stringify(scores)} FCP ${fcp} LCP ${lcp} TBT ${tbt} CLS ${cls} (performance runs: ${runs.map((r) => r.scores.performance).join(', ')})`,
        );
        for (const category of Object.keys(budgets) as Category[]) {
          expect(
            scores[category],
            `${category} (audits below 1: ${failing.join(', ')})`,
          ).toBeGreaterThanOrEqual(budgets[category]);
        }
        expect(cls).toBe(0);
      } finally {
        chrome.kill();
      }
    });
  }
});
