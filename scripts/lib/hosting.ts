/**
 * The HTTP headers and redirects the site is served with, defined once here and written at build
 * time for each kind of host, because both depend on the build (the hashes of the pages' inline
 * code, the search server's address, the records' IDs and pages):
 *
 * - dist/_headers                    Netlify and Cloudflare Pages (read from the published folder)
 * - dist/_redirects                  Netlify (Cloudflare Pages reads it too, see netlifyRedirects)
 * - dist/_hosting/headers.nginx      included by hosting/nginx.conf
 * - dist/_hosting/permalinks.map     included by hosting/nginx.conf (its `map` of IDs)
 * - dist/_hosting/headers.caddy      imported by hosting/Caddyfile
 * - dist/_hosting/permalinks.caddy   imported by hosting/Caddyfile (its `map` of IDs)
 * - dist/_hosting/headers.json       the same header rules as data (the end-to-end tests serve them)
 *
 * Hosts that can set no headers still get the policy from each page's `<meta>` (scripts/lib/csp.ts),
 * and hosts that cannot redirect still forward `/id/<ID>/` with its HTML page. A header rule is a
 * path prefix and its headers; every rule that matches a request applies, a later one replacing a
 * header an earlier one set. CORS for open data and the like are added here as further rules.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { languages, localePath, type Lang } from '../../src/lib/site/i18n.ts';
import { permanentPath } from '../../src/lib/site/urls.ts';
import { formatProblem, type Problem } from './problems.ts';

export interface HeaderRule {
  /** A URL path prefix ending in `/` (`/` is every path). */
  path: string;
  headers: Record<string, string>;
}

/** The headers of every response: the policy and the browser features the site does not use. */
export function securityHeaders(contentSecurityPolicy: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    'Permissions-Policy':
      'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  };
}

/** Paths that other sites and tools read from the browser: the About page promises them. */
export const OPEN_DATA_PATHS = ['/iiif/', '/api/', '/data/'];

/**
 * Pages and every other file whose name does not change with its content are revalidated on each
 * use (cheap: the servers send ETag and Last-Modified), so a deploy shows at once; a page kept
 * longer would ask for /_astro/ files that the next build has renamed. Without a Cache-Control
 * header browsers guess a lifetime from Last-Modified, often hours.
 */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/** Files named by their content hash: a new build writes new names, so they never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** All header rules of the site, from its site-wide Content-Security-Policy. */
export function hostingRules(contentSecurityPolicy: string): HeaderRule[] {
  return [
    {
      path: '/',
      headers: { ...securityHeaders(contentSecurityPolicy), 'Cache-Control': REVALIDATE },
    },
    // Astro names these files by content hash.
    { path: '/_astro/', headers: { 'Cache-Control': IMMUTABLE } },
    ...OPEN_DATA_PATHS.map((path) => ({ path, headers: { 'Access-Control-Allow-Origin': '*' } })),
  ];
}

/** Names of the site-wide headers that a path rule sets again: for them the site value is a default. */
function replacedHeaders(rules: HeaderRule[]): Set<string> {
  const [site, ...paths] = rules;
  const later = new Set(paths.flatMap((rule) => Object.keys(rule.headers)));
  return new Set(Object.keys(site?.headers ?? {}).filter((name) => later.has(name)));
}

function withoutHeaders(headers: Record<string, string>, names: Set<string>) {
  return Object.entries(headers).filter(([name]) => !names.has(name));
}

/**
 * The type of every kind of file the site has, by extension: the nginx and Caddy configurations
 * use this table rather than the server's own, which lacks .glb, .bib and .ris (and .avif in older
 * nginx). Text types carry their charset.
 */
export const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json',
  xml: 'application/xml',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  bib: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  glb: 'model/gltf-binary',
  gltf: 'model/gltf+json',
  mp4: 'video/mp4',
  m4a: 'audio/mp4',
  opus: 'audio/ogg',
  vtt: 'text/vtt; charset=utf-8',
  wasm: 'application/wasm',
  woff2: 'font/woff2',
};

