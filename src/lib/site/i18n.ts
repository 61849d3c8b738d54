/**
 * Languages of the site and the small helpers pages use to pick text and build links.
 * Pure.
 */
import type { Lang } from '../records/vocabularies.ts';

export type { Lang };
export const languages: Lang[] = ['zh', 'en'];

/** BCP 47 tag for `lang` attributes. */
export const htmlLang: Record<Lang, string> = { zh: 'zh-Hans', en: 'en' };

/** A text in both languages; the English may be missing for proper names. */
export interface Localized {
  zh: string;
  en?: string | undefined;
}

/** The text in the wanted language, falling back to Chinese. */
export function pick(text: Localized, lang: Lang): string {
  return lang === 'en' ? (text.en ?? text.zh) : text.zh;
}

/** Prefix a site path with the language (Chinese lives at the root, English under /en). */
export function localePath(path: string, lang: Lang): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return lang === 'en' ? `/en${clean === '/' ? '/' : clean}` : clean;
}

/** The same page in the other language, from a path in either language. */
export function switchLanguage(pathname: string, to: Lang): string {
  const bare = pathname.replace(/^\/en(\/|$)/, '/');
  return localePath(bare, to);
}
