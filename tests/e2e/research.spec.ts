/**
 * Researcher features on the built site: IIIF manifests and collection validate against the official
 * schema, every record page's JSON-LD parses and names its type, identifiers and license, the CSV
 * downloads read back to the records, permanent links forward, the sitemap lists both languages,
 * citations and the deep-zoom viewer work in the browser.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadRecords } from '../../scripts/lib/content.ts';
import { recentlyAdded } from '../../src/lib/research/feeds.ts';
import { LIST_SEPARATOR } from '../../src/lib/research/open-data.ts';
import { collections } from '../../src/schemas/index.ts';
import { csvObjects } from '../fixtures/csv.ts';
import { collectErrors, dist } from './pages.ts';
import { iiifErrors } from '../fixtures/iiif/validate.ts';
import { readWithFrictionless, writeDataCopy } from '../fixtures/research/frictionless.ts';

const root = resolve(import.meta.dirname, '../..');
const { records } = loadRecords(root);

/** Site path of an absolute URL (documents name the public SITE_URL, tests run elsewhere). */
const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

async function json(request: APIRequestContext, path: string): Promise<Record<string, unknown>> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

type Json = Record<string, unknown>;

test.describe('IIIF', () => {
  test('the collection and every manifest in it validate against the official schema', async ({
    request,
  }) => {
    const collection = await json(request, '/iiif/collection.json');
    expect(iiifErrors(collection)).toEqual([]);
    const items = collection['items'] as { id: string }[];
    const withImages = records.filter((r) => r.collection === 'works' && r.data.images.length > 0);
    expect(items.length).toBeLessThanOrEqual(withImages.length);
    for (const item of items) {
      const manifest = await json(request, pathOf(item.id));
      expect(iiifErrors(manifest), item.id).toEqual([]);
      expect(manifest['id']).toBe(item.id);
      // Every painted image and its tiles are really there.
      for (const canvas of manifest['items'] as Json[]) {
        const body =
          (((canvas['items'] as Json[])[0]!['items'] as Json[])[0]!['body'] as Json) ?? {};
        expect((await request.get(pathOf(body['id'] as string))).status()).toBe(200);
        for (const service of (body['service'] as Json[] | undefined) ?? []) {
          const base = pathOf(service['id'] as string);
          const info = await json(request, `${base}/info.json`);
          expect(info['type']).toBe('ImageService3');
          expect(info['profile']).toBe('level0');
          // Whole-image sizes that exist, none larger than the image; the image's rights.
          const sizes = info['sizes'] as { width: number; height: number }[];
          expect(sizes.length).toBeGreaterThan(0);
          for (const size of sizes) {
            expect(size.width).toBeLessThan(info['width'] as number);
            const file = `${base}/full/${size.width},${size.height}/0/default.jpg`;
            expect((await request.get(file)).status(), file).toBe(200);
          }
          expect(info['rights']).toBe(canvas['rights']);
        }
      }
    }
  });

  test('work pages with manifests offer the drag-and-drop link', async ({ page, request }) => {
    const collection = await json(request, '/iiif/collection.json');
    const items = collection['items'] as { id: string }[];
    test.skip(items.length === 0, 'no work has processed images yet');
    for (const item of items.slice(0, 3)) {
      const manifest = await json(request, pathOf(item.id));
      const home = (manifest['homepage'] as { id: string }[])[0]!;
      await page.goto(pathOf(home.id));
      const link = page.locator('a[data-iiif-manifest]');
      await expect(link).toHaveAttribute(
        'href',
        `${item.id}?manifest=${encodeURIComponent(item.id)}`,
      );
    }
  });
});

test.describe('linked data on record pages', () => {
  // Every record page in both languages: read from dist/ directly, since there are thousands.
  // The checks collect problems in plain code and assert once: thousands of Playwright `expect`
  // calls (each a reported step) took a quarter of an hour.
  test('every JSON-LD block of every record page parses and has @context, @type, identifier and license', () => {
    expect(records.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const record of records)
      for (const prefix of ['', '/en']) problems.push(...linkedDataProblems(record, prefix));
    expect(problems).toEqual([]);
  });

  test('record pages with images give Open Graph an image', async ({ request }) => {
    const collection = await json(request, '/iiif/collection.json');
    const items = collection['items'] as { id: string }[];
    test.skip(items.length === 0, 'no work has processed images yet');
    const manifest = await json(request, pathOf(items[0]!.id));
    const html = await (
      await request.get(pathOf((manifest['homepage'] as { id: string }[])[0]!.id))
    ).text();
    expect(html).toMatch(/<meta property="og:image" content="[^"]+\.(jpg|png)"/);
  });
});

