/**
 * The shipped web server configurations (hosting/nginx.conf, hosting/Caddyfile) serving the
 * built site: the real nginx and Caddy, on loopback, with the paths rewritten to this dist/ and a
 * free port. Each must send the build's headers, the right file types and the 404 page, answer a
 * permanent ID link with a real 301 to the record's page, and a page served by it must run in
 * Chromium without a policy violation. A test skips, saying so, only when its server is not
 * installed (`apt-get install nginx caddy`).
 */
import { expect, test, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { CONTENT_TYPES, headersFor, readHostingRules } from '../../scripts/lib/hosting.ts';
import { dist, firstUnder } from './pages.ts';

const hosting = resolve(import.meta.dirname, '../../hosting');

function installed(binary: string): boolean {
  return spawnSync(binary, ['-v'], { stdio: 'ignore' }).error === undefined;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
    probe.on('error', fail);
  });
}

/** Resolves once the server answers, or fails with what it printed. */
async function answering(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const exited = new Promise<never>((_, fail) =>
    server.once('exit', (code) => fail(new Error(`server exited (${code}):\n${output()}`))),
  );
  const deadline = Date.now() + 20_000;
  const poll = async (): Promise<void> => {
    try {
      await fetch(url);
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`no answer from ${url}:\n${output()}`, { cause: error });
      await new Promise((tick) => setTimeout(tick, 100));
      return poll();
    }
  };
  await Promise.race([poll(), exited]);
}

interface RunningHost {
  url: string;
  stop(): Promise<void>;
}

async function start(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  url: string,
  scratch: string,
): Promise<RunningHost> {
  const server = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (d) => (output += d));
  server.stderr?.on('data', (d) => (output += d));
  await answering(url, server, () => output);
  return {
    url,
    stop: async () => {
      const exited = new Promise((ok) => server.once('exit', ok));
      server.kill('SIGTERM');
      await exited;
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** nginx with hosting/nginx.conf, its paths pointed at this dist/ and a temporary prefix. */
async function startNginx(): Promise<RunningHost> {
  const scratch = mkdtempSync(join(tmpdir(), 'baigong-nginx-'));
  const port = await freePort();
  const site = readFileSync(join(hosting, 'nginx.conf'), 'utf8')
    .replaceAll('/srv/baigong/dist', dist)
    .replace(/^\s*listen \[::\]:80;\n/m, '')
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`);
  writeFileSync(join(scratch, 'site.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${scratch}/${t};`)
    .join(' ');
  writeFileSync(
    join(scratch, 'nginx.conf'),
    `daemon off; pid ${scratch}/nginx.pid; error_log stderr warn; events {}
     http { access_log off; ${temp} include ${scratch}/site.conf; }`,
  );
  return start(
    'nginx',
    ['-p', scratch, '-e', 'stderr', '-c', join(scratch, 'nginx.conf')],
    {},
    `http://127.0.0.1:${port}`,
    scratch,
  );
}

/** Caddy with hosting/Caddyfile (site address and folder from its variables), admin API off. */
async function startCaddy(): Promise<RunningHost> {
  const scratch = mkdtempSync(join(tmpdir(), 'baigong-caddy-'));
  const port = await freePort();
  writeFileSync(
    join(scratch, 'Caddyfile'),
    `{\n\tadmin off\n\tstorage file_system ${scratch}/data\n}\nimport ${join(hosting, 'Caddyfile')}\n`,
  );
  const url = `http://127.0.0.1:${port}`;
  return start(
    'caddy',
    ['run', '--adapter', 'caddyfile', '--config', join(scratch, 'Caddyfile')],
    {
      SITE_ADDRESS: url,
      BAIGONG_DIST: dist,
      HOME: scratch,
      XDG_CONFIG_HOME: scratch,
      XDG_DATA_HOME: scratch,
    },
    url,
    scratch,
  );
}

/** One built file of each kind the hosts must type correctly, as site paths. */
function sampleFiles(): Map<string, string> {
  const found = new Map<string, string>();
  const wanted = new Set([
    'glb',
    'avif',
    'webp',
    'bib',
    'ris',
    'csv',
    'json',
    'js',
    'css',
    'wasm',
    'svg',
    'xml',
    'jpg',
  ]);
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const ext = extname(name).slice(1);
        if (wanted.has(ext) && !found.has(ext) && !full.includes('/_hosting/'))
          found.set(ext, `/${relative(dist, full)}`);
      }
    }
  };
  walk(dist);
  return found;
}

/** The stable ID a built record page shows (read from the page, not from the redirect list). */
function shownId(page: string): string {
  const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
  const id = /class="meta-table record-ids"><dt>[^<]*<\/dt><dd><code>([^<]+)<\/code>/.exec(
    html,
  )?.[1];
  if (!id) throw new Error(`${page} shows no record ID`);
  return id;
}

