/**
 * Finds a Chromium for the end-to-end tests. Playwright's own browser download does not work
 * everywhere (no internet here), so a system Chromium is preferred, then Playwright's.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Flags that keep a headless Chromium quiet on a machine without internet or GPU. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

export const NO_BROWSER_MESSAGE = [
  'No Chromium found for the end-to-end tests. / 未找到用于端到端测试的 Chromium 浏览器。',
  'Install one of:',
  '  Debian/Ubuntu: sudo apt-get install chromium',
  '  macOS:         brew install --cask chromium   (or Google Chrome)',
  '  any system:    npx playwright install chromium (needs internet)',
  'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
].join('\n');

/** Path of a Chromium executable, or undefined when none is installed. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const system = candidates.find((path) => existsSync(path));
  if (system) return system;
  try {
    const bundled = chromium.executablePath();
    return existsSync(bundled) ? bundled : undefined;
  } catch {
    return undefined;
  }
}
