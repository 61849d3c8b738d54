/**
 * `npm run bench:viewer`: time to first frame of the 3D viewer for each demo model in headless
 * Chromium (software WebGL here, so the figures are an upper bound), plus the viewer's
 * JavaScript size. Needs a built site (dist/). Writes bench/results/viewer.json and .md.
 *
 * For each work page with a model, per quality level (median of the runs): the first level
 * from navigation start to its `viewer-level` event (page, island, three.js, model, first
 * frame); the standard level from a click on a device reporting 2 GB, the full detail from the
 * "full detail" control. Beside the viewer's JavaScript, `@google/model-viewer` built with Vite.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium, NO_BROWSER_MESSAGE } from './lib/browser.ts';
import { serveDist } from './lib/serve-dist.ts';
import { measureModelViewerJs } from './lib/models/reference-viewer.ts';
import { formatBudget, measureViewerJs, modelPages } from './lib/models/viewer-budget.ts';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const executablePath = findChromium();
if (!executablePath) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
const pages = modelPages(dist).map((p) => `/${p.replace(/index\.html$/, '')}`);
if (pages.length === 0) {
  console.error(
    'No work page with a 3D model in dist/. Run `npm run ingest` and `npm run build` first.',
  );
  process.exit(1);
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
};

const budget = measureViewerJs(dist);
console.log(formatBudget(budget));

const server = await serveDist(dist);
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
interface LevelFigure {
  name: string;
  triangles: number;
  bytes: number;
  /** From navigation (first level) or from the visitor's action (later levels) to its first frame. */
  ms: number;
}
const results: { page: string; levels: LevelFigure[]; runs: LevelFigure[][] }[] = [];
try {
  for (const path of pages) {
    const samples: LevelFigure[][] = [];
    for (let i = 0; i < runs; i++) samples.push(await measureLevels(path));
    const levels = samples[0]!.map((level, index) => ({
      ...level,
      ms: median(samples.map((run) => run[index]?.ms ?? NaN)),
    }));
    results.push({ page: path, levels, runs: samples });
    console.log(
      `${path}: ${levels.map((l) => `${l.name} ${l.triangles} triangles, ${(l.bytes / 1024).toFixed(0)} KiB, first frame ${l.ms} ms`).join('; ')}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}

/**
 * One cold run on a page: the first level from navigation; then, where the model has more,
 * the standard level after a click on a device reporting 2 GB (what such a device gets), and
 * the full detail after the "full detail" control, each timed from the action.
 */
async function measureLevels(path: string): Promise<LevelFigure[]> {
  // A fresh context each run: nothing cached.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'deviceMemory', { get: () => 2 });
    const shown: unknown[] = [];
    (window as unknown as { benchLevels: unknown[] }).benchLevels = shown;
    document.addEventListener('viewer-level', (e) => {
      const { name, triangles, bytes } = (e as CustomEvent<LevelFigure>).detail;
      shown.push({ name, triangles, bytes, at: performance.now() });
    });
  });
  const waitFor = (count: number) =>
    page.waitForFunction(
      (n) => (window as unknown as { benchLevels: unknown[] }).benchLevels.length >= n,
      count,
      { timeout: 300_000, polling: 50 },
    );
  const now = () => page.evaluate(() => performance.now());
  await page.goto(`${server.url}${path}`);
  const viewer = page.locator('.mv').first();
  await viewer.scrollIntoViewIfNeeded();
  await waitFor(1);
  const actions: number[] = [0];
  const levels = ((await viewer.getAttribute('data-levels')) ?? '').split(' ');
  if (levels.includes('standard')) {
    actions.push(await now());
    await page.locator('.mv-stage').first().dispatchEvent('pointerdown');
    await waitFor(actions.length);
  }
  if (levels.length > 1) {
    actions.push(await now());
    await page.locator('[data-action="full-detail"]').click();
    await waitFor(actions.length);
  }
  const shown = (await page.evaluate(
    () => (window as unknown as { benchLevels: unknown[] }).benchLevels,
  )) as (LevelFigure & { at: number })[];
  await context.close();
  return shown.map(({ name, triangles, bytes, at }, i) => ({
    name,
    triangles,
    bytes,
    ms: Math.round(at - (actions[i] ?? 0)),
  }));
}

const reference = await measureModelViewerJs();
console.log(`@google/model-viewer built with Vite: ${(reference.gzip / 1024).toFixed(1)} KiB gzip`);

const out = join(root, 'bench', 'results');
mkdirSync(out, { recursive: true });
const report = {
  generatedAt: new Date().toISOString(),
  browser: `${executablePath} (headless, ${chromiumArgs.includes('--disable-gpu') ? 'software WebGL' : 'GPU'})`,
  runs,
  jsBudget: { gzipBytes: budget.gzip, budgetBytes: budget.budget, chunks: budget.chunks },
  reference: { name: '@google/model-viewer', ...reference },
  models: results,
};
writeFileSync(join(out, 'viewer.json'), `${JSON.stringify(report, null, 2)}\n`);
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const md = [
  '# 3D viewer benchmark / 三维查看器基准',
  '',
  `Generated ${report.generatedAt} by \`npm run bench:viewer\`; ${runs} cold runs per model, median. Headless Chromium with software WebGL (SwiftShader): real devices with a GPU are much faster.`,
  '',
  `Viewer JavaScript (gzip, including React and React Three Fiber): **${kib(budget.gzip)}** of the ${kib(budget.budget)} budget. The reference, \`@google/model-viewer\` built the same way (Vite, minified, its own three.js): **${kib(reference.gzip)}** (${(budget.gzip / reference.gzip).toFixed(2)}×).`,
  '',
  'Each level of each model: the first from navigation to its first frame; the standard level (what a device reporting 2 GB gets on its first click) and the full detail (the "full detail" control) from the action to their first frame.',
  '',
  '| Page | Level | Triangles | Model (.glb) | First frame |',
  '| --- | --- | ---: | ---: | ---: |',
  ...results.flatMap((r) =>
    r.levels.map(
      (l) =>
        `| ${r.page} | ${l.name} | ${l.triangles.toLocaleString('en')} | ${kib(l.bytes)} | ${l.ms} ms |`,
    ),
  ),
  '',
].join('\n');
writeFileSync(join(out, 'viewer.md'), md);
console.log(`\nwrote bench/results/viewer.json and viewer.md`);
