/**
 * The build's Content-Security-Policy: what of a page is hashed, how, and where the policy goes;
 * and the hosting headers written from the one definition. The expected hashes were computed
 * outside the code under test (`printf … | openssl dgst -sha256 -binary | base64`; the first is
 * the example of the CSP Level 3 specification).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  emptyInlineCode,
  pagePolicy,
  parsePage,
  secureBuiltPages,
  sitePolicy,
  withPolicyMeta,
} from '../../../scripts/lib/csp.ts';
import {
  caddyHeaders,
  headersFor,
  hostingRules,
  netlifyHeaders,
  nginxHeaders,
  OPEN_DATA_PATHS,
} from '../../../scripts/lib/hosting.ts';

const HELLO = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"; // alert('Hello, world.');
const A_NEWLINE_B = "'sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg='"; // "a\nb"
const STYLE_WITH_ENTITIES = "'sha256-u9xki3bCXA3oUtBK9MNlXBxGFDPVXjzwV1p8QCiLRhw='"; // color:red;background:url("x&y")

const page = (head: string, body = '') =>
  `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('parsePage', () => {
  it('hashes inline scripts the browser runs, as the browser does', () => {
    const { code } = parsePage(
      page(
        `<script>alert('Hello, world.');</script><script type="module">a\r\nb</script>`,
        `<script type="application/ld+json">{"@id":"x"}</script><script src="/_astro/x.js"></script>`,
      ),
      'x.html',
    );
    // The parser turns CRLF into LF before the browser hashes; JSON-LD and src= scripts need none.
    expect([...code.scripts].sort()).toEqual([HELLO, A_NEWLINE_B].sort());
  });

  it('hashes style elements and the decoded text of style attributes', () => {
    const { code } = parsePage(
      page('<style>a\nb</style>', '<p style="color:red;background:url(&quot;x&amp;y&quot;)">x</p>'),
      'x.html',
    );
    expect([...code.styles]).toEqual([A_NEWLINE_B]);
    expect([...code.styleAttributes]).toEqual([STYLE_WITH_ENTITIES]);
  });

  it('finds code inside <template> (island slots are cloned into the page)', () => {
    const { code } = parsePage(
      page('', "<template><script>alert('Hello, world.');</script></template>"),
      'x.html',
    );
    expect([...code.scripts]).toEqual([HELLO]);
  });

  it('names the file when a page has no <head> to put the policy in', () => {
    expect(() => parsePage('just text', 'dist/odd.html')).toThrow(/dist\/odd\.html: <head>/);
  });
});

describe('withPolicyMeta', () => {
  it('puts the policy right after <meta charset>, before any inline code', () => {
    const html = page('<style>a\nb</style>');
    const out = withPolicyMeta(html, parsePage(html, 'x.html'), "default-src 'self'");
    expect(out).toContain(
      `<meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'"><style>`,
    );
  });

  it('replaces the policy of a page that already has one', () => {
    const html = page('<title>t</title>');
    const once = withPolicyMeta(html, parsePage(html, 'x.html'), 'old');
    const twice = withPolicyMeta(once, parsePage(once, 'x.html'), 'new');
    expect(twice.match(/content-security-policy/g)).toHaveLength(1);
    expect(twice).toContain('content="new"');
  });
});

describe('pagePolicy and sitePolicy', () => {
  const code = emptyInlineCode();
  code.scripts.add(HELLO);
  code.styleAttributes.add(STYLE_WITH_ENTITIES);
  const options = { searchHost: 'https://search.example.org/meili/' };

  it("allow a page's own inline code by hash and nothing inline besides", () => {
    const policy = pagePolicy(code, options);
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${HELLO};`);
    expect(policy).toContain(`style-src-attr 'unsafe-hashes' ${STYLE_WITH_ENTITIES};`);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|frame-ancestors/);
    expect(policy).toContain("object-src 'none'; base-uri 'none'");
  });

  it('allow the search server by origin', () => {
    expect(pagePolicy(code, options)).toContain(
      "connect-src 'self' https://search.example.org blob:",
    );
    expect(pagePolicy(code, {})).toContain("connect-src 'self' blob:");
    expect(() => pagePolicy(code, { searchHost: 'search here' })).toThrow(/PUBLIC_MEILI_HOST/);
  });

  it('refuse style attributes on a page that has none', () => {
    expect(pagePolicy(emptyInlineCode(), {})).toContain("style-src-attr 'none'");
  });

  it('forbid framing in the header, where browsers honour it', () => {
    const policy = sitePolicy(code, options);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${HELLO};`);
    // Style attributes are left to each page's <meta> (see sitePolicy).
    expect(policy).toContain("style-src-attr 'unsafe-inline'");
  });
});

describe('secureBuiltPages', () => {
  it("writes each page's own policy and returns the union for the header", () => {
    const dir = mkdtempSync(join(tmpdir(), 'baigong-csp-'));
    try {
      const a = join(dir, 'a.html');
      const b = join(dir, 'b.html');
      writeFileSync(a, page("<script>alert('Hello, world.');</script>"));
      writeFileSync(b, page('<style>a\nb</style>'));
      const site = secureBuiltPages([a, b], {});
      expect([...site.scripts]).toEqual([HELLO]);
      expect([...site.styles]).toEqual([A_NEWLINE_B]);
      expect(readFileSync(a, 'utf8')).toContain(HELLO);
      expect(readFileSync(b, 'utf8')).not.toContain(HELLO);
      expect(readFileSync(b, 'utf8')).toContain(`style-src 'self' ${A_NEWLINE_B}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hosting headers', () => {
  const rules = hostingRules("default-src 'self'");

  it('give every path the security headers and open data to other origins', () => {
    const page = headersFor(rules, '/works/x/');
    expect(page).toMatchObject({
      'Content-Security-Policy': "default-src 'self'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    expect(page['Permissions-Policy']).toContain('camera=()');
    expect(page['Access-Control-Allow-Origin']).toBeUndefined();
    expect(headersFor(rules, '/iiif/collection.json')['Access-Control-Allow-Origin']).toBe('*');
    expect(headersFor(rules, '/_astro/a.js')).toMatchObject({
      'Content-Security-Policy': "default-src 'self'",
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });

  it('repeat the security headers in each nginx location (add_header there drops the others)', () => {
    const conf = nginxHeaders(rules);
    const locations = conf.split('location ').slice(1);
    expect(locations.length).toBe(rules.length - 1);
    for (const location of locations) {
      expect(location).toContain(`add_header Content-Security-Policy "default-src 'self'" always;`);
    }
    expect(conf).toContain('"model/gltf-binary" glb;');
    // nginx adds the charset itself: with it written into the type, gzip_types matched nothing.
    expect(conf).toContain('"text/javascript" js;');
    expect(conf).toMatch(/^charset_types .*text\/javascript/m);
    expect(conf).toMatch(/^gzip_types .*text\/javascript.*model\/gltf-binary/m);
  });

  it('write the same rules for Netlify / Cloudflare Pages and Caddy', () => {
    expect(netlifyHeaders(rules)).toContain("/*\n  Content-Security-Policy: default-src 'self'\n");
    expect(netlifyHeaders(rules)).toContain('/data/*\n  Access-Control-Allow-Origin: *\n');
    const caddy = caddyHeaders(rules);
    expect(caddy).toContain(`header {\n\tContent-Security-Policy "default-src 'self'"`);
    expect(caddy).toMatch(
      /@rule\d path \/iiif\/\*\nheader @rule\d \{\n\tAccess-Control-Allow-Origin "\*"/,
    );
  });

  it('open every open-data path to other origins on every host', () => {
    for (const path of OPEN_DATA_PATHS) {
      expect(headersFor(rules, `${path}x.json`)['Access-Control-Allow-Origin'], path).toBe('*');
      expect(netlifyHeaders(rules)).toContain(`${path}*\n  Access-Control-Allow-Origin: *\n`);
      expect(nginxHeaders(rules)).toMatch(
        new RegExp(`location \\^~ ${path}[^}]*Access-Control-Allow-Origin "\\*"`),
      );
      expect(caddyHeaders(rules)).toMatch(
        new RegExp(
          `@(rule\\d+) path ${path}\\*\nheader @\\1 \\{\n\tAccess-Control-Allow-Origin "\\*"`,
        ),
      );
    }
  });

  it('let pages be revalidated on each visit and hashed assets be kept for a year', () => {
    const short = 'public, max-age=0, must-revalidate';
    const year = 'public, max-age=31536000, immutable';
    expect(headersFor(rules, '/works/x/')['Cache-Control']).toBe(short);
    expect(headersFor(rules, '/data/works.csv')['Cache-Control']).toBe(short);
    expect(headersFor(rules, '/_astro/a.1b2c3d.js')['Cache-Control']).toBe(year);
    // nginx: the /_astro/ location repeats the site's headers, but not the one it replaces.
    const astro = nginxHeaders(rules).split('location ^~ /_astro/ {')[1]?.split('}')[0] ?? '';
    expect(astro.match(/Cache-Control/g)).toHaveLength(1);
    expect(astro).toContain(`add_header Cache-Control "${year}" always;`);
    // Caddy: the site-wide value is a default (`?`, on its own: it would hold back every header
    // of its block), so the /_astro/ rule wins in any order.
    const caddy = caddyHeaders(rules);
    expect(caddy).toContain(`\nheader ?Cache-Control "${short}"\n`);
    expect(caddy.split('\nheader {\n')[1]?.split('}')[0]).not.toContain('Cache-Control');
    expect(caddy).toContain(`\tCache-Control "${year}"`);
    // Netlify and Cloudflare join a header repeated by two matching blocks with a comma, so the
    // site-wide value is left to their own default (the same `max-age=0, must-revalidate`).
    const netlify = netlifyHeaders(rules);
    const siteBlock = netlify.split(/\n(?=\/)/).find((block) => block.startsWith('/*\n'));
    expect(siteBlock).toContain('Content-Security-Policy');
    expect(siteBlock).not.toContain('Cache-Control');
    expect(netlify).toContain(`/_astro/*\n  Cache-Control: ${year}\n`);
  });
});