/** Permanent ID links: a 301 straight to the record's page in each language, unknown IDs 404. */
async function checkPermalinks(get: (path: string) => Promise<Response>): Promise<void> {
  const work = firstUnder('/works/');
  const id = shownId(work);
  const forwards: [string, string][] = [
    [`/id/${id}/`, work],
    [`/id/${id}`, work],
    [`/en/id/${id}/`, `/en${work}`],
    [`/en/id/${id}`, `/en${work}`],
  ];
  for (const [from, to] of forwards) {
    const response = await get(from);
    expect(response.status, from).toBe(301);
    expect(new URL(response.headers.get('location') ?? '', 'http://host/').pathname, from).toBe(to);
    expect(response.headers.get('content-security-policy'), from).toBeTruthy();
  }
  expect((await get(`/en${work}`)).status).toBe(200);
  for (const unknown of ['/id/BGW-999999/', '/id/BGW-999999', '/en/id/BGW-999999/']) {
    expect((await get(unknown)).status, unknown).toBe(404);
  }
  // The list of IDs sits under /id/ too: not an ID, so the file is served.
  expect((await get('/id/index.json')).status).toBe(200);
}

/** What every configured host must do with the built site. */
async function checkHost(host: RunningHost, page: Page): Promise<void> {
  const rules = readHostingRules(dist);
  const get = (path: string) => fetch(`${host.url}${path}`, { redirect: 'manual' });
  const work = firstUnder('/works/');
  const openData = ['/iiif/collection.json', '/data/works.csv', `/api/works/${shownId(work)}.json`];

  for (const path of ['/', work, ...openData]) {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    for (const [name, value] of Object.entries(headersFor(rules, path))) {
      expect(response.headers.get(name), `${name} of ${path}`).toBe(value);
    }
  }
  expect((await get('/')).headers.get('content-type')).toBe(CONTENT_TYPES['html']);
  for (const path of openData) {
    expect((await get(path)).headers.get('access-control-allow-origin'), path).toBe('*');
  }
  expect((await get('/')).headers.get('access-control-allow-origin')).toBeNull();
  // Pages are revalidated on every visit, so a deploy shows at once (their /_astro/ files are
  // renamed by each build, so a stale page would load missing scripts).
  expect((await get(work)).headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');

  for (const [ext, path] of sampleFiles()) {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-type'), path).toBe(CONTENT_TYPES[ext]);
    expect(response.headers.get('content-security-policy'), path).toBe(
      headersFor(rules, path)['Content-Security-Policy'],
    );
    if (path.startsWith('/_astro/')) {
      expect(response.headers.get('cache-control'), path).toBe(
        'public, max-age=31536000, immutable',
      );
    }
  }

  // Scripts (the 3D viewer's is 1 MB before compression) travel compressed.
  const script = readdirSync(join(dist, '_astro')).find(
    (file) => file.endsWith('.js') && statSync(join(dist, '_astro', file)).size > 100_000,
  );
  const compressed = await fetch(`${host.url}/_astro/${script}`, {
    headers: { 'accept-encoding': 'gzip' },
  });
  expect(compressed.headers.get('content-encoding')).toMatch(/^(gzip|zstd|br)$/);

  const missing = await get('/no-such-page/');
  expect(missing.status).toBe(404);
  expect(await missing.text()).toBe(readFileSync(join(dist, '404.html'), 'utf8'));
  expect(missing.headers.get('content-security-policy')).toBe(
    headersFor(rules, '/')['Content-Security-Policy'],
  );
  await checkPermalinks(get);
  for (const hidden of ['/_hosting/headers.nginx', '/_headers', '/_redirects']) {
    expect((await get(hidden)).status, hidden).toBe(404);
  }
  const folder = firstUnder('/works/');
  const redirect = await get(folder.slice(0, -1));
  expect(redirect.status).toBeGreaterThanOrEqual(301);
  expect(redirect.headers.get('location')).toMatch(new RegExp(`${folder.replaceAll('/', '\\/')}$`));

  // In the browser: the page's scripts run under both policies, and nothing is refused.
  const refused: string[] = [];
  page.on('console', (msg) => {
    if (/Content.Security.Policy|Refused to|Permissions.Policy/i.test(msg.text()))
      refused.push(msg.text());
  });
  await page.goto(`${host.url}${folder}`);
  await expect(page.locator('.cite-record a[data-format]').first()).toHaveAttribute(
    'href',
    /^blob:/,
  );
  await page.goto(`${host.url}/works/`);
  await page.waitForLoadState('networkidle');
  expect(refused).toEqual([]);
}

test.describe('shipped hosting configuration', () => {
  test('nginx serves the site with the build’s headers, types, redirects and 404 page', async ({
    page,
  }) => {
    test.skip(
      !installed('nginx'),
      'nginx is not installed (apt-get install nginx): hosting/nginx.conf is untested',
    );
    const host = await startNginx();
    try {
      await checkHost(host, page);
    } finally {
      await host.stop();
    }
  });

  test('Caddy serves the site with the build’s headers, types, redirects and 404 page', async ({
    page,
  }) => {
    test.skip(
      !installed('caddy'),
      'Caddy is not installed (apt-get install caddy): hosting/Caddyfile is untested',
    );
    const host = await startCaddy();
    try {
      await checkHost(host, page);
    } finally {
      await host.stop();
    }
  });
});