/**
 * Files worth compressing on the fly: text, and the models (meshopt data is made to be
 * gzipped after: the gong's 50,000-triangle preview goes from 847 to 751 KiB). Images and fonts
 * are compressed already. The build writes nginx's `gzip_types` from this list (the Lighthouse
 * test counts these files at their gzip size); Caddy's `encode` compresses text by itself.
 */
export const COMPRESSED_EXTENSIONS = [
  'css',
  'js',
  'mjs',
  'json',
  'xml',
  'txt',
  'csv',
  'bib',
  'ris',
  'vtt',
  'svg',
  'glb',
  'gltf',
  'wasm',
] as const;

/** The headers a request for `path` gets: every matching rule, in order. */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  return Object.assign({}, ...rules.filter((r) => path.startsWith(r.path)).map((r) => r.headers));
}

const GENERATED = 'Generated by `npm run build` (scripts/lib/hosting.ts) — do not edit.';

/**
 * Netlify / Cloudflare Pages `_headers`: every matching block applies, and a header two matching
 * blocks set is sent once with both values joined by a comma. So a site-wide header that a path
 * rule replaces (Cache-Control) is left out here: Netlify sends `public, max-age=0,
 * must-revalidate` by default, the value the site rule has, and Cloudflare Pages revalidates too.
 */
export function netlifyHeaders(rules: HeaderRule[]): string {
  const replaced = replacedHeaders(rules);
  const blocks = rules.map((rule) =>
    [
      `${rule.path}*`,
      ...(rule.path === '/'
        ? withoutHeaders(rule.headers, replaced)
        : Object.entries(rule.headers)
      ).map(([k, v]) => `  ${k}: ${v}`),
    ].join('\n'),
  );
  return `# ${GENERATED}\n${blocks.join('\n')}\n`;
}

const nginxHeader = (name: string, value: string) =>
  // `always`: the 404 page gets the headers too.
  `add_header ${name} "${value}" always;`;

/**
 * nginx directives for the server block. An `add_header` inside a `location` replaces every
 * `add_header` of the server block, so each location repeats the site-wide headers (but not those
 * its rule replaces: nginx would send both).
 */
export function nginxHeaders(rules: HeaderRule[]): string {
  const [site, ...paths] = rules;
  const siteLines = Object.entries(site?.headers ?? {}).map(([k, v]) => nginxHeader(k, v));
  // nginx matches gzip_types against the type without the charset its charset module adds; a
  // type with the charset written in (as these were) matched nothing, so scripts went out raw.
  const bare = (type: string) => type.split(';')[0]!;
  const types = Object.entries(CONTENT_TYPES).map(([ext, type]) => `    "${bare(type)}" ${ext};`);
  const listed = (list: string[]) => [...new Set(list.map(bare))].join(' ');
  // text/html has its charset and its compression in nginx already (and may not be listed).
  const withCharset = Object.values(CONTENT_TYPES).filter(
    (type) => type.includes('charset=utf-8') && bare(type) !== 'text/html',
  );
  const compressed = COMPRESSED_EXTENSIONS.map((ext) => CONTENT_TYPES[ext]!);
  const locations = paths.map((rule) =>
    [
      `location ^~ ${rule.path} {`,
      ...Object.entries({ ...site?.headers, ...rule.headers }).map(
        ([k, v]) => `    ${nginxHeader(k, v)}`,
      ),
      '}',
    ].join('\n'),
  );
  return [
    `# ${GENERATED}`,
    'types {',
    ...types,
    '}',
    'charset utf-8;',
    `charset_types ${listed(withCharset)};`,
    `gzip_types ${listed(compressed)};`,
    ...siteLines,
    ...locations,
    '',
  ].join('\n');
}

/**
 * Caddy directives for the site block (a matcher per path rule). Caddy runs `header` directives
 * with a path matcher before those without, so a site-wide header that a path rule replaces is set
 * as a default (`?`: only when the response has none yet). It gets a directive of its own because
 * a `?` field holds back every other field of its block once the header is there.
 */
