/**
 * The 3D viewer in Chromium (WebGL through SwiftShader, so frames are slow: every wait is on an
 * event or an attribute, never a fixed sleep).
 */
import { expect, test, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import sharp from 'sharp';
import {
  formatBudget,
  measureViewerJs,
  VIEWER_BUDGET_BYTES,
} from '../../scripts/lib/models/viewer-budget.ts';

const dist = resolve(import.meta.dirname, '../../dist');
const PANEL = '/works/chaozhou-carved-panel-illustration/';
const GONG = '/works/bronze-ritual-wine-ewer-gong/';
const TEAPOT = '/works/yixing-teapot-illustration/';
const NO_MODEL = '/works/zitan-cabinet/';
const VIEWER_CHUNK = /\/_astro\/(Scene|ModelViewer)\.[^/]+\.js$/;

test.describe.configure({ timeout: 180_000 });

/** Open a page and wait until the viewer has rendered its first frame with the model. */
async function openViewer(page: Page, path: string) {
  await page.setViewportSize({ width: 1100, height: 1000 });
  await page.goto(path);
  const viewer = page.locator('.mv').first();
  await viewer.scrollIntoViewIfNeeded();
  await expect(viewer).toHaveAttribute('data-viewer-state', 'ready', { timeout: 150_000 });
  return viewer;
}

async function canvasPixels(page: Page) {
  const png = await page.locator('.mv-stage canvas').first().screenshot();
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, info };
}

function distinctColours(data: Buffer): number {
  const set = new Set<number>();
  for (let i = 0; i < data.length; i += 3 * 7)
    set.add((data[i]! >> 3) * 1024 + (data[i + 1]! >> 3) * 32 + (data[i + 2]! >> 3));
  return set.size;
}

function changedShare(a: Buffer, b: Buffer): number {
  let changed = 0;
  const n = Math.min(a.length, b.length) / 3;
  for (let i = 0; i < n; i++) {
    const d =
      Math.abs(a[i * 3]! - b[i * 3]!) +
      Math.abs(a[i * 3 + 1]! - b[i * 3 + 1]!) +
      Math.abs(a[i * 3 + 2]! - b[i * 3 + 2]!);
    if (d > 24) changed++;
  }
  return changed / n;
}

const cameraOf = (viewer: ReturnType<Page['locator']>) => viewer.getAttribute('data-camera');

test('the viewer fires viewer-ready and the canvas shows the model', async ({ page }) => {
  await page.addInitScript(() => {
    document.addEventListener('viewer-ready', (e) => {
      (window as unknown as { viewerReady: unknown }).viewerReady = (e as CustomEvent).detail;
    });
  });
  await openViewer(page, PANEL);
  const detail = await page.evaluate(
    () => (window as unknown as { viewerReady?: { triangles: number } }).viewerReady,
  );
  expect(detail?.triangles).toBeGreaterThan(1000);
  const { data } = await canvasPixels(page);
  // A blank canvas has one colour; the gilt panel on its background has many.
  expect(distinctColours(data)).toBeGreaterThan(50);
});

test('dragging turns the model', async ({ page }) => {
  const viewer = await openViewer(page, TEAPOT);
  const before = await canvasPixels(page);
  const camera = await cameraOf(viewer);
  const box = (await page.locator('.mv-stage canvas').first().boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 2 + 30, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => cameraOf(viewer), { timeout: 30_000 }).not.toBe(camera);
  // Wait for the damping to settle, then compare the pictures.
  let last = '';
  await expect
    .poll(
      async () => {
        const now = (await cameraOf(viewer)) ?? '';
        const still = now === last;
        last = now;
        return still;
      },
      { timeout: 30_000, intervals: [400] },
    )
    .toBe(true);
  const after = await canvasPixels(page);
  expect(changedShare(before.data, after.data)).toBeGreaterThan(0.01);
});

test('the keyboard turns the model and Home resets it', async ({ page }) => {
  const viewer = await openViewer(page, TEAPOT);
  const home = await cameraOf(viewer);
  const stage = page.locator('.mv-stage').first();
  await stage.focus();
  await expect(stage).toBeFocused();
  await expect(stage).toHaveAttribute('aria-describedby', /instructions/);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => cameraOf(viewer), { timeout: 30_000 }).not.toBe(home);
  await page.keyboard.press('Home');
  await expect.poll(() => cameraOf(viewer), { timeout: 30_000 }).toBe(home);
});

test('choosing an annotation moves the camera to its view', async ({ page }) => {
  const viewer = await openViewer(page, PANEL);
  await expect(page.locator('.mv-marker')).toHaveCount(4);
  await page.locator('[data-hotspot-button="medallion"]').click();
  await expect(viewer).toHaveAttribute('data-selected', 'medallion');
  // The record's camera for this hotspot.
  await expect
    .poll(() => cameraOf(viewer), { timeout: 30_000 })
    .toBe('-0.057,0.129,0.2281|-0.0448,0.14,0.0288');
  await expect(page.locator('.mv-hotspot-text')).toContainText('卷云纹');
  // The marker of the chosen hotspot faces the camera, so it is shown.
  await expect(page.locator('.mv-marker[data-hotspot="medallion"]')).toHaveAttribute(
    'data-hidden',
    'false',
  );
});

