/**
 * A craft's film in Chromium: the illustrative film of Chaozhou wood carving (made by `npm run
 * generate:film`, transcoded by the ingest) plays with captions in the page's language, its
 * chapters (the process steps) seek to their step, and a search for words of its captions, in
 * the real Meilisearch, opens the film at that moment. Waits are on the media element's own
 * state (time, cues), never on sleeps.
 */
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { iiifErrors } from '../fixtures/iiif/validate.ts';

const CRAFT = '/crafts/chaozhou-wood-carving/';
const ANCHOR = '#film-making-illustration';
const video = (page: Page) => page.locator(`${ANCHOR} video`);

/** Resolves when the film has played past `seconds` (a frame decoded and shown there). */
async function playedPast(page: Page, seconds: number) {
  await page.waitForFunction(
    ([selector, at]) => {
      const v = document.querySelector<HTMLVideoElement>(selector as string);
      return !!v && v.currentTime > (at as number) && v.readyState >= 2;
    },
    [`${ANCHOR} video`, seconds],
  );
}

/** The text of the cues showing now in the track of `language`. */
async function activeCues(page: Page, language: string): Promise<string[]> {
  return video(page).evaluate((v: HTMLVideoElement, lang) => {
    const track = [...v.textTracks].find((t) => t.kind === 'captions' && t.language === lang);
    return [...(track?.activeCues ?? [])].map((cue) => (cue as VTTCue).text);
  }, language);
}