test.describe('open data', () => {
  test('each CSV reads back to the records; the spreadsheet copy has a BOM', async ({
    request,
  }) => {
    for (const collection of collections) {
      const response = await request.get(`/data/${collection}.csv`);
      expect(response.status()).toBe(200);
      const bytes = await response.body();
      expect(bytes.subarray(0, 2).toString('utf8')).toBe('id');
      const excel = await (await request.get(`/data/excel/${collection}.csv`)).body();
      expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = csvObjects(bytes.toString('utf8'));
      const own = records.filter((r) => r.collection === collection);
      expect(rows.map((r) => r['id']).sort()).toEqual(own.map((r) => r.data.id).sort());
      for (const record of own) {
        const row = rows.find((r) => r['id'] === record.data.id)!;
        const name = 'title' in record.data ? record.data.title : record.data.name;
        const key = 'title' in record.data ? 'title' : 'name';
        // an empty cell where a record has no name in that language (imported cases)
        expect(row[`${key}_zh`]).toBe(name.zh ?? '');
        expect(row[`${key}_en`]).toBe(name.en ?? '');
        expect(row['slug']).toBe(record.slug);
        if (record.collection === 'works') {
          expect(row['materials']!.split(LIST_SEPARATOR)).toEqual(record.data.materials);
          expect(row['license']).toBe(record.data.rights.license);
          expect(Number(row['date_start'])).toBe(record.data.date.start);
        }
      }
    }
  });

  test('records.json, per-record JSON and the data package agree', async ({ request }) => {
    const all = await json(request, '/data/records.json');
    const list = all['records'] as { id: string; collection: string }[];
    expect(list.map((r) => r.id).sort()).toEqual(records.map((r) => r.data.id).sort());
    for (const record of records.slice(0, 10)) {
      const doc = await json(request, `/api/${record.collection}/${record.data.id}.json`);
      expect(doc['id']).toBe(record.data.id);
      expect((doc['data'] as Json)['id']).toBe(record.data.id);
    }
    const pkgResponse = await request.get('/data/datapackage.json');
    const pkg = (await pkgResponse.json()) as Json;
    expect(pkg['licenses']).toBeTruthy();
    // A downloaded copy of the package: the descriptor and the files its relative paths name.
    const files: Record<string, Uint8Array> = { 'datapackage.json': await pkgResponse.body() };
    for (const resource of pkg['resources'] as {
      name: string;
      path: string;
      schema?: { fields: { name: string }[] };
    }[]) {
      expect(resource.path, 'relative path').toMatch(/^[\w.-]+$/);
      const response = await request.get(`/data/${resource.path}`);
      expect(response.status(), resource.path).toBe(200);
      files[resource.path] = await response.body();
      if (resource.schema) {
        const header = csvObjects((await response.body()).toString('utf8'))[0];
        if (header) expect(resource.schema.fields.map((f) => f.name)).toEqual(Object.keys(header));
      }
    }
    // Frictionless JS reads the copy: valid package, every CSV cast to its schema.
    const read = await readWithFrictionless(await writeDataCopy(files));
    expect(read.errors).toEqual([]);
    expect(read.valid).toBe(true);
    for (const collection of collections) {
      expect(read.rows[collection]!.length).toBe(
        records.filter((r) => r.collection === collection).length,
      );
    }
  });

  test('the sitemap lists every page in both languages, robots.txt names it, the feed is Atom', async ({
    page,
    request,
  }) => {
    const xml = await (await request.get('/sitemap.xml')).text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => pathOf(m[1]!));
    for (const record of records) {
      expect(locs).toContain(`/${record.collection}/${record.slug}/`);
      expect(locs).toContain(`/en/${record.collection}/${record.slug}/`);
    }
    expect(xml).toContain('hreflang="zh-Hans"');
    expect(xml).toContain('hreflang="en"');
    for (const loc of [
      ...locs.filter((l) => !new RegExp(`/(${collections.join('|')})/.`).test(l)),
    ]) {
      expect((await request.get(loc)).status(), loc).toBe(200);
    }
    expect(await (await request.get('/robots.txt')).text()).toMatch(
      /^Sitemap: https?:\/\/.+\/sitemap\.xml$/m,
    );
    await page.goto('/');
    const feed = await (await request.get('/feed.xml')).text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const entries = [...doc.getElementsByTagName('entry')];
      return {
        error: doc.querySelector('parsererror') !== null,
        ns: doc.documentElement.namespaceURI,
        entries: entries.length,
        withRights: entries.filter((e) => e.getElementsByTagName('rights').length === 1).length,
        types: [
          ...new Set(
            entries.map((e) => e.getElementsByTagName('category')[0]?.getAttribute('term')),
          ),
        ].sort(),
      };
    }, feed);
    expect(parsed).toEqual({
      error: false,
      ns: 'http://www.w3.org/2005/Atom',
      entries: Math.min(50, records.length),
      withRights: Math.min(50, records.length),
      // the types of the 50 newest records (a large import of one day can fill the feed)
      types: [
        ...new Set(
          recentlyAdded(records)
            .slice(0, 50)
            .map((r) => r.collection),
        ),
      ].sort(),
    });
  });
});

