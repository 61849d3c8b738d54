/** The built site's pages, by type, for the end-to-end suites. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { sitePages } from '../../scripts/lib/site-links.ts';

export const dist = resolve(import.meta.dirname, '../../dist');
export const pages = sitePages(dist);

/** The first record page under a listing path such as `/works/`. */
export function firstUnder(prefix: string): string {
  const page = pages.find((p) => p.startsWith(prefix) && p !== prefix);
  if (!page) throw new Error(`the built site has no page under ${prefix}`);
  return page;
}

/** One page of every type (Chinese paths). */
export function pageTypes(): string[] {
  const listings = [
    '/',
    '/works/',
    '/crafts/',
    '/people/',
    '/clusters/',
    '/reports/clusters/',
    '/exhibitions/',
    '/eras/',
    '/colours/',
    '/compare/',
    '/regions/',
    '/thesaurus/',
    '/about/',
    '/search/',
    '/collection/',
  ];
  const details = [
    '/works/',
    '/crafts/',
    '/people/',
    '/clusters/',
    '/exhibitions/',
    '/regions/',
    '/thesaurus/',
    '/thesaurus/schemes/',
    '/reports/clusters/',
  ].map(firstUnder);
  return [...listings, ...details];
}

/** Every page type in both languages. */
export function pageTypesBothLanguages(): string[] {
  return pageTypes().flatMap((p) => [p, `/en${p}`]);
}

/** The first work page whose built HTML passes `test`. */
function workPageWhere(test: (html: string) => boolean): string | undefined {
  return pages.find(
    (p) => /^\/works\/[^/]+\/$/.test(p) && test(readFileSync(`${dist}${p}index.html`, 'utf8')),
  );
}

/** A work page without a 3D model (the common case; model pages have their own JS budget). */
export function workWithoutModel(): string {
  return workPageWhere((html) => !html.includes('model-section')) ?? firstUnder('/works/');
}

/** A work page whose first picture is a photograph or still (loaded eagerly, high priority). */
export function workWithPicture(): string {
  const found = workPageWhere((html) => html.includes('fetchpriority="high"'));
  if (!found) throw new Error('the built site has no work page with a picture');
  return found;
}

/** Console errors and uncaught exceptions of a page, collected from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
