/**
 * sitemap.xml (both languages, xhtml:link hreflang alternates), an Atom feed of newly added records
 * and robots.txt. Pure: endpoints pass the pages and records.
 */
import type { Collection } from '../../schemas/index.ts';
import { collections } from '../../schemas/index.ts';
import {
  refLicense,
  refModified,
  refName,
  refSummary,
  ymd,
  type AnyRecordRef,
} from '../records/record-ref.ts';
import { findTerm } from '../records/vocabularies.ts';
import { absolute, permanentPath, recordPath, SITE_NAME } from '../site/urls.ts';

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

/** The most URLs one sitemap file may list (sitemaps.org protocol). */
export const SITEMAP_MAX_URLS = 50_000;

/** Path of the `n`th sitemap (from 1) when the pages need more than one file. */
export function sitemapPartPath(n: number): string {
  return `/sitemap-${String(n)}.xml`;
}

/**
 * The pages split into sitemap files of at most `maxUrls` URLs each; every page is listed in
 * both languages, so a file holds half as many pages. One part when everything fits.
 */
export function sitemapParts(pages: SitemapPage[], maxUrls = SITEMAP_MAX_URLS): SitemapPage[][] {
  const perFile = Math.floor(maxUrls / 2);
  const parts: SitemapPage[][] = [];
  for (let start = 0; start < pages.length; start += perFile) {
    parts.push(pages.slice(start, start + perFile));
  }
  return parts.length > 0 ? parts : [[]];
}

/** Sitemap index naming the `count` sitemap files, served at /sitemap.xml when one is not enough. */
export function sitemapIndexXml(count: number, site: string | URL): string {
  const entries = Array.from(
    { length: count },
    (_, i) =>
      `  <sitemap>\n    <loc>${xmlEscape(absolute(sitemapPartPath(i + 1), site))}</loc>\n  </sitemap>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    `${entries.join('\n')}\n</sitemapindex>\n`
  );
}

/** The record pages of the sitemap (Chinese paths) with their modification dates. */
export function recordPages(refs: readonly AnyRecordRef[]): SitemapPage[] {
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
  cases: { zh: '典型案例', en: 'Typical case' },
};

/** RFC 3339 timestamp of a calendar date. */
function stamp(date: Date): string {
  return `${ymd(date)}T00:00:00Z`;
}

/**
 * The records of one day's additions in feed order: the record types take turns (works, crafts,
 * people, clusters, exhibitions), each newest first (IDs are given out in order, so a higher ID
 * was added later). A day's import of hundreds of records of one type then does not push every
 * other type out of the feed, as sorting ties by ID did.
 */
function interleaveByType(sameDay: AnyRecordRef[]): AnyRecordRef[] {
  const queues = collections.map((c) =>
    sameDay.filter((r) => r.collection === c).sort((a, b) => b.data.id.localeCompare(a.data.id)),
  );
  const out: AnyRecordRef[] = [];
  for (let i = 0; out.length < sameDay.length; i++) {
    for (const queue of queues) {
      const ref = queue[i];
      if (ref) out.push(ref);
    }
  }
  return out;
}

/** Records newest first by the day they were added, the types interleaved within a day. */
export function recentlyAdded(refs: readonly AnyRecordRef[]): AnyRecordRef[] {
  const days = new Map<number, AnyRecordRef[]>();
  for (const ref of refs) {
    const day = ref.data.added.getTime();
    const list = days.get(day);
    if (list) list.push(ref);
    else days.set(day, [ref]);
  }
  return [...days.entries()]
    .sort(([a], [b]) => b - a)
    .flatMap(([, sameDay]) => interleaveByType(sameDay));
}

/** The license of a record's text and data, as an Atom `<rights>` text and a license link. */
function entryRights(ref: AnyRecordRef): string[] {
  const key = refLicense(ref);
  const license = findTerm('licenses', key);
  if (!license) return [`    <rights>${xmlEscape(key)}</rights>`];
  const text = license.zh === license.en ? license.en : `${license.zh} / ${license.en}`;
  return [
    `    <rights>${xmlEscape(text)}</rights>`,
    // RFC 4946 (Atom License Extension): the license as a link too.
    `    <link rel="license" type="text/html" href="${xmlEscape(license.url)}"/>`,
  ];
}

/**
 * Atom feed (RFC 4287) of the `limit` most recently added records, newest first, every record
 * type represented (see {@link recentlyAdded}), bilingual entries with their license.
 */
export function atomFeed(refs: readonly AnyRecordRef[], site: string | URL, limit = 50): string {
  const recent = recentlyAdded(refs).slice(0, limit);
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
      `    <id>${xmlEscape(absolute(permanentPath(ref.data.id, 'zh'), site))}</id>`,
      `    <title>${xmlEscape(name.zh === name.en ? name.zh : `${name.zh} / ${name.en}`)}</title>`,
      `    <link rel="alternate" type="text/html" hreflang="zh-Hans" href="${xmlEscape(zh)}"/>`,
      `    <link rel="alternate" type="text/html" hreflang="en" href="${xmlEscape(en)}"/>`,
      `    <published>${stamp(ref.data.added)}</published>`,
      `    <updated>${stamp(refModified(ref))}</updated>`,
      `    <category term="${ref.collection}" label="${xmlEscape(`${kind.zh} / ${kind.en}`)}"/>`,
      `    <summary>${xmlEscape(text)}</summary>`,
      ...entryRights(ref),
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