export function caddyHeaders(rules: HeaderRule[]): string {
  const replaced = replacedHeaders(rules);
  const lines = [`# ${GENERATED}`];
  rules.forEach((rule, i) => {
    const site = rule.path === '/';
    const matcher = site ? '' : `@rule${i} `;
    if (matcher) lines.push(`@rule${i} path ${rule.path}*`);
    lines.push(`header ${matcher}{`);
    const fields = site ? withoutHeaders(rule.headers, replaced) : Object.entries(rule.headers);
    for (const [k, v] of fields) lines.push(`\t${k} "${v}"`);
    lines.push('}');
    if (site) for (const name of replaced) lines.push(`header ?${name} "${rule.headers[name]}"`);
  });
  for (const [ext, type] of Object.entries(CONTENT_TYPES)) {
    lines.push(`@type_${ext} path *.${ext}`, `header @type_${ext} Content-Type "${type}"`);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Permanent ID links

/** A permanent ID link and the page it forwards to in each language. */
export interface Permalink {
  id: string;
  zh: string;
  en: string;
}

/** Where the build lists the permanent links, in dist/ (written by src/pages/id/index.json.ts). */
export const PERMALINK_INDEX = 'id/index.json';

/** The shape of every stable ID (`BGW-000001`); no server keyword (`default`, `include`) has it. */
const RECORD_ID = /^[A-Z]+-\d+$/;

/**
 * Whether `path` is a site path of plain names between slashes, ending in one (`/works/bowl/`):
 * letters, digits, `-`, `.`, `_` and `~`, each name starting with a letter or digit. Nothing in
 * it can end a value or start a variable in nginx, Caddy or `_redirects`, leave the site (`//`,
 * `https:`, `..`) or need percent-escaping.
 */
export function isPlainSitePath(path: string): boolean {
  return /^\/(?:[A-Za-z0-9][A-Za-z0-9._~-]*\/)+$/.test(path);
}

const RENAME_FOLDER =
  "rename the record's folder in content/ to lower-case letters, digits and hyphens / 请把记录所在文件夹改名为小写字母、数字和连字符";

/** What is wrong with one entry of the index, if anything. */
function permalinkProblem(id: string, pages: unknown): Problem | undefined {
  const field = JSON.stringify(id);
  if (!RECORD_ID.test(id)) {
    return {
      field,
      en: 'is not a plain record ID (capital letters, a hyphen, digits), so it cannot go into the servers’ redirect rules',
      zh: '不是规范的记录编号（大写字母、连字符、数字），不能写入服务器的跳转规则',
      fix: 'give the record an ID such as BGW-000123 / 请使用形如 BGW-000123 的编号',
    };
  }
  const { zh, en } = (pages ?? {}) as Partial<Record<Lang, unknown>>;
  for (const page of [zh, en]) {
    if (typeof page !== 'string' || !isPlainSitePath(page)) {
      return {
        field,
        en: `page address ${JSON.stringify(page)} is not a plain site path (letters, digits, - . _ ~ between slashes), so it cannot go into the servers’ redirect rules`,
        zh: '页面地址不是单纯的站内路径（斜杠之间只能有字母、数字和 - . _ ~），不能写入服务器的跳转规则',
        fix: RENAME_FOLDER,
      };
    }
  }
  if (en !== localePath(zh as string, 'en')) {
    return {
      field,
      en: `the English page ${JSON.stringify(en)} is not the Chinese page ${JSON.stringify(zh)} under /en, which the nginx and Caddy rules assume`,
      zh: '英文页面地址不是中文页面地址加 /en 前缀，而 nginx 与 Caddy 的跳转规则以此为前提',
      fix: 'keep English pages at /en + the Chinese path (localePath in src/lib/site/i18n.ts) / 英文页面须位于 /en 加中文路径',
    };
  }
  return undefined;
}

/**
 * The permanent links of a permalink index (`{ ID: { zh, en } }`), or an error naming every
 * record whose ID or page is not plain: the rule files are configuration, and a record must not
 * be able to write configuration. `file` names the index in the message.
 */
export function permalinksFrom(index: unknown, file: string): Permalink[] {
  if (!index || typeof index !== 'object' || Array.isArray(index)) {
    throw new Error(
      `${file}: expected an object of IDs and pages / 应为编号与页面地址的对象 — rebuild the site (npm run build) / 请重新构建网站`,
    );
  }
  const problems: Problem[] = [];
  const permalinks: Permalink[] = [];
  for (const [id, pages] of Object.entries(index as Record<string, unknown>)) {
    const problem = permalinkProblem(id, pages);
    if (problem) problems.push({ ...problem, file });
    else {
      const { zh, en } = pages as Record<Lang, string>;
      permalinks.push({ id, zh, en });
    }
  }
  if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
  return permalinks;
}

/** The permanent links the build listed in `dist`. */
export function readPermalinks(dist: string): Permalink[] {
  const file = join(dist, PERMALINK_INDEX);
  const name = `dist/${PERMALINK_INDEX}`;
  if (!existsSync(file)) {
    throw new Error(
      `${name}: missing, so the permanent links get no redirect rules / 缺少永久链接清单 — it is written by src/pages/id/index.json.ts: run npm run build / 请运行 npm run build`,
    );
  }
  return permalinksFrom(JSON.parse(readFileSync(file, 'utf8')), name);
}

/** A permanent link's two addresses in one language: with and without the closing slash. */
function permalinkSources(id: string, lang: Lang): string[] {
  const path = permanentPath(id, lang);
  return [path, path.slice(0, -1)];
}

/**
 * Netlify `_redirects`: each address of each permanent link, 301 to its page. `!` forces the rule
 * over the HTML forwarding page at the same address (Netlify serves an existing file first).
 * Cloudflare Pages reads this file too but ignores `301!` lines (and takes at most 2,000 rules),
 * so there the HTML pages keep forwarding.
 */
export function netlifyRedirects(permalinks: Permalink[]): string {
  const lines = permalinks.flatMap((link) =>
    languages.flatMap((lang) =>
      permalinkSources(link.id, lang).map((from) => `${from} ${link[lang]} 301!`),
    ),
  );
  return [`# ${GENERATED}`, ...lines, ''].join('\n');
}

/**
 * The entries of hosting/nginx.conf's `map` from ID to page, one per record: nginx looks them up
 * in a hash, and adds /en itself for English (`/en/id/<ID>/` → `/en` + the page).
 */
export function nginxPermalinks(permalinks: Permalink[]): string {
  return [`# ${GENERATED}`, ...permalinks.map((link) => `${link.id} ${link.zh};`), ''].join('\n');
}

/** The entries of hosting/Caddyfile's `map` from ID to page, one per record. */
export function caddyPermalinks(permalinks: Permalink[]): string {
  return [`# ${GENERATED}`, ...permalinks.map((link) => `\t${link.id} ${link.zh}`), ''].join('\n');
}

export const HOSTING_DIR = '_hosting';

/** Writes the headers and redirects for every kind of host into the built site. */
export function writeHostingFiles(
  dist: string,
  rules: HeaderRule[],
  permalinks: Permalink[],
): void {
  const dir = join(dist, HOSTING_DIR);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dist, '_headers'), netlifyHeaders(rules));
  writeFileSync(join(dist, '_redirects'), netlifyRedirects(permalinks));
  writeFileSync(join(dir, 'headers.nginx'), nginxHeaders(rules));
  writeFileSync(join(dir, 'permalinks.map'), nginxPermalinks(permalinks));
  writeFileSync(join(dir, 'headers.caddy'), caddyHeaders(rules));
  writeFileSync(join(dir, 'permalinks.caddy'), caddyPermalinks(permalinks));
  writeFileSync(join(dir, 'headers.json'), `${JSON.stringify(rules, null, 2)}\n`);
}

/** The rules a build wrote (for serving dist/ the way a configured host does). */
export function readHostingRules(dist: string): HeaderRule[] {
  return JSON.parse(readFileSync(join(dist, HOSTING_DIR, 'headers.json'), 'utf8')) as HeaderRule[];
}
