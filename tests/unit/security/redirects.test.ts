/**
 * The permanent ID links as real redirects: the list the build writes (dist/id/index.json, from
 * the same records as the /id/ pages), read back and refused when anything in it is not a plain
 * site path, and the rule files written from it for Netlify, nginx and Caddy. What the servers do
 * with those files is tested with the real nginx and Caddy in tests/e2e/hosting.spec.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  caddyPermalinks,
  hostingRules,
  netlifyRedirects,
  nginxPermalinks,
  readPermalinks,
  writeHostingFiles,
  type Permalink,
} from '../../../scripts/lib/hosting.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A built site folder holding only the permalink index. */
function distWith(index: unknown): string {
  const dist = mkdtempSync(join(tmpdir(), 'baigong-redirects-'));
  dirs.push(dist);
  mkdirSync(join(dist, 'id'));
  writeFileSync(join(dist, 'id', 'index.json'), JSON.stringify(index));
  return dist;
}

const pages = (zh: string) => ({ zh, en: `/en${zh}` });

const bowl: Permalink = { id: 'BGW-000001', zh: '/works/bowl/', en: '/en/works/bowl/' };
const craft: Permalink = { id: 'BGC-000002', zh: '/crafts/guangcai/', en: '/en/crafts/guangcai/' };

describe('readPermalinks', () => {
  it('gives each ID the page it forwards to in both languages', () => {
    const dist = distWith({
      'BGW-000001': pages('/works/bowl/'),
      'BGC-000002': pages('/crafts/guangcai/'),
    });
    expect(readPermalinks(dist)).toEqual([bowl, craft]);
  });

  it.each([
    ['a slug that ends the nginx value and adds a directive', '/works/x;return 302 https:/'],
    ['a slug with a Caddy placeholder', '/works/{env.SECRET}/'],
    ['a slug with a space (a Caddy or _redirects token break)', '/works/a b/'],
    ['a slug with a new line', '/works/a\nredir / https://evil.example/ 301/'],
    ['a slug with an nginx variable', '/works/$host/'],
    ['a slug with a quote', '/works/a"b/'],
    ['a path leaving the site', '//evil.example/'],
    ['an address on another site', 'https://evil.example/'],
    ['a parent folder', '/works/../_hosting/'],
    ['a path without the closing slash of a page', '/works/bowl'],
    ['a percent-escape', '/works/%0a/'],
  ])('refuses %s, naming the record', (_, page) => {
    const dist = distWith({ 'BGW-000001': pages('/works/bowl/'), 'BGW-000007': pages(page) });
    expect(() => readPermalinks(dist)).toThrow(/BGW-000007/);
    expect(() => readPermalinks(dist)).not.toThrow(/BGW-000001:/);
  });

  it.each([
    ['one that would write a second nginx entry', 'BGW-1 /works/x/;\nBGW-2'],
    ['the nginx keyword that includes a file', 'include'],
    ['the map keyword for the fallback value', 'default'],
  ])('refuses an ID that is not a record ID: %s', (_, id) => {
    const dist = distWith({ [id]: pages('/works/x/') });
    expect(() => readPermalinks(dist)).toThrow(/not a plain record ID/);
  });

  it('refuses an English page that is not the Chinese page under /en (the server rules add it)', () => {
    const dist = distWith({ 'BGW-000001': { zh: '/works/bowl/', en: '/en/works/other/' } });
    expect(() => readPermalinks(dist)).toThrow(/BGW-000001.*\/en/);
  });

  it('says how to fix a build without the index', () => {
    const dist = mkdtempSync(join(tmpdir(), 'baigong-redirects-'));
    dirs.push(dist);
    expect(() => readPermalinks(dist)).toThrow(/id\/index\.json/);
  });
});

describe('redirect files', () => {
  it('force the 301 over the forwarding page on Netlify, with and without the closing slash', () => {
    const text = netlifyRedirects([bowl]);
    expect(text).toContain('/id/BGW-000001/ /works/bowl/ 301!\n');
    expect(text).toContain('/id/BGW-000001 /works/bowl/ 301!\n');
    expect(text).toContain('/en/id/BGW-000001/ /en/works/bowl/ 301!\n');
    expect(text).toContain('/en/id/BGW-000001 /en/works/bowl/ 301!\n');
    expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toHaveLength(4);
  });

  it('give nginx and Caddy one map entry per record', () => {
    const nginx = nginxPermalinks([bowl, craft]);
    expect(nginx.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      'BGW-000001 /works/bowl/;',
      'BGC-000002 /crafts/guangcai/;',
    ]);
    const caddy = caddyPermalinks([bowl, craft]);
    expect(caddy.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      '\tBGW-000001 /works/bowl/',
      '\tBGC-000002 /crafts/guangcai/',
    ]);
  });

  it('are written into the built site beside the headers', () => {
    const dist = distWith({ 'BGW-000001': pages('/works/bowl/') });
    writeHostingFiles(dist, hostingRules("default-src 'self'"), readPermalinks(dist));
    expect(readFileSync(join(dist, '_redirects'), 'utf8')).toContain(
      '/id/BGW-000001/ /works/bowl/',
    );
    expect(readFileSync(join(dist, '_hosting', 'permalinks.map'), 'utf8')).toContain(
      'BGW-000001 /works/bowl/;',
    );
    expect(existsSync(join(dist, '_hosting', 'permalinks.caddy'))).toBe(true);
  });
});
