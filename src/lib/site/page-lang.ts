/** The page language from Astro's locale. Pure. */
import type { Lang } from '../records/vocabularies.ts';

/** The page language from Astro's current locale (Chinese unless the page is under /en/). */
export function pageLang(locale: string | undefined): Lang {
  return locale === 'en' ? 'en' : 'zh';
}
