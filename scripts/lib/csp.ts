/**
 * The Content-Security-Policy of the built site, taken from the built pages themselves. After
 * `astro build`, every page in dist/ is parsed (parse5, the HTML standard's parser, so the text
 * hashed is the text the browser hashes) and every inline `<script>`, `<style>` and `style=""`
 * attribute is hashed. Each page gets a `<meta http-equiv="content-security-policy">` allowing
 * exactly its own inline code; the site-wide policy for the hosting headers
 * (scripts/lib/hosting.ts) allows the union. Nothing else inline runs: not a record's text, not
 * an injected `<script>`, not an `onclick`.
 *
 * Astro's own `security.csp` was not used: it hashes only what Astro bundles and lists every
 * bundle's hash on every page, it cannot hash the pictures' per-image placeholder styles, and a
 * static build gets no headers from it, so the headers would need this pass over dist/ anyway.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Hash sources (`'sha256-…'`) of a page's inline code, by where the policy allows them. */
export interface InlineCode {
  /** `<script>` elements without `src` that the browser runs (not JSON-LD or other data). */
  scripts: Set<string>;
  /** `<style>` elements. */
  styles: Set<string>;
  /** `style=""` attributes (the pictures' placeholders, the province grid's positions). */
  styleAttributes: Set<string>;
}

export function emptyInlineCode(): InlineCode {
  return { scripts: new Set(), styles: new Set(), styleAttributes: new Set() };
}

/** The CSP hash source of a text, as the browser computes it (SHA-256 of its UTF-8 bytes). */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

// Script types the browser runs, and so the CSP governs; any other type is a data block
// (`application/ld+json`), which is never run and needs no hash.
const RUN_TYPES = new Set(['', 'module', 'importmap', 'speculationrules']);
const JS_MIME =
  /^(?:text|application)\/(?:x-)?(?:java|ecma)script(?:1\.[0-5])?$|^text\/(?:jscript|livescript)$/;

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function runsAsScript(element: Element): boolean {
  if (attribute(element, 'src') !== undefined) return false;
  const type = (attribute(element, 'type') ?? '').trim().toLowerCase();
  return RUN_TYPES.has(type) || JS_MIME.test(type);
}

/** The raw text of a `<script>` or `<style>` (one text node: both are raw-text elements). */
function textOf(element: Element): string {
  return element.childNodes
    .map((n) => (n.nodeName === '#text' ? (n as DefaultTreeAdapterTypes.TextNode).value : ''))
    .join('');
}

function childrenOf(node: Node): Node[] {
  const children = 'childNodes' in node ? [...node.childNodes] : [];
  // A <template>'s content runs once a script clones it into the page (Astro's island slots).
  if (node.nodeName === 'template')
    children.push(...(node as DefaultTreeAdapterTypes.Template).content.childNodes);
  return children;
}

function collect(node: Node, code: InlineCode): void {
  if ('tagName' in node) {
    const style = attribute(node, 'style');
    if (style !== undefined) code.styleAttributes.add(hashSource(style));
    if (node.tagName === 'script' && runsAsScript(node)) code.scripts.add(hashSource(textOf(node)));
    if (node.tagName === 'style') code.styles.add(hashSource(textOf(node)));
  }
  for (const child of childrenOf(node)) collect(child, code);
}

export interface ParsedPage {
  code: InlineCode;
  /** Where the policy's `<meta>` goes: after `<meta charset>`, before any inline code. */
  metaAt: number;
  /** A `<meta http-equiv="content-security-policy">` already there (a rebuilt page), to replace. */
  existingMeta?: { start: number; end: number };
}

function findElement(node: Node, test: (e: Element) => boolean): Element | undefined {
  if ('tagName' in node && test(node)) return node;
  for (const child of childrenOf(node)) {
    const found = findElement(child, test);
    if (found) return found;
  }
  return undefined;
}

const isCspMeta = (e: Element) =>
  e.tagName === 'meta' &&
  (attribute(e, 'http-equiv') ?? '').toLowerCase() === 'content-security-policy';

/** Parses a built page: its inline code and where its policy goes. `file` names it in errors. */
export function parsePage(html: string, file: string): ParsedPage {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const code = emptyInlineCode();
  collect(document, code);
  const head = findElement(document, (e) => e.tagName === 'head');
  const charset =
    head && findElement(head, (e) => e.tagName === 'meta' && attribute(e, 'charset') !== undefined);
  const anchor =
    charset?.sourceCodeLocation?.endOffset ?? head?.sourceCodeLocation?.startTag?.endOffset;
  if (anchor === undefined) {
    throw new Error(
      `${file}: <head>: the page has no <head> tag, so its Content-Security-Policy cannot be placed / 页面缺少 <head>，无法写入内容安全策略`,
    );
  }
  const meta = head && findElement(head, isCspMeta)?.sourceCodeLocation;
  return {
    code,
    metaAt: anchor,
    ...(meta ? { existingMeta: { start: meta.startOffset, end: meta.endOffset } } : {}),
  };
}

