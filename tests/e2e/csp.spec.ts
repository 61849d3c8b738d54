/**
 * The Content-Security-Policy in Chromium, enforced. Every page type is served the way a
 * configured host serves it (the build's headers from dist/_hosting/headers.json, on top of each
 * page's own `<meta>` policy; the browser applies both) and must load without a single violation,
 * with its scripts and islands actually running: a policy that silently blocked them would fail
 * here. Code injected into a page must be refused, by the `<meta>` alone too.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { headersFor, readHostingRules } from '../../scripts/lib/hosting.ts';
import { serveDist, type StaticServer } from '../../scripts/lib/serve-dist.ts';
import { dist, firstUnder, pages } from './pages.ts';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/** Violations reported to the page and CSP messages in its console, collected from now on. */
async function watchPolicy(
  page: Page,
): Promise<{ violations: () => Promise<Violation[]>; console: string[] }> {
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
    window.addEventListener(
      'securitypolicyviolation',
      (e) =>
        seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }),
      true,
    );
  });
  const messages: string[] = [];
  page.on('console', (msg) => {
    if (/Content.Security.Policy|Refused to|Permissions.Policy/i.test(msg.text()))
      messages.push(msg.text());
  });
  page.on('worker', (worker) =>
    worker.on('console', (msg) => {
      if (/Content.Security.Policy|Refused to/i.test(msg.text())) messages.push(msg.text());
    }),
  );
  return {
    violations: () =>
      page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations),
    console: messages,
  };
}

/** Scrolls to the end of the page so that lazy images and `client:visible` islands load. */
async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState('networkidle');
}

const workPage = (test: (html: string) => boolean) =>
  pages.find(
    (p) => /^\/works\/[^/]+\/$/.test(p) && test(readFileSync(`${dist}${p}index.html`, 'utf8')),
  );
const DEEP_ZOOM = workPage((html) => html.includes('class="deep-zoom"'));
const MODEL =
  workPage((html) => html.includes('model-section') && !html.includes('class="deep-zoom"')) ??
  workPage((html) => html.includes('model-section'));
const MEILI_HOST = process.env['MEILI_HOST'];

// The site as nginx, Caddy or Netlify serve it: with the build's headers.
let site: StaticServer;
test.beforeAll(async () => {
  const rules = readHostingRules(dist);
  site = await serveDist(dist, 0, '127.0.0.1', (path) => headersFor(rules, path));
});
test.afterAll(async () => site.close());

