/**
 * The static server of `npm start`, the end-to-end runner and the benchmarks, run in a child
 * process over a real folder (so that a crash shows as a dead server, not a failed test worker):
 * what a host must do (indexes, the 404 page, lengths, types) and what it must survive
 * (malformed escapes, paths that climb out of the folder into a sibling such as dist-secret/).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repo, runNode, type Watched } from './helpers.ts';

const SECRET = 'not for the public';
let scratch: string;
let dist: string;

/** Writes `text` to `path`, creating its folders. */
function put(path: string, text: string | Uint8Array): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

/**
 * A GET sent as written: fetch() and URL would normalise `..` and escapes before they reach
 * the server, and a real attacker's client does not.
 */
function rawGet(
  base: string,
  path: string,
): Promise<{ status: number; body: string; headers: Headers }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolveResponse, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (typeof value === 'string') headers.set(name, value);
        }
        resolveResponse({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          headers,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** serveDist(dir) in a process of its own; resolves with its base URL. */
async function serveInChild(dir: string): Promise<{ base: string; served: Watched }> {
  const served = runNode(
    [
      '--input-type=module',
      '-e',
      'const { serveDist } = await import(process.env.SERVE_MODULE);' +
        'const site = await serveDist(process.env.SERVE_DIR);' +
        'console.log(`listening at ${site.url}`);',
    ],
    { SERVE_MODULE: join(repo, 'scripts', 'lib', 'serve-dist.ts'), SERVE_DIR: dir },
  );
  return { base: (await served.waitFor(/listening at (\S+)/))[1]!, served };
}

describe('serveDist', () => {
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'baigong-serve-'));
    dist = join(scratch, 'dist');
    put(join(dist, 'index.html'), '<h1>home</h1>');
    put(join(dist, 'works', 'bowl', 'index.html'), '<h1>bowl</h1>');
    put(join(dist, '404.html'), '<h1>not here</h1>');
    put(join(dist, 'media', 'bowl.glb'), new Uint8Array(1234));
    put(join(dist, 'media', 'bowl.avif'), new Uint8Array(56));
    put(join(dist, 'cite', 'bowl.bib'), '@misc{bowl}');
    put(join(dist, 'cite', 'bowl.ris'), 'TY  - ART');
    // Siblings whose names start with "dist": outside the served folder all the same.
    put(join(scratch, 'dist-secret.txt'), SECRET);
    put(join(scratch, 'dist-secret', 'secret.txt'), SECRET);
  });

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  describe('as a host', () => {
    let base: string;
    let served: Watched;
    beforeAll(async () => ({ base, served } = await serveInChild(dist)));
    afterAll(() => served?.kill());

    it('serves directory indexes with their length and type', async () => {
      const response = await fetch(`${base}/works/bowl/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-length')).toBe(String('<h1>bowl</h1>'.length));
      expect(await response.text()).toBe('<h1>bowl</h1>');
    });

    it('answers a missing page with the 404 page and status 404', async () => {
      const response = await fetch(`${base}/works/nothing/`);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('<h1>not here</h1>');
    });

    it.each([
      ['/media/bowl.glb', 'model/gltf-binary', 1234],
      ['/media/bowl.avif', 'image/avif', 56],
      ['/cite/bowl.bib', 'application/x-bibtex; charset=utf-8', 11],
      ['/cite/bowl.ris', 'application/x-research-info-systems; charset=utf-8', 9],
    ])('serves %s as %s with its length', async (path, type, length) => {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-length')).toBe(String(length));
    });

    it('serves the byte range a player asks for when it seeks in a film', async () => {
      put(
        join(dist, 'media', 'film.mp4'),
        Uint8Array.from({ length: 100 }, (_, i) => i),
      );
      const part = await fetch(`${base}/media/film.mp4`, { headers: { Range: 'bytes=10-19' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-type')).toBe('video/mp4');
      expect(part.headers.get('content-range')).toBe('bytes 10-19/100');
      expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([
        10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
      ]);
      const tail = await fetch(`${base}/media/film.mp4`, { headers: { Range: 'bytes=-5' } });
      expect(tail.headers.get('content-range')).toBe('bytes 95-99/100');
      const past = await fetch(`${base}/media/film.mp4`, { headers: { Range: 'bytes=200-' } });
      expect(past.status).toBe(416);
      const whole = await fetch(`${base}/media/film.mp4`);
      expect(whole.status).toBe(200);
      expect(whole.headers.get('accept-ranges')).toBe('bytes');
    });

    it.each([
      '/..%2fdist-secret.txt',
      '/..%2fdist-secret/secret.txt',
      '/%2e%2e%2fdist-secret.txt',
      '/works/..%2f..%2fdist-secret.txt',
    ])('refuses %s, which climbs into a sibling of the served folder', async (path) => {
      const response = await rawGet(base, path);
      expect(response.body).not.toContain(SECRET);
      expect(response.status).toBe(403);
    });

    it('still serves a file whose name starts with two dots', async () => {
      put(join(dist, '..notes.txt'), 'dots');
      const response = await rawGet(base, '/..notes.txt');
      expect(response.status).toBe(200);
      expect(response.body).toBe('dots');
    });
  });

  // A server of its own, so that a crash here cannot fail the tests above.
  describe('with malformed requests', () => {
    let base: string;
    let served: Watched;
    beforeAll(async () => ({ base, served } = await serveInChild(dist)));
    afterAll(() => served?.kill());

    it.each(['/%E0%A4%A', '/works/%', '/%ZZ', '/a%00b'])(
      'answers the malformed path %s with 400 and keeps serving',
      async (path) => {
        const response = await rawGet(base, path);
        expect(response.status).toBe(400);
        const next = await fetch(`${base}/`);
        expect(next.status).toBe(200);
        expect(await next.text()).toBe('<h1>home</h1>');
      },
    );
  });
});
