import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium, NO_BROWSER_MESSAGE } from './scripts/lib/browser.ts';

const executablePath = findChromium();
if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);

// The site under test is served by scripts/test-e2e.ts, which builds it, starts Meilisearch
// and indexes the records first; it passes the address in BASE_URL.
const baseURL = process.env.BASE_URL ?? 'http://127.0.0.1:4321';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  outputDir: 'test-results/playwright',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: { executablePath, args: chromiumArgs },
    trace: 'off',
  },
  // Lighthouse measures speed: it runs after every other test, alone, so that a second worker
  // rendering WebGL or running axe does not take the CPU it is timing.
  projects: [
    { name: 'site', testIgnore: /lighthouse\.spec\.ts$/ },
    { name: 'lighthouse', testMatch: /lighthouse\.spec\.ts$/, dependencies: ['site'] },
  ],
});