/** Opens a page on the header-serving site and checks that the policy blocked nothing. */
async function visit(page: Page, path: string, exercise?: () => Promise<void>): Promise<void> {
  const watch = await watchPolicy(page);
  const response = await page.goto(`${site.url}${path}`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await scrollThrough(page);
  await exercise?.();
  expect(await watch.violations()).toEqual([]);
  expect(watch.console).toEqual([]);
}

test.describe('Content-Security-Policy, enforced', () => {
  test.describe.configure({ timeout: 180_000 });

  for (const path of [
    '/',
    '/en/',
    '/crafts/',
    '/about/',
    '/en/about/',
    '/eras/',
    '/colours/',
    '/regions/',
    '/exhibitions/',
    '/cases/',
    '/en/cases/',
    '/thesaurus/',
    ...[
      '/crafts/',
      '/people/',
      '/clusters/',
      '/exhibitions/',
      '/regions/',
      '/cases/',
      '/thesaurus/',
      '/thesaurus/schemes/',
    ].map(firstUnder),
  ]) {
    test(`${path} loads without a violation`, async ({ page }) => {
      await visit(page, path);
    });
  }

  test('the case library filters with the gallery script', async ({ page }) => {
    await visit(page, '/cases/', async () => {
      const count = page.locator('#case-count');
      const before = await count.textContent();
      await page.locator('#case-filters select[name="kind"]').selectOption('cooperative');
      await expect(count).not.toHaveText(before ?? '');
      const shown = page.locator('#case-grid > li:not([hidden])');
      expect(await shown.count()).toBeGreaterThan(0);
      for (const kind of await shown.evaluateAll((items) =>
        items.map((li) => (li as HTMLElement).dataset['kind']),
      ))
        expect(kind).toBe('cooperative');
      expect(page.url()).toContain('kind=cooperative');
    });
  });

  test('the works gallery filters with its inline script', async ({ page }) => {
    await visit(page, '/works/', async () => {
      const count = page.locator('#work-count');
      const before = await count.textContent();
      const select = page.locator('#work-filters select[name="category"]');
      const option = await select.locator('option').nth(1).getAttribute('value');
      await select.selectOption(option!);
      await expect(count).not.toHaveText(before!);
    });
  });

  test('a work page builds its citation files with its inline script', async ({ page }) => {
    await visit(page, firstUnder('/works/'), async () => {
      await expect(page.locator('.cite-record a[data-format]').first()).toHaveAttribute(
        'href',
        /^blob:/,
      );
    });
  });

  test('the 3D viewer hydrates, decodes its model and renders', async ({ page }) => {
    test.skip(!MODEL, 'no work has a 3D model');
    await page.setViewportSize({ width: 1100, height: 1000 });
    for (const path of [MODEL!, `/en${MODEL!}`]) {
      await visit(page, path, async () => {
        const viewer = page.locator('.mv').first();
        await viewer.scrollIntoViewIfNeeded();
        await expect(viewer).toHaveAttribute('data-viewer-state', 'ready', { timeout: 150_000 });
        await expect(page.locator('.mv-stage canvas').first()).toBeVisible();
      });
    }
  });

  test('deep zoom opens and draws its tiles', async ({ page }) => {
    test.skip(!DEEP_ZOOM, 'no work has a zoomable image');
    const tiles: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/iiif/') && r.url().endsWith('default.jpg') && r.ok())
        tiles.push(r.url());
    });
    await visit(page, DEEP_ZOOM!, async () => {
      const zoom = page.locator('.deep-zoom').first();
      await zoom.locator('.deep-zoom-open').click();
      // The page also renders a 3D model (software WebGL): the viewer can take a while to start.
      await expect(zoom.locator('.deep-zoom-canvas > .openseadragon-container')).toBeVisible({
        timeout: 30_000,
      });
      await expect.poll(() => tiles.length).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
    });
  });

  test('search hydrates and queries the search server', async ({ page }) => {
    for (const [path, expected] of [
      ['/search/?q=jingtailan', '景泰蓝'],
      ['/en/search/?q=cloisonne', /cloisonn/i],
    ] as const) {
      const answered = page.waitForResponse(
        (r) => !!MEILI_HOST && r.url().startsWith(MEILI_HOST) && r.request().method() === 'POST',
      );
      await visit(page, path, async () => {
        // The island starts when the browser is idle: later on a busy machine.
        await expect(page.locator('.search-hit h3 a').first()).toContainText(expected, {
          timeout: 30_000,
        });
        expect((await answered).ok()).toBe(true);
      });
    }
  });

  test('the collection page runs its script', async ({ page }) => {
    await visit(page, '/collection/', async () => {
      await expect(page.locator('#collection-status')).not.toBeEmpty();
    });
  });

  test('the 404 page has the headers and no violation', async ({ page }) => {
    const watch = await watchPolicy(page);
    const response = await page.goto(`${site.url}/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(await watch.violations()).toEqual([]);
    expect(watch.console).toEqual([]);
  });
});

test.describe('Content-Security-Policy, against injected code', () => {
  /** Injects a script, an event handler and a style into the page; reports what took effect. */
  async function inject(page: Page) {
    return page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedScriptRan = true';
      document.body.append(script);
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.injectedHandlerRan = true');
      document.body.append(button);
      button.click();
      document.body.setAttribute('style', 'outline: 7px solid rgb(255, 0, 0)');
      return {
        script: 'injectedScriptRan' in window,
        handler: 'injectedHandlerRan' in window,
        style: getComputedStyle(document.body).outlineWidth === '7px',
      };
    });
  }

  const refused = { script: false, handler: false, style: false };

  test('the page policy alone (<meta>, no headers) refuses them', async ({ page }) => {
    const watch = await watchPolicy(page);
    const response = await page.goto(firstUnder('/works/'));
    expect(response?.headers()['content-security-policy']).toBeUndefined();
    expect(await inject(page)).toEqual(refused);
    await expect
      .poll(async () => (await watch.violations()).map((v) => v.directive).sort())
      .toEqual(['script-src-attr', 'script-src-elem', 'style-src-attr']);
  });

  test('a page served with the headers refuses them', async ({ page }) => {
    await page.goto(`${site.url}/`);
    expect(await inject(page)).toEqual(refused);
  });

  test('the headers keep other sites from framing the pages', async ({ page, baseURL }) => {
    const framing = (src: string) =>
      `<!doctype html><title>framing</title><iframe src="${src}"></iframe>`;
    await page.route('http://framing.test/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: framing(
          route.request().url().includes('plain') ? `${baseURL}/about/` : `${site.url}/about/`,
        ),
      }),
    );
    // Without the headers (the <meta> cannot forbid framing) the frame shows the page…
    await page.goto('http://framing.test/plain');
    await expect(page.frameLocator('iframe').locator('h1')).toBeAttached();
    // …with them it does not.
    await page.goto('http://framing.test/headers');
    await expect.poll(() => page.frames()[1]?.url()).toMatch(/^chrome-error:/);
  });
});