test('the guided tour steps forwards and back, with lighting', async ({ page }) => {
  const viewer = await openViewer(page, `/en${PANEL}`);
  await page.locator('[data-action="tour-start"]').click();
  await expect(viewer).toHaveAttribute('data-tour-step', '0');
  await expect(page.locator('[data-tour-text]')).toContainText('Chaozhou');
  await expect(page.locator('.mv-tour-count')).toHaveText('Step 1 of 5');
  const first = await cameraOf(viewer);
  await page.locator('[data-action="tour-next"]').click();
  await expect(viewer).toHaveAttribute('data-tour-step', '1');
  await expect(viewer).toHaveAttribute('data-lighting', 'raking');
  await expect.poll(() => cameraOf(viewer), { timeout: 30_000 }).toBe('0,0.14,0.72|0,0.14,0.015');
  await page.locator('[data-action="tour-next"]').click();
  await expect(viewer).toHaveAttribute('data-selected', 'medallion');
  await page.locator('[data-action="tour-previous"]').click();
  await expect(viewer).toHaveAttribute('data-tour-step', '1');
  await page.locator('[data-action="tour-previous"]').click();
  await expect
    .poll(() => cameraOf(viewer), { timeout: 30_000 })
    .not.toBe('0,0.14,0.72|0,0.14,0.015');
  expect(first).not.toBeNull();
});

test('lighting presets and the raking light controls', async ({ page }) => {
  const viewer = await openViewer(page, `/en${TEAPOT}`);
  await expect(page.locator('[data-action="reset"]')).toHaveText('Reset view');
  const before = await canvasPixels(page);
  await page.selectOption('[data-control="lighting"]', 'raking');
  await expect(viewer).toHaveAttribute('data-lighting', 'raking');
  await expect(page.locator('[data-control="azimuth"]')).toBeVisible();
  await expect
    .poll(async () => changedShare(before.data, (await canvasPixels(page)).data), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0.02);
});

test('without WebGL the poster and a plain message are shown, and three.js is not loaded', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext as (
      this: HTMLCanvasElement,
      ...args: unknown[]
    ) => unknown;
    Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
      value(this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return /webgl/i.test(type) ? null : original.call(this, type, ...rest);
      },
    });
  });
  const scripts: string[] = [];
  page.on('request', (r) => scripts.push(r.url()));
  await page.goto(TEAPOT);
  const viewer = page.locator('.mv').first();
  await viewer.scrollIntoViewIfNeeded();
  await expect(viewer).toHaveAttribute('data-viewer-state', 'error-webgl', { timeout: 60_000 });
  await expect(page.locator('[data-viewer-fallback]')).toContainText('WebGL');
  await expect(page.locator('.mv-poster img')).toBeVisible();
  await expect(page.locator('.mv-stage')).toBeHidden();
  // The rest of the page still works.
  await expect(page.locator('h1')).toBeVisible();
  expect(scripts.filter((url) => /\/_astro\/Scene\./.test(url))).toEqual([]);
});

test('the scan shows its light preview first and the full detail on request', async ({ page }) => {
  const models: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.glb')) models.push(new URL(r.url()).pathname);
  });
  const viewer = await openViewer(page, GONG);
  await expect(viewer).toHaveAttribute('data-level', 'preview');
  const previewTriangles = Number(await viewer.getAttribute('data-triangles'));
  expect(previewTriangles).toBeLessThanOrEqual(50_000);
  // Nothing beyond the preview before the visitor acts.
  expect(models).toEqual([expect.stringMatching(/\.preview\.glb$/)]);
  const before = await canvasPixels(page);

  await page.locator('[data-action="full-detail"]').click();
  await expect(viewer).toHaveAttribute('data-level', 'full', { timeout: 150_000 });
  expect(Number(await viewer.getAttribute('data-triangles'))).toBe(299_891);
  expect(models.at(-1)).toMatch(/gong\.[0-9a-f]{8}\.glb$/);
  await expect(page.locator('.mv-detail [role="status"]')).toContainText('完整细节');
  // The denser mesh and its full textures change what is drawn (about 3 % of the pixels).
  await expect
    .poll(async () => changedShare(before.data, (await canvasPixels(page)).data))
    .toBeGreaterThan(0.005);
});

test('a work page without a model loads no viewer code', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(NO_MODEL);
  await page.waitForLoadState('load');
  await page.mouse.wheel(0, 4000);
  await expect(page.locator('h1')).toBeVisible();
  expect(await page.locator('astro-island[component-url*="ModelViewer"]').count()).toBe(0);
  expect(requests.filter((url) => VIEWER_CHUNK.test(url))).toEqual([]);
});

test('the viewer JavaScript stays within its gzip budget', () => {
  const budget = measureViewerJs(dist);
  console.log(formatBudget(budget));
  expect(budget.chunks.some((c) => c.file.startsWith('Scene'))).toBe(true);
  expect(budget.gzip).toBeLessThanOrEqual(VIEWER_BUDGET_BYTES);
});
