/**
 * The museum shows its photographs (#14): on the built site the home page, the works gallery's
 * first screen and every curated craft page that has a photographed work of its own or of its
 * category show real photographs (img elements loading a derivative of an imported photo
 * master); photo records carry their credit and licence on the page, in JSON-LD, in the IIIF
 * manifest and in the open data; a record whose captions disagree shows its review note.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { loadRecords, type LoadedRecord } from '../../scripts/lib/content.ts';

const root = resolve(import.meta.dirname, '../..');
const { records } = loadRecords(root);
const works = records.filter((r): r is LoadedRecord<'works'> => r.collection === 'works');
const photoWorks = works.filter((w) => w.data.imported?.mapping === 'chinesenotes-photos');
/** Where the derivatives of the imported photographs live: /media/works/<slug>/. */
const photoPrefixes = photoWorks.map((w) => `/media/works/${w.slug}/`);
const CREDIT = 'Photo: Alex Amies, CC BY 2.5, via chinesenotes.com';

const isPhotoUrl = (url: string) => {
  const path = url.startsWith('http') ? new URL(url).pathname : url;
  return photoPrefixes.some((p) => path.startsWith(p));
};

/** The img elements of `scope` that load a photograph, once loaded (at most `limit` of them). */
async function loadedPhotos(scope: Locator, limit = Infinity): Promise<string[]> {
  const images = await scope.locator('img').all();
  const found: string[] = [];
  for (const img of images) {
    if (found.length >= limit) break;
    const src = (await img.evaluate((i: HTMLImageElement) => i.currentSrc || i.src)) ?? '';
    if (!isPhotoUrl(src)) continue;
    await img.scrollIntoViewIfNeeded();
    await expect
      .poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0))
      .toBe(true);
    found.push(src);
  }
  return found;
}

/** Photographs inside the first screen (the viewport as the page opens). */
async function photosOnFirstScreen(page: Page): Promise<string[]> {
  const height = page.viewportSize()?.height ?? 800;
  const images = await page.locator('main img').all();
  const found: string[] = [];
  for (const img of images) {
    const box = await img.boundingBox();
    if (!box || box.y >= height || box.height === 0) continue;
    const src = await img.evaluate((i: HTMLImageElement) => i.currentSrc || i.src);
    if (isPhotoUrl(src)) found.push(src);
  }
  return found;
}

test.describe('photographs on the built site', () => {
  test.beforeAll(() => {
    expect(photoWorks.length, 'imported photo records').toBeGreaterThanOrEqual(140);
  });

  for (const path of ['/', '/en/']) {
    test(`the home page ${path} leads with a photograph, loaded at once`, async ({ page }) => {
      await page.goto(path);
      const firstCard = page.locator('#featured-heading + .card-grid .card').first();
      const [lead] = await loadedPhotos(firstCard);
      expect(lead, 'the first featured card shows a photograph').toBeDefined();
      await expect(firstCard.locator('img')).toHaveAttribute('loading', 'eager');
      expect((await photosOnFirstScreen(page)).length).toBeGreaterThan(0);
    });
  }

  test('the works gallery opens on photographs only', async ({ page }) => {
    await page.goto('/works/');
    const firstScreen = await photosOnFirstScreen(page);
    expect(firstScreen.length).toBeGreaterThan(0);
    const height = page.viewportSize()?.height ?? 800;
    const cards = await page.locator('#work-grid > li').all();
    for (const card of cards.slice(0, 12)) {
      const box = await card.boundingBox();
      if (!box || box.y >= height) break;
      expect(await loadedPhotos(card), 'a card on the first screen').toHaveLength(1);
    }
  });

  test('the works gallery sends the pictures of its first cards only, and fills in the rest on scrolling', async ({
    page,
    request,
  }) => {
    const html = await (await request.get('/works/')).text();
    // the whole gallery with every picture weighed 341 KB before compression
    expect(html.length).toBeLessThan(150_000);
    const deferred = /<div class="media" data-deferred/g;
    expect(html.match(deferred)?.length ?? 0).toBeGreaterThan(100);
    const complete = await (await request.get('/works/all/')).text();
    expect(complete.match(deferred)).toBeNull();

    // the last deferred card with a photograph: far below the first screen
    const deferredIds = [
      ...html.matchAll(/data-id="(BGW-\d{6})"><div class="media" data-deferred/g),
    ];
    const id = deferredIds
      .map((m) => m[1]!)
      .findLast((i) => photoWorks.some((w) => w.data.id === i));
    expect(id).toBeDefined();

    // the complete gallery is held back until the card has been seen waiting: the first deferred
    // cards are near the first screen, so the script asks for it as soon as the page opens
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/works/all/', async (route) => {
      await held;
      await route.continue();
    });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto('/works/');
    const card = page.locator(`#work-grid article[data-id="${id}"]`);
    await expect(card.locator('.media[data-deferred]')).toHaveCount(1);
    await expect(card.locator('img')).toHaveCount(0);
    release();
    await card.scrollIntoViewIfNeeded();
    await expect(card.locator('img')).toHaveCount(1);
    expect(await loadedPhotos(card)).toHaveLength(1);
    // the picture keeps its blurred placeholder, and this page's Content-Security-Policy (its own
    // style attributes only) refuses nothing
    await expect(card.locator('[style*="background-image"]')).toHaveCount(1);
    expect(errors).toEqual([]);
  });

  test('every curated craft page with a photographed work of its own or of its category shows it', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const curated = records.filter(
      (r): r is LoadedRecord<'crafts'> => r.collection === 'crafts' && r.file.endsWith('.mdx'),
    );
    const photographedCategories = new Set(photoWorks.map((w) => w.data.category));
    const pictured = curated.filter(
      (c) =>
        photographedCategories.has(c.data.category) ||
        photoWorks.some((w) => w.data.techniques.includes(c.data.id)),
    );
    // no photograph in the data shows a paper-cut or a woodblock print: only those crafts lack one
    const unpictured = curated.filter((c) => !pictured.includes(c));
    expect(unpictured.every((c) => c.data.category === 'paper')).toBe(true);
    expect(pictured.length).toBeGreaterThanOrEqual(curated.length - 2);
    for (const craft of pictured) {
      await page.goto(`/crafts/${craft.slug}/`);
      const photos = await loadedPhotos(page.locator('main'), 1);
      expect(photos, craft.slug).toHaveLength(1);
    }
  });

  test('a craft whose own works are photographed leads with one of their photographs', async ({
    page,
  }) => {
    await page.goto('/crafts/carved-lacquer/');
    const lead = page.locator('.record-layout figure').first();
    const [photo] = await loadedPhotos(lead);
    expect(photo).toBeDefined();
    await expect(lead.locator('img')).toHaveAttribute('loading', 'eager');
    await expect(lead.locator('figcaption')).toContainText(CREDIT);
    await expect(lead.locator('figcaption a[href^="/works/"]')).toHaveCount(1);
    await expect(lead.locator('figcaption a[rel="license"]')).toHaveAttribute(
      'href',
      'https://creativecommons.org/licenses/by/2.5/',
    );
    // The craft's card in the crafts directory shows the same work's photograph.
    const work = await lead.locator('figcaption a[href^="/works/"]').getAttribute('href');
    const leadImage = await lead.locator('img').getAttribute('src');
    await page.goto('/crafts/');
    const card = page.locator('article.card', {
      has: page.locator('a[href="/crafts/carved-lacquer/"]'),
    });
    const cardImage = await card.locator('img').getAttribute('src');
    const folder = (src: string | null) => src?.split('/').slice(0, -1).join('/');
    expect(work).toBeTruthy();
    expect(folder(cardImage)).toBe(folder(leadImage));
  });
});

