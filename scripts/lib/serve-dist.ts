/**
 * A minimal static server for a built site (dist/): `npm start`, the end-to-end tests and the
 * benchmarks use it (`node scripts/run.mjs scripts/lib/serve-dist.ts 4399` serves dist/ by hand).
 * It serves directory indexes and the 404 page like a real host, with content lengths so the
 * viewer's progress display works, on loopback by default. It does not compress. A malformed
 * request gets 400 and a path outside the folder 403; neither stops the server.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The decoded path of a request, or undefined when it cannot be one: a malformed
 * percent-escape (`%E0%A4%A`), an unparsable target or a NUL byte.
 */
export function requestPath(target: string | undefined): string | undefined {
  try {
    const path = decodeURIComponent(new URL(target ?? '/', 'http://x').pathname);
    return path.includes('\0') ? undefined : path;
  } catch {
    return undefined; // URIError from the escape, TypeError from the URL
  }
}

/**
 * The file `path` names under `root`, or undefined when it lies outside. Compared by path
 * segments, not by string prefix: `/..%2fdist-secret.txt` starts with the text of `dist`'s path
 * but lies beside it.
 */
export function fileUnder(root: string, path: string): string | undefined {
  const file = join(root, path);
  const inside = relative(root, file);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
  return file;
}

/** Extra response headers for a request path (e.g. the hosting headers of scripts/lib/hosting.ts). */
export type HeadersFor = (path: string) => Record<string, string>;

/** Sends `file` with its type and length; a file that vanishes meanwhile ends the response. */
function sendFile(res: ServerResponse, file: string, status: number, headers = {}): void {
  res.writeHead(status, {
    ...headers,
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
  });
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function respond(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  headersFor?: HeadersFor,
): void {
  const path = requestPath(req.url);
  if (path === undefined) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request');
    return;
  }
  let file = fileUnder(root, path);
  if (file === undefined) {
    res.writeHead(403).end();
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (existsSync(file)) {
    sendFile(res, file, 200, headersFor?.(path));
    return;
  }
  const notFound = join(root, '404.html');
  if (existsSync(notFound)) sendFile(res, notFound, 404, headersFor?.(path));
  else res.writeHead(404).end('not found');
}

export async function serveDist(
  dir: string,
  port = 0,
  host = '127.0.0.1',
  headersFor?: HeadersFor,
): Promise<StaticServer> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    try {
      respond(root, req, res, headersFor);
    } catch (error) {
      // One request's failure (a file unreadable, removed mid-way) must not stop the server.
      console.error(`serve-dist: ${req.url}: ${(error as Error).message}`);
      if (res.headersSent) res.destroy();
      else res.writeHead(500).end();
    }
  });
  // A port in use rejects (EADDRINUSE) instead of throwing from an unheard 'error' event.
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actual}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

if (import.meta.main) {
  const { positionals } = parseArgs({ allowPositionals: true });
  const port = Number(positionals[0] ?? 4399);
  const served = await serveDist(resolve(import.meta.dirname, '../../dist'), port);
  console.log(`serving dist/ at ${served.url}`);
}
