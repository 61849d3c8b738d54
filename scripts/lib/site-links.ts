/**
 * Reads the built site in dist/: which pages exist and which internal links or assets do not
 * resolve. Used by the end-to-end tests (no browser needed for the link check).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every HTML page of the built site, as a URL path (`/works/x/`). */
export function sitePages(dist: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) pages.push(toUrlPath(relative(dist, full)));
    }
  };
  walk(dist);
  return pages.sort();
}

function toUrlPath(file: string): string {
  const path = `/${file.split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Whether a site path resolves to a file in dist. */
export function resolvesInDist(dist: string, path: string): boolean {
  const clean = decodeURIComponent(path.split(/[?#]/)[0] ?? '');
  const file = join(dist, clean);
  if (clean.endsWith('/')) return existsSync(join(file, 'index.html'));
  return existsSync(file) && (statSync(file).isFile() || existsSync(join(file, 'index.html')));
}

const LINK = /\s(?:href|src)="([^"]+)"|\ssrcset="([^"]+)"/g;

/** Internal links and assets of one page that do not exist in dist. */
export function brokenLinks(dist: string, page: string): string[] {
  const file = page.endsWith('/') ? join(dist, page, 'index.html') : join(dist, page);
  const html = readFileSync(file, 'utf8');
  const targets = new Set<string>();
  for (const match of html.matchAll(LINK)) {
    if (match[1]) targets.add(match[1].replaceAll('&amp;', '&'));
    if (match[2])
      for (const part of match[2].split(',')) targets.add(part.trim().split(/\s+/)[0] ?? '');
  }
  return [...targets]
    .filter((t) => t.startsWith('/') && !t.startsWith('//'))
    .filter((t) => !resolvesInDist(dist, t));
}
