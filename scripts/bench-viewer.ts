/**
 * `npm run bench:viewer`: time to first frame of the 3D viewer for each demo model in headless
 * Chromium (software WebGL here, so the figures are an upper bound), plus the viewer's
 * JavaScript size. Needs a built site (dist/). Writes bench/results/viewer.json and .md.
 *
 * For each work page with a model: load the page, scroll the viewer into view and wait for its
 * `viewer-ready` event. Reported per model (median of the runs):
 *   - ready: from navigation start to the event (page, island, three.js, model, first frame);
 *   - scene: from the moment the scene chunk mounted to the event (download + decode + frame).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium, NO_BROWSER_MESSAGE } from './lib/browser.ts';
import { serveDist } from './lib/serve-dist.ts';
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
const results: {
  page: string;
  triangles: number;
  modelBytes: number;
  readyMs: number;
  sceneMs: number;
  runs: { readyMs: number; sceneMs: number }[];
}[] = [];
try {
  for (const path of pages) {
    const samples: { readyMs: number; sceneMs: number }[] = [];
    let triangles = 0;
    let modelBytes = 0;
    for (let i = 0; i < runs; i++) {
      // A fresh context each run: nothing cached.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        document.addEventListener('viewer-ready', (e) => {
          (window as unknown as { benchReady: unknown }).benchReady = {
            at: performance.now(),
            ...(e as CustomEvent<{ ms: number; triangles: number }>).detail,
          };
        });
      });
      let bytes = 0;
      page.on('response', async (r) => {
        if (/\.glb$/.test(r.url())) bytes = Number(r.headers()['content-length'] ?? 0);
      });
      await page.goto(`${server.url}${path}`);
      await page.locator('.mv').first().scrollIntoViewIfNeeded();
      await page.waitForFunction(() => 'benchReady' in window, undefined, {
        timeout: 300_000,
        polling: 100,
      });
      const ready = (await page.evaluate(
        () => (window as unknown as { benchReady: unknown }).benchReady,
      )) as {
        at: number;
        ms: number;
        triangles: number;
      };
      samples.push({ readyMs: Math.round(ready.at), sceneMs: ready.ms });
      triangles = ready.triangles;
      modelBytes = bytes;
      await context.close();
    }
    const row = {
      page: path,
      triangles,
      modelBytes,
      readyMs: median(samples.map((s) => s.readyMs)),
      sceneMs: median(samples.map((s) => s.sceneMs)),
      runs: samples,
    };
    results.push(row);
    console.log(
      `${path}: first frame ${row.readyMs} ms after navigation (scene ${row.sceneMs} ms), ${triangles} triangles`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}

const out = join(root, 'bench', 'results');
mkdirSync(out, { recursive: true });
const report = {
  generatedAt: new Date().toISOString(),
  browser: `${executablePath} (headless, ${chromiumArgs.includes('--disable-gpu') ? 'software WebGL' : 'GPU'})`,
  runs,
  jsBudget: { gzipBytes: budget.gzip, budgetBytes: budget.budget, chunks: budget.chunks },
  models: results,
};
writeFileSync(join(out, 'viewer.json'), `${JSON.stringify(report, null, 2)}\n`);
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const md = [
  '# 3D viewer benchmark / 三维查看器基准',
  '',
  `Generated ${report.generatedAt} by \`npm run bench:viewer\`; ${runs} cold runs per model, median. Headless Chromium with software WebGL (SwiftShader): real devices with a GPU are much faster.`,
  '',
  `Viewer JavaScript (gzip, including React): **${kib(budget.gzip)}** of the ${kib(budget.budget)} budget.`,
  '',
  '| Page | Triangles | Model (.glb) | First frame after navigation | Scene: download, decode, first frame |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...results.map(
    (r) =>
      `| ${r.page} | ${r.triangles.toLocaleString('en')} | ${kib(r.modelBytes)} | ${r.readyMs} ms | ${r.sceneMs} ms |`,
  ),
  '',
].join('\n');
writeFileSync(join(out, 'viewer.md'), md);
console.log(`\nwrote bench/results/viewer.json and viewer.md`);
