/**
 * `npm run screenshots`: photographs the built site for the README (docs/screenshots/): home, the
 * works gallery, a photographed work with its review note, a work with a 3D model, an exhibition
 * and the region grid, at phone and desktop widths. Serve
 * dist/ first (npm start, or astro preview) and pass its address: `-- --base http://127.0.0.1:4321`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium, NO_BROWSER_MESSAGE } from './lib/browser.ts';
import { commandLine } from './lib/command-line.ts';
import { root } from './lib/run-step.ts';

const { values: args } = commandLine(
  { options: { base: { type: 'string', default: 'http://127.0.0.1:4321' } } },
  'usage / 用法: npm run screenshots -- [--base http://127.0.0.1:4321]',
);
const base = args.base;
const executablePath = findChromium();
if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);

const shots = [
  { name: 'home', path: '/' },
  { name: 'gallery', path: '/works/' },
  { name: 'photo', path: '/works/round-carved-lacquer-box-with-floral-and-crane-decoration/' },
  {
    name: 'work',
    path: '/works/chaozhou-carved-panel-illustration/',
    wait: '[data-viewer-state="ready"]',
  },
  { name: 'exhibition', path: '/exhibitions/reign-names-lacquer-enamel-jade/' },
  { name: 'regions', path: '/regions/' },
];
const sizes = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
];

const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
try {
  for (const size of sizes) {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    for (const shot of shots) {
      await page.goto(new URL(shot.path, base).href, { waitUntil: 'networkidle' });
      if (shot.wait) {
        await page.locator('.model-section').first().scrollIntoViewIfNeeded();
        await page.locator(shot.wait).first().waitFor({ timeout: 60_000 });
      }
      const file = join(out, `${shot.name}-${size.name}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