test.describe('citing', () => {
  test('/id/<ID>/ forwards to the record page in both languages', async ({ page }) => {
    for (const record of [records[0]!, records.at(-1)!]) {
      for (const prefix of ['', '/en']) {
        await page.goto(`${prefix}/id/${record.data.id}/`);
        await page.waitForURL(`**${prefix}/${record.collection}/${record.slug}/`);
        await expect(page.locator('h1').first()).toBeVisible();
      }
    }
  });

  test('"Cite this record" shows the styles with today\'s date, copies and downloads', async ({
    page,
    context,
    request,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const errors = collectErrors(page);
    const record = records.find((r) => r.collection === 'works')!;
    await page.goto(`/works/${record.slug}/`);
    const section = page.locator('.cite-record');
    await expect(section.getByRole('heading', { name: '引用本记录' })).toBeVisible();
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    const gbt = section.locator('.cite-text[data-style="gbt7714"]');
    await expect(gbt).toContainText(`${record.data.title.zh}[EB/OL]`);
    await expect(gbt).toContainText(`[${today}]`);
    await expect(gbt).toContainText(`/id/${record.data.id}/.`);
    await expect(section.locator('.cite-text[data-style="apa"]')).toContainText('Retrieved');
    await expect(section.locator('.cite-text[data-style="chicago"]')).toContainText('Accessed');
    await section.locator('button[data-copy="gbt7714"]').click();
    await expect(section.locator('.cite-status')).toHaveText('已复制到剪贴板。');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('[EB/OL]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.locator('a[data-format="bibtex"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${record.data.id}.zh.bib`);
    // The record's one static citation file: every format in both languages, web-page types,
    // and no access date (nobody has read the page yet).
    const bundle = (await (await request.get(`/cite/${record.data.id}.json`)).json()) as {
      id: string;
      formats: Record<'zh' | 'en', { bibtex: string; ris: string; csl: Json[] }>;
    };
    expect(bundle.id).toBe(record.data.id);
    const { bibtex: bib, ris, csl } = bundle.formats.en;
    expect(bib).toContain(`@online{${record.data.id},`);
    expect(bib).not.toContain('urldate');
    expect(ris).toMatch(/^TY {2}- ELEC\r\n/);
    expect(ris).not.toMatch(/^Y2 /m);
    expect(csl[0]).toMatchObject({ type: 'webpage' });
    expect(csl[0]).not.toHaveProperty('accessed');
    expect(bundle.formats.zh.bibtex).toContain(record.data.title.zh);
    await expect(section.locator('.cite-text[data-style="chicagoNote"]')).toContainText(
      'last modified',
    );
    expect(errors).toEqual([]);
  });
});

test.describe('deep zoom', () => {
  test('opens the tiles with OpenSeadragon, keyboard and buttons work, no console errors', async ({
    page,
    request,
  }) => {
    const collection = await json(request, '/iiif/collection.json');
    let target: string | undefined;
    for (const item of collection['items'] as { id: string }[]) {
      const manifest = await json(request, pathOf(item.id));
      const zoomable = (manifest['items'] as Json[]).some((c) =>
        JSON.stringify(c).includes('"ImageService3"'),
      );
      if (zoomable) {
        target = pathOf((manifest['homepage'] as { id: string }[])[0]!.id);
        break;
      }
    }
    test.skip(!target, 'no work has a zoomable image yet');
    const errors = collectErrors(page);
    const tiles: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/iiif/') && r.url().endsWith('default.jpg') && r.status() === 200)
        tiles.push(r.url());
    });
    await page.goto(target!);
    const zoom = page.locator('.deep-zoom').first();
    const open = zoom.locator('.deep-zoom-open');
    await expect(open).toBeVisible();
    await expect(zoom.locator('.deep-zoom-full')).toHaveAttribute('href', /\.(jpg|png)$/);
    await open.focus();
    await page.keyboard.press('Enter');
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    await expect(zoom.locator('.deep-zoom-canvas > .openseadragon-container')).toBeVisible();
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    // The image has keyboard focus; + zooms in, the toolbar buttons work too.
    const before = tiles.length;
    await page.keyboard.press('+');
    await zoom.locator('button[data-action="in"]').click();
    await expect.poll(() => tiles.length).toBeGreaterThan(before);
    await zoom.locator('.deep-zoom-canvas [tabindex]').first().focus();
    await page.keyboard.press('Escape');
    await expect(open).toHaveAttribute('aria-expanded', 'false');
    expect(errors).toEqual([]);
  });

  test('the viewer code is fetched only on pages with zoomable images', async ({
    page,
    request,
  }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    const craft = records.find((r) => r.collection === 'crafts')!;
    await page.goto(`/crafts/${craft.slug}/`);
    await page.waitForLoadState('load');
    expect(scripts.filter((s) => /openseadragon/i.test(s))).toEqual([]);
    // On work pages it is a separate chunk, imported on demand rather than linked from the HTML.
    const work = records.find((r) => r.collection === 'works')!;
    const html = await (await request.get(`/works/${work.slug}/`)).text();
    expect(html).not.toMatch(/<script[^>]+src="[^"]*openseadragon/i);
  });
});

/** The types each record type's main JSON-LD node may have. */
const linkedDataTypes: Record<string, string[]> = {
  works: ['VisualArtwork'],
  crafts: ['HowTo', 'CreativeWork'],
  people: ['Person'],
  clusters: ['Place'],
  exhibitions: ['ExhibitionEvent'],
  cases: ['Organization'],
};

/** What is wrong with the linked data and citation tags of one record page (none: []). */
function linkedDataProblems(record: (typeof records)[number], prefix: string): string[] {
  const path = `${prefix}/${record.collection}/${record.slug}/`;
  const problems: string[] = [];
  const fail = (what: string) => problems.push(`${path}: ${what}`);
  const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
  const blocks = [
    ...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g),
  ].map((m) => JSON.parse(m[1]!) as Json);
  if (blocks.length === 0) fail('no JSON-LD block');
  for (const block of blocks) {
    if (block['@context'] !== 'https://schema.org') fail(`@context ${String(block['@context'])}`);
    const nodes = (block['@graph'] as Json[] | undefined) ?? [block];
    for (const node of nodes) {
      if (!node['@type']) fail('a node without @type');
      if (!JSON.stringify(node['identifier']).includes(record.data.id))
        fail(`a node without the identifier ${record.data.id}`);
    }
    const thing = nodes[0]!;
    const types = [thing['@type']].flat() as string[];
    if (!types.some((t) => linkedDataTypes[record.collection]!.includes(t)))
      fail(`type ${types.join(', ')}`);
    const permalink = `${new URL('/', thing['@id'] as string).origin}${prefix}/id/${record.data.id}/`;
    if (![thing['identifier']].flat().includes(permalink)) fail(`identifier without ${permalink}`);
    const licensed = nodes.find((n) => typeof n['license'] === 'string');
    if (
      !/^https?:\/\/(creativecommons\.org|rightsstatements\.org)\//.test(
        String(licensed?.['license']),
      )
    )
      fail(`license ${String(licensed?.['license'])}`);
  }
  if (!html.includes(`<meta name="DC.identifier" content="${record.data.id}"`))
    fail('no DC.identifier');
  // Saved from the page, the item keeps the permanent link and is not typed by DC.type.
  if (
    !new RegExp(
      `<meta name="citation_public_url" content="[^"]*${prefix}/id/${record.data.id}/"`,
    ).test(html)
  )
    fail('no citation_public_url with the permanent link');
  if (html.includes('name="DC.type"')) fail('a DC.type tag');
  return problems;
}
