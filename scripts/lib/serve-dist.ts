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
import { CONTENT_TYPES } from './hosting.ts';

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

/**
 * The byte range a `Range: bytes=a-b` header asks of a file of `size` bytes (a player seeking
 * in a film asks for one), or 'unsatisfiable'; undefined for no header or several ranges.
 */
export function byteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [first, last] = [match[1] ?? '', match[2] ?? ''];
  const start = first === '' ? Math.max(0, size - Number(last)) : Number(first);
  const end = first === '' || last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

/**
 * Sends `file` with its type and length, or the byte range the request asks for (206); a file
 * that vanishes meanwhile ends the response.
 */
function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  status: number,
  headers = {},
): void {
  const size = statSync(file).size;
  const type = CONTENT_TYPES[extname(file).slice(1)] ?? 'application/octet-stream';
  const range = status === 200 ? byteRange(req.headers.range, size) : undefined;
  if (range === 'unsatisfiable') {
    res.writeHead(416, { 'content-range': `bytes */${String(size)}` }).end();
    return;
  }
  res.writeHead(range ? 206 : status, {
    ...headers,
    'content-type': type,
    'accept-ranges': 'bytes',
    'content-length': range ? range.end - range.start + 1 : size,
    ...(range
      ? { 'content-range': `bytes ${String(range.start)}-${String(range.end)}/${String(size)}` }
      : {}),
  });
  createReadStream(file, range ?? {})
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
    sendFile(req, res, file, 200, headersFor?.(path));
    return;
  }
  const notFound = join(root, '404.html');
  if (existsSync(notFound)) sendFile(req, res, notFound, 404, headersFor?.(path));
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
