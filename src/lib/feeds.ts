/**
 * sitemap.xml (both languages, xhtml:link hreflang alternates), an Atom feed of newly added records
 * and robots.txt. Pure: endpoints pass the pages and records.
 */
import type { Collection } from '../schemas/index.ts';
import {
  absolute,
  refModified,
  refName,
  refSummary,
  SITE_NAME,
  ymd,
  type AnyRecordRef,
} from './record-ref.ts';
import { recordPath } from './urls.ts';

export const SITEMAP_PATH = '/sitemap.xml';
export const FEED_PATH = '/feed.xml';

/** A page of the site by its Chinese path; the English one is the same under `/en`. */
export interface SitemapPage {
  path: string;
  lastmod?: string | undefined;
}

export function xmlEscape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

function enPath(path: string): string {
  return path === '/' ? '/en/' : `/en${path}`;
}

/** Sitemap with one `<url>` per page and language, each listing both languages and x-default. */
export function sitemapXml(pages: SitemapPage[], site: string | URL): string {
  const urls = pages.flatMap((page) => {
    const zh = absolute(page.path, site);
    const en = absolute(enPath(page.path), site);
    const alternates = [
      `    <xhtml:link rel="alternate" hreflang="zh-Hans" href="${xmlEscape(zh)}"/>`,
      `    <xhtml:link rel="alternate" hreflang="en" href="${xmlEscape(en)}"/>`,
      `    <xhtml:link rel="alternate" hreflang="x-default" href="${xmlEscape(zh)}"/>`,
    ].join('\n');
    const lastmod = page.lastmod ? `\n    <lastmod>${page.lastmod}</lastmod>` : '';
    return [zh, en].map(
      (loc) => `  <url>\n    <loc>${xmlEscape(loc)}</loc>${lastmod}\n${alternates}\n  </url>`,
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    `${urls.join('\n')}\n</urlset>\n`
  );
}

/** The record pages of the sitemap (Chinese paths) with their modification dates. */
export function recordPages(refs: AnyRecordRef[]): SitemapPage[] {
  return refs.map((ref) => ({
    path: recordPath(ref.collection, ref.slug, 'zh'),
    lastmod: ymd(refModified(ref)),
  }));
}

const kinds: Record<Collection, { zh: string; en: string }> = {
  works: { zh: '作品', en: 'Work' },
  crafts: { zh: '技艺', en: 'Craft' },
  people: { zh: '人物', en: 'Person' },
  clusters: { zh: '聚集区', en: 'Craft cluster' },
  exhibitions: { zh: '展览', en: 'Exhibition' },
};

/** RFC 3339 timestamp of a calendar date. */
function stamp(date: Date): string {
  return `${ymd(date)}T00:00:00Z`;
}

/** Atom feed (RFC 4287) of the `limit` most recently added records, newest first, bilingual entries. */
export function atomFeed(refs: AnyRecordRef[], site: string | URL, limit = 50): string {
  const recent = [...refs]
    .sort(
      (a, b) =>
        b.data.added.getTime() - a.data.added.getTime() || a.data.id.localeCompare(b.data.id),
    )
    .slice(0, limit);
  const updated = recent.reduce((max, ref) => Math.max(max, refModified(ref).getTime()), 0);
  const entries = recent.map((ref) => {
    const name = refName(ref);
    const summary = refSummary(ref);
    const zh = absolute(recordPath(ref.collection, ref.slug, 'zh'), site);
    const en = absolute(recordPath(ref.collection, ref.slug, 'en'), site);
    const kind = kinds[ref.collection];
    const text = summary ? `${summary.zh}\n\n${summary.en}` : `${kind.zh} / ${kind.en}`;
    return [
      '  <entry>',
      `    <id>${xmlEscape(absolute(`/id/${ref.data.id}/`, site))}</id>`,
      `    <title>${xmlEscape(name.zh === name.en ? name.zh : `${name.zh} / ${name.en}`)}</title>`,
      `    <link rel="alternate" type="text/html" hreflang="zh-Hans" href="${xmlEscape(zh)}"/>`,
      `    <link rel="alternate" type="text/html" hreflang="en" href="${xmlEscape(en)}"/>`,
      `    <published>${stamp(ref.data.added)}</published>`,
      `    <updated>${stamp(refModified(ref))}</updated>`,
      `    <category term="${ref.collection}" label="${xmlEscape(`${kind.zh} / ${kind.en}`)}"/>`,
      `    <summary>${xmlEscape(text)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-Hans">',
    `  <id>${xmlEscape(absolute(FEED_PATH, site))}</id>`,
    `  <title>${xmlEscape(`${SITE_NAME.zh} · 最新收录 / ${SITE_NAME.en} · Recently added`)}</title>`,
    `  <updated>${updated > 0 ? stamp(new Date(updated)) : '1970-01-01T00:00:00Z'}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(absolute(FEED_PATH, site))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(absolute('/', site))}"/>`,
    `  <author><name>${xmlEscape(`${SITE_NAME.zh} / ${SITE_NAME.en}`)}</name></author>`,
    `  <rights>CC BY 4.0 unless a record states otherwise / 记录文字默认以 CC BY 4.0 发布</rights>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** robots.txt: everything may be crawled; the sitemap is named. */
export function robotsTxt(site: string | URL): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absolute(SITEMAP_PATH, site)}\n`;
}
