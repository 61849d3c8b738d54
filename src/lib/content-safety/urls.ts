/**
 * Which links a record may hold: web addresses (`https:`, `http:`) and links inside the site.
 * A browser decodes character references in an HTML attribute and skips tabs, newlines and
 * control characters in a URL, so `jav&#x61;script:` and `java\tscript:` are both
 * `javascript:`; the scheme is read only after undoing both.
 * Pure.
 */
import { htmlToHast } from 'satteri';

const allowedSchemes = new Set(['http', 'https']);

/** Whitespace, C0/C1 controls and zero-width characters, which can hide a scheme. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const invisible = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/g;

interface ParsedAnchor {
  children?: { properties?: { title?: unknown } }[];
}

/**
 * The value as a browser reads it from an HTML attribute (character references decoded), by
 * handing it to the same HTML parser the site's Markdown pipeline uses.
 */
export function decodeCharacterReferences(value: string): string {
  if (!value.includes('&')) return value;
  const tree = htmlToHast(`<a title="${value.replaceAll('"', '&quot;')}">`, {
    fragment: true,
  }) as ParsedAnchor;
  const title = tree.children?.[0]?.properties?.title;
  return typeof title === 'string' ? title : value;
}

/** The scheme a link would be followed with (`https`, `javascript` …); undefined when relative. */
export function linkScheme(url: string): string | undefined {
  const bare = decodeCharacterReferences(url).replace(invisible, '');
  const end = bare.search(/[:/?#\\]/);
  if (end === -1 || bare[end] !== ':') return undefined;
  return bare.slice(0, end).toLowerCase();
}

/** Whether a record may link to `url`: a web address or a relative link inside the site. */
export function isSafeLink(url: string): boolean {
  const scheme = linkScheme(url);
  return scheme === undefined || allowedSchemes.has(scheme);
}