/** What the policy allows besides the pages' own inline code. */
export interface PolicyOptions {
  /** The search server's address (PUBLIC_MEILI_HOST at build time), which the search page calls. */
  searchHost?: string | undefined;
}

/** The origin of the search server for `connect-src`, or nothing for a site built without one. */
function searchOrigin(host: string | undefined): string[] {
  if (!host) return [];
  try {
    return [new URL(host).origin];
  } catch {
    throw new Error(
      `PUBLIC_MEILI_HOST: "${host}" is not a URL, so the Content-Security-Policy cannot allow it — write it as https://search.example.org / 搜索服务器地址不是有效网址`,
    );
  }
}

/**
 * The directives of the policy, one list for the page's `<meta>` and the site's header. Every
 * source here was needed by a real page in Chromium (tests/e2e/csp.spec.ts fails without it).
 * `styleAttributes` is `'any'` only for the site-wide header: see {@link sitePolicy}.
 */
function directives(
  code: InlineCode,
  options: PolicyOptions,
  styleAttributes: 'hashes' | 'any',
): string[] {
  const list = (sources: Iterable<string>) => [...sources].sort();
  const attributeSources =
    styleAttributes === 'any'
      ? ["'unsafe-inline'"]
      : code.styleAttributes.size > 0
        ? ["'unsafe-hashes'", ...list(code.styleAttributes)]
        : ["'none'"];
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets WebAssembly compile (the 3D viewer's meshopt and Draco decoders);
    // it does not allow eval() of JavaScript.
    ["script-src 'self' 'wasm-unsafe-eval'", ...list(code.scripts)].join(' '),
    ["style-src 'self'", ...list(code.styles)].join(' '),
    ['style-src-attr', ...attributeSources].join(' '),
    // data: for the pictures' blurred placeholders (CSS background data URLs); blob: for the
    // textures the 3D viewer unpacks from a .glb.
    "img-src 'self' data: blob:",
    ["connect-src 'self'", ...searchOrigin(options.searchHost), 'blob:'].join(' '),
    // The viewer's decoders run in workers made from blob: URLs (three.js meshopt and Draco).
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ];
}

/** A page's policy for its `<meta>` tag: exactly the page's own inline code. */
export function pagePolicy(code: InlineCode, options: PolicyOptions): string {
  return directives(code, options, 'hashes').join('; ');
}

/**
 * The site-wide policy for the `Content-Security-Policy` header: the union of every page's
 * inline scripts and styles (a few dozen at most: they come from components, not records), plus
 * `frame-ancestors`, which a `<meta>` cannot set. Style attributes are the exception: there is one
 * placeholder per picture, so their union grows with the collection and would not fit in a
 * header. The header allows style attributes, and every page's `<meta>` (enforced together with
 * the header: the browser applies both) narrows them to that page's own hashes. Style attributes
 * cannot run script.
 */
export function sitePolicy(code: InlineCode, options: PolicyOptions): string {
  return [...directives(code, options, 'any'), "frame-ancestors 'none'"].join('; ');
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
}

/** The page with its policy `<meta>` in place (replacing one already there). */
export function withPolicyMeta(html: string, page: ParsedPage, policy: string): string {
  const meta = `<meta http-equiv="content-security-policy" content="${escapeAttribute(policy)}">`;
  const cut = page.existingMeta ?? { start: page.metaAt, end: page.metaAt };
  return html.slice(0, cut.start) + meta + html.slice(cut.end);
}

function addAll(into: InlineCode, from: InlineCode): void {
  for (const key of ['scripts', 'styles', 'styleAttributes'] as const) {
    for (const source of from[key]) into[key].add(source);
  }
}

/**
 * Writes each page's policy `<meta>` into the built HTML files and returns the union of their
 * inline code, for the site-wide header.
 */
export function secureBuiltPages(files: string[], options: PolicyOptions): InlineCode {
  const site = emptyInlineCode();
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const page = parsePage(html, file);
    writeFileSync(file, withPolicyMeta(html, page, pagePolicy(page.code, options)));
    addAll(site, page.code);
  }
  return site;
}
