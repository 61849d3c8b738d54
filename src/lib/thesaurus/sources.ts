/**
 * The sources of the thesaurus as pages cite them: the citation in both languages and its web
 * address, kept only when it is one (`https:` or `http:`), so that a bad `url` in sources.json
 * never becomes a `javascript:` link.
 * Pure.
 */
import { linkScheme } from '../content-safety/urls.ts';
import { thesaurus, type Thesaurus, type ThesaurusSource } from './index.ts';

export interface CitedSource {
  id: string;
  zh: string;
  en: string;
  url?: string | undefined;
}

function cite(s: ThesaurusSource): CitedSource {
  const web = s.url !== undefined && ['http', 'https'].includes(linkScheme(s.url) ?? '');
  return { id: s.id, zh: s.zh, en: s.en, url: web ? s.url : undefined };
}

/** The sources with these IDs, in that order (unknown IDs are left to `npm run check`). */
export function citedSources(ids: readonly string[], t: Thesaurus = thesaurus()): CitedSource[] {
  return ids.flatMap((id) => {
    const s = t.sources.get(id);
    return s ? [cite(s)] : [];
  });
}

/** Every source of the thesaurus, in the order of sources.json. */
export function allSources(t: Thesaurus = thesaurus()): CitedSource[] {
  return [...t.sources.values()].map(cite);
}