test.describe('a photo record', () => {
  const box = works.find(
    (w) => w.slug === 'round-carved-lacquer-box-with-floral-and-crane-decoration',
  );

  test('shows its review note, its photograph with credit, and says why in both languages', async ({
    page,
  }) => {
    expect(box).toBeDefined();
    await page.goto(`/works/${box!.slug}/`);
    const note = page.locator('.review-note');
    await expect(note).toBeVisible();
    await expect(note.locator('h2')).toHaveText('待核');
    await expect(note).toContainText('中文图注称“清”，但嘉靖（1522年—1566年）是明代年号');
    await expect(page.locator('.record-layout figure figcaption').first()).toContainText(CREDIT);
    expect(await loadedPhotos(page.locator('.record-layout figure').first())).toHaveLength(1);

    await page.goto(`/en/works/${box!.slug}/`);
    await expect(page.locator('.review-note h2')).toHaveText('Needs review');
    await expect(page.locator('.review-note')).toContainText(
      'Jiajing (嘉靖, 1522–1566) is a reign of the Ming',
    );
  });

  test('gives the photo its own licence in JSON-LD, IIIF and the open data', async ({
    page,
    request,
  }) => {
    const censer = works.find((w) => w.slug === 'doucai-censer-with-eight-trigrams-design');
    expect(censer).toBeDefined();
    await page.goto(`/en/works/${censer!.slug}/`);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const text = blocks.join('\n');
    expect(text).toContain('"@type":"ImageObject"');
    expect(text).toContain('https://creativecommons.org/licenses/by/2.5/');
    expect(text).toContain(CREDIT);

    const manifest = await (await request.get(`/iiif/${censer!.data.id}/manifest.json`)).text();
    expect(manifest).toContain('http://creativecommons.org/licenses/by/2.5/');
    expect(manifest).toContain(CREDIT);

    const api = (await (await request.get(`/api/works/${censer!.data.id}.json`)).json()) as {
      license: { key: string };
      media: { license: string; credit: string }[];
    };
    expect(api.license.key).toBe('CC-BY-4.0');
    expect(api.media[0]).toMatchObject({
      license: 'https://creativecommons.org/licenses/by/2.5/',
      credit: CREDIT,
    });
  });

  test('a modern reproduction says so on its page', async ({ page }) => {
    const copy = photoWorks.find((w) => w.data.reproduction);
    expect(copy).toBeDefined();
    await page.goto(`/en/works/${copy!.slug}/`);
    await expect(page.locator('.badge.reproduction')).toHaveText('Modern reproduction');
    await expect(
      page.getByText('the period and date given are those of the original', { exact: false }),
    ).toBeVisible();
  });
});