test.describe('a craft film', () => {
  test('downloads nothing before play, then plays with Chinese captions and chapters that seek', async ({
    page,
  }) => {
    const films: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.mp4')) films.push(r.url());
    });
    await page.goto(CRAFT);
    const player = video(page);
    await expect(player).toHaveAttribute('preload', 'none');
    await expect(page.locator(ANCHOR)).toContainText('示意动画');
    // captions in three scripts (traditional made from the simplified), the page's own on
    const tracks = await player.evaluate((v: HTMLVideoElement) =>
      [...v.textTracks].map(
        (t) => `${t.kind}:${t.language}:${t.kind === 'chapters' ? '' : t.mode}`,
      ),
    );
    // (the chapters track is for players that show chapters; the page lists them itself)
    expect(tracks).toEqual([
      'captions:zh-Hans:showing',
      'captions:zh-Hant:disabled',
      'captions:en:disabled',
      'chapters:zh-Hans:',
    ]);
    await page.waitForLoadState('networkidle');
    expect(films).toEqual([]);

    // The chapter of the second step seeks the film to it and plays.
    await page
      .locator('.film-chapters')
      .getByRole('link', { name: /凿粗坯/ })
      .click();
    await playedPast(page, 6.2);
    expect(films.length).toBeGreaterThan(0);
    await expect
      .poll(() => activeCues(page, 'zh-Hans'))
      .toContainEqual(expect.stringContaining('凿粗坯'));
    // the frame on screen is the film's, not a black one: the roughed-out panel in wood tones
    const frame = await player.evaluate((v: HTMLVideoElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 36;
      const context = canvas.getContext('2d');
      context?.drawImage(v, 0, 0, 64, 36);
      const [r, g, b] = context?.getImageData(32, 18, 1, 1).data ?? [];
      return { r, g, b };
    });
    expect(frame.r).toBeGreaterThan(frame.b! + 40);

    // The last step's chapter: lacquering and gilding, at 24 s.
    await page
      .locator('.film-chapters')
      .getByRole('link', { name: /髹漆贴金/ })
      .click();
    await playedPast(page, 24.1);
    await expect
      .poll(() => activeCues(page, 'zh-Hans'))
      .toContainEqual(expect.stringContaining('髹漆贴金'));
  });

  test('lists each step with its tools and materials, and the terms of the trade with sources', async ({
    page,
  }) => {
    await page.goto(CRAFT);
    const rough = page.locator('.steps li', { hasText: '凿粗坯' });
    await expect(rough.locator('.step-facts')).toContainText('锯');
    await expect(rough.locator('.step-facts')).toContainText('凿');
    await expect(rough.getByRole('link', { name: '在影片中观看这道工序' })).toHaveAttribute(
      'href',
      `?t=6${ANCHOR}`,
    );
    const gilding = page.locator('.steps li', { hasText: '髹漆贴金' });
    await expect(gilding.locator('.step-facts')).toContainText('漆刷');
    await expect(gilding.locator('.step-facts')).toContainText('金');
    const glossary = page.locator('.glossary');
    await expect(glossary.locator('dt').first()).toContainText('金漆木雕 jīn qī mù diāo');
    await expect(
      glossary.getByRole('link', { name: '潮州木雕：金漆交映中的岭南技艺记忆' }),
    ).toHaveAttribute('href', 'https://news.ycwb.com/2024-01/04/content_52424873.htm');
  });

  test('shows the English captions and transcript on the English page', async ({ page }) => {
    await page.goto(`/en${CRAFT}`);
    const modes = await video(page).evaluate((v: HTMLVideoElement) =>
      Object.fromEntries([...v.textTracks].map((t) => [`${t.kind}:${t.language}`, t.mode])),
    );
    expect(modes['captions:en']).toBe('showing');
    const transcript = page.locator(`${ANCHOR} .film-transcript`);
    await transcript.locator('summary').click();
    await expect(transcript).toContainText('Roughing out: waste is sawn away');
    await expect(transcript).toContainText('not filmed work');
  });

  test('a search for words of the captions opens the film at that moment', async ({ page }) => {
    await page.goto('/en/search/?q=chiselled');
    const moment = page
      .locator('.search-hit', { hasText: 'Chaozhou wood carving' })
      .locator('.search-hit__moment a');
    await expect(moment).toHaveText(/0:06/);
    await moment.click();
    await expect(page).toHaveURL(new RegExp(`/en${CRAFT}\\?t=6${ANCHOR}$`));
    await page.waitForFunction(
      (selector) => (document.querySelector<HTMLVideoElement>(selector)?.currentTime ?? 0) >= 6,
      `${ANCHOR} video`,
    );
    await expect
      .poll(() => activeCues(page, 'en'))
      .toContainEqual(expect.stringContaining('chiselled'));
  });

  test('its page ships a few hundred bytes of script, and a craft page without a film none of it', async ({
    page,
  }) => {
    const inlineScripts = () =>
      page.$$eval('script:not([src]):not([type="application/ld+json"])', (scripts) =>
        scripts.map((s) => s.textContent ?? ''),
      );
    await page.goto(CRAFT);
    const withFilm = (await inlineScripts()).filter((s) => s.includes('data-film-player'));
    const external = await page.$$eval('script[src]', (scripts) => scripts.length);
    const bytes = withFilm.reduce((n, s) => n + gzipSync(s).length, 0);
    console.log(
      `budget: film player script on ${CRAFT}: ${String(bytes)} bytes (gzip), ${String(external)} external scripts`,
    );
    expect(withFilm.length).toBe(1);
    expect(bytes).toBeLessThanOrEqual(1_000);
    await page.goto('/crafts/guangcai-porcelain/');
    expect((await inlineScripts()).filter((s) => s.includes('data-film-player'))).toEqual([]);
  });

  test('its IIIF manifest, linked from the page, validates and points at files the site serves', async ({
    page,
    request,
  }) => {
    await page.goto(CRAFT);
    const url = await page.locator('[data-iiif-manifest]').getAttribute('data-iiif-manifest');
    const manifest = (await (await request.get(new URL(url ?? '').pathname)).json()) as Json;
    expect(iiifErrors(manifest)).toEqual([]);
    const [canvas] = manifest['items'] as Json[];
    expect(canvas?.['duration']).toBe(30);
    const body = ((canvas?.['items'] as Json[])[0]?.['items'] as Json[])[0]?.['body'] as Json;
    const captions = ((canvas?.['annotations'] as Json[])[0]?.['items'] as Json[]).map(
      (a) => a['body'] as Json,
    );
    expect(captions.map((c) => c['language'])).toEqual(['zh-Hans', 'zh-Hant', 'en']);
    for (const file of [body, ...captions])
      expect((await request.get(new URL(file['id'] as string).pathname)).status()).toBe(200);
    const steps = ((manifest['structures'] as Json[])[0]?.['items'] as Json[]).map((r) =>
      ((r['items'] as Json[])[0]?.['id'] as string).replace(/^.*#/, ''),
    );
    expect(steps).toEqual(['t=0,6', 't=6,12', 't=12,18', 't=18,24', 't=24,30']);
  });
});

type Json = Record<string, unknown>;
