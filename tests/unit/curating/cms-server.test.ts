/**
 * The web editor's file API (`npm run cms`) on a throw-away project, as a curator starts it:
 * `scripts/cms.ts` runs as its own process, the test opens the link it prints and finds the API
 * where Decap CMS does, in /admin/config.yml. The project holds bait beside content/: a
 * package.json, a script npm would run, the search master key, and records whose symbolic links
 * lead out of content/. A request must name this server in its Host header, come from the
 * editor's own origin and carry this run's token; an action may touch only records and media in
 * content/, and is refused with a message naming the path and the field.
 */
import type { ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startEditor } from '../../e2e/editor-process.ts';
import { repo, writeFile } from './helpers.ts';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** One HTTP request with exactly these headers (fetch would not let a test set Host). */
function send(url: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request(url, { method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        ok({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', fail);
    req.end(body);
  });
}

const secret = 'bait-master-key-0123456789';
const record = 'content/works/zisha-teapot/index.mdx';
const commit = { commitMessage: 'test' };
const entry = (path: string) => ({
  entry: { slug: 'x', path, raw: '---\nid: BGW-999999\n---\nbait\n' },
  assets: [],
  options: { ...commit, collectionName: 'works', useWorkflow: false, status: 'draft' },
});
const asset = (path: string) => ({
  asset: { path, content: Buffer.from('bait').toString('base64'), encoding: 'base64' },
  options: commit,
});

describe('the web editor’s file API', () => {
  let root: string;
  let editor: ChildProcess;
  let link: string;
  let api: string;
  /** Headers of the editor page's own requests: its origin, its token cookie. */
  let own: Record<string, string>;

  const at = (path: string) => resolve(root, path);
  const call = (action: string, params: object = {}, headers = own) =>
    send(api, headers, JSON.stringify({ action, params: { branch: 'main', ...params } }));

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'bg-cms-'));
    cpSync(join(repo, 'tests', 'fixtures', 'search', 'content'), at('content'), {
      recursive: true,
    });
    // a project as npm install leaves it
    symlinkSync(join(repo, 'node_modules'), at('node_modules'), 'dir');
    writeFile(
      at('package.json'),
      '{ "name": "bait", "scripts": { "build": "node scripts/build.ts" } }\n',
    );
    writeFile(at('scripts/build.ts'), "console.log('bait');\n");
    writeFile(at('.cache/meili/master-key'), secret);
    mkdirSync(at('content/works/linked-out'));
    symlinkSync('../../../package.json', at('content/works/linked-out/index.mdx'));
    symlinkSync('../../scripts', at('content/works/linked-folder'), 'dir');

    const started = await startEditor(root);
    ({ link, process: editor } = started);
    const login = await send(link);
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const origin = started.origin;
    own = {
      cookie,
      origin,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
    };
    const config = parse((await send(`${origin}/admin/config.yml`, own)).text) as {
      backend: { proxy_url: string };
    };
    api = config.backend.proxy_url;
  });

  afterAll(() => {
    editor?.kill('SIGTERM');
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('reads and writes records and their media in content/, and lists only media as media', async () => {
    expect((await call('info')).status).toBe(200);
    const read = await call('getEntry', { path: record });
    expect(read.status).toBe(200);
    expect(JSON.parse(read.text)).toMatchObject({ file: { path: record } });
    expect(JSON.parse(read.text).data).toContain('id: BGW-');

    const newRecord = 'content/works/new-bowl/index.mdx';
    expect((await call('persistEntry', entry(newRecord))).status).toBe(200);
    expect(readFileSync(at(newRecord), 'utf8')).toContain('BGW-999999');
    const picture = 'content/works/new-bowl/picture.jpg';
    expect((await call('persistMedia', asset(picture))).status).toBe(200);
    const listed = JSON.parse(
      (await call('getMedia', { mediaFolder: 'content/works/new-bowl' })).text,
    );
    expect(listed.map((m: { path: string }) => m.path)).toEqual([picture]);
    expect(
      (await call('deleteFiles', { paths: [picture, newRecord], options: commit })).status,
    ).toBe(200);
    expect(existsSync(at(picture)) || existsSync(at(newRecord))).toBe(false);
  });

  it.each([
    'scripts/x.ts',
    'content/../scripts/x.ts',
    '../x.mdx',
    'content/works/../../x.mdx',
    'content/fixity.json',
    'content/works/zisha-teapot/run.ts',
    'content/works/linked-folder/x.mdx',
  ])('refuses to write %s, naming the path and the field', async (path) => {
    for (const [action, params, field] of [
      ['persistEntry', entry(path), 'params.entry.path'],
      ['persistMedia', asset(path), 'params.asset.path'],
    ] as const) {
      const answer = await call(action, params);
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.text).error).toContain(`${path}: ${field}:`);
    }
    expect(existsSync(at(path))).toBe(false);
    expect(existsSync(at('scripts/x.mdx'))).toBe(false);
  });

  it.each([
    ['getEntry', { path: 'package.json' }],
    ['getEntry', { path: 'content/../package.json' }],
    ['getEntry', { path: 'content/works/linked-out/index.mdx' }],
    ['entriesByFiles', { files: [{ path: 'package.json' }] }],
    ['getMediaFile', { path: '.cache/meili/master-key' }],
    ['getMediaFile', { path: 'content/../.cache/meili/master-key' }],
    ['getMedia', { mediaFolder: '.cache/meili' }],
  ])('refuses %s %j', async (action, params) => {
    const answer = await call(action, params);
    expect(answer.status).toBe(403);
    expect(answer.text).not.toContain('bait');
    expect(answer.text).not.toContain(Buffer.from(secret).toString('base64'));
  });

  it.each(['unpublishedEntries', 'publishUnpublishedEntry', 'constructor', 'toString'])(
    'refuses the action %s, which the editor does not offer',
    async (action) => {
      const answer = await call(action, { collection: 'works', slug: 'zisha-teapot' });
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.text).error).toContain(`action: action "${action}"`);
    },
  );

  it('lists no file whose symbolic link leads out of content/', async () => {
    const answer = await call('entriesByFolder', {
      folder: 'content/works',
      extension: 'mdx',
      depth: 2,
    });
    expect(answer.status).toBe(200);
    const paths = (JSON.parse(answer.text) as { file: { path: string } }[]).map((e) => e.file.path);
    expect(paths).toContain(record);
    expect(answer.text).not.toContain('bait');
  });

  it.each([
    ['deleteFile', { path: 'package.json', options: commit }],
    ['deleteFile', { path: 'content/../package.json', options: commit }],
    ['deleteFiles', { paths: [record, 'scripts/build.ts'], options: commit }],
    ['deleteFile', { path: 'content/works/linked-out/index.mdx', options: commit }],
  ])('refuses to delete outside content/: %s %j', async (action, params) => {
    expect((await call(action, params)).status).toBe(403);
    expect(existsSync(at('package.json'))).toBe(true);
    expect(existsSync(at('scripts/build.ts'))).toBe(true);
    expect(existsSync(at(record))).toBe(true);
  });

  it.each(['evil.example', 'localhost.evil.example', '127.0.0.2'])(
    'refuses requests naming another host (%s) in the Host header',
    async (host) => {
      const port = new URL(api).port;
      const headers = { ...own, host: `${host}:${port}` };
      const answer = await call('getEntry', { path: record }, headers);
      expect(answer.status).toBe(403);
      expect(answer.text).not.toContain('BGW-');
      const config = await send(new URL('/admin/config.yml', link).href, headers);
      expect(config.status).toBe(403);
    },
  );

  it.each([
    { origin: 'http://localhost:3000' },
    { origin: 'http://127.0.0.1:1' },
    { origin: 'null' },
    { 'sec-fetch-site': 'same-site' },
    { 'sec-fetch-site': 'cross-site' },
  ])('refuses requests from another page (%j)', async (foreign) => {
    const headers: Record<string, string> = { ...own, ...foreign };
    if (!('origin' in foreign)) delete headers['origin'];
    const answer = await call('getEntry', { path: record }, headers);
    expect(answer.status).toBe(403);
    expect(answer.text).not.toContain('BGW-');
    expect(
      (await call('persistEntry', entry('content/works/from-elsewhere/index.mdx'), headers)).status,
    ).toBe(403);
    expect(existsSync(at('content/works/from-elsewhere/index.mdx'))).toBe(false);
  });

  it.each([
    ['no token', ''],
    ['a wrong token', 'not-the-token'],
  ])('refuses requests with %s', async (_, token) => {
    const name = own['cookie']!.split('=')[0]!;
    const headers = { ...own, cookie: token ? `${name}=${token}` : '' };
    const answer = await call('getEntry', { path: record }, headers);
    expect(answer.status).toBe(401);
    expect(answer.text).not.toContain('BGW-');
    const admin = new URL('/admin/', link).href;
    for (const url of [admin, `${admin}config.yml`]) {
      expect((await send(url, headers)).status).toBe(401);
    }
    const wrongLink = await send(`${admin}?token=${token || 'x'}`);
    expect(wrongLink.status).toBe(401);
    expect(wrongLink.headers['set-cookie']).toBeUndefined();
  });

  it('sets the printed link’s token as an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const answer = await send(link);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/admin/');
    const cookie = String(answer.headers['set-cookie']?.[0]);
    expect(cookie).toContain(new URL(link).searchParams.get('token'));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
  });
});
