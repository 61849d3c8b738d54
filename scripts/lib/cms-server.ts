/**
 * The web editor's one server (`npm run cms`), on 127.0.0.1 only: it serves Decap CMS from the
 * `decap-cms` npm package at /admin/, its configuration at /admin/config.yml, and the file API
 * at /api/v1 on the same origin, so the browser needs no CORS at all.
 *
 * Every request passes the gate of `cms-access.ts` (Host, Origin, this run's token). The file API
 * is decap-server's own (its file-system mode), run inside this process and rooted at content/,
 * and never listening on a port of its own; before an action reaches it, `cms-files.ts` checks
 * every path it names (records and media in the collection folders of content/, no way out
 * through symbolic links).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import decapServer from 'decap-server/dist/middlewares.js';
import express, { type Application, type ErrorHandler, type Handler } from 'express';
import { stringify } from 'yaml';
import {
  foreignRequest,
  missingToken,
  opensEditor,
  tokenCookie,
  type Refusal,
} from './cms-access.ts';
import { cmsConfig } from './cms-config.ts';
import { toDecapAction, toEditorResponse } from './cms-files.ts';
import { formatProblem } from './problems.ts';

/** Decap CMS's prebuilt files, from this project's node_modules. */
export const decapDist = resolve(import.meta.dirname, '../../node_modules/decap-cms/dist');

const API = '/api/v1';
/** decap-server's own limit for an action's body (uploads travel in it, base64-encoded). */
const BODY_LIMIT = '50mb';

const page = `<!doctype html>
<html lang="zh-Hans">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <meta name="robots" content="noindex" />
  <title>百工·云 编辑器 · Baigong Cloud editor</title>
</head>
<body>
  <script src="/admin/decap-cms.js"></script>
</body>
</html>
`;

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
};

const noStore = { 'cache-control': 'no-store' };

/** Headers on every answer: no framing by other pages, no referrer, no type sniffing. */
const guardHeaders = {
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

/** The express middleware that lets an action through only with its paths confined. */
function confineToContent(contentDir: string): Handler {
  return (req, res, next) => {
    toDecapAction(req.body, contentDir).then((confined) => {
      if ('problem' in confined) {
        res.status(403).json({ error: formatProblem(confined.problem) });
        return;
      }
      req.body = confined.body;
      const action = String(confined.body['action']);
      const answer = res.json.bind(res);
      res.json = (body: unknown) => answer(toEditorResponse(action, body));
      next();
    }, next);
  };
}

/** A body that is not JSON (or too large) gets a JSON error, not express's HTML page. */
const badBody: ErrorHandler = (error, _req, res, _next) => {
  const status = (error as { status?: number }).status ?? 500;
  const message = error instanceof Error ? error.message : 'unknown error';
  res.status(status).json({ error: `${message} / 请求无效` });
};

/**
 * The file API: decap-server's file-system middleware rooted at `contentDir`, behind
 * `confineToContent`. decap-server reads its root from $GIT_REPO_DIRECTORY when registered.
 */
async function fileApi(contentDir: string): Promise<Application> {
  const api = express();
  api.disable('x-powered-by');
  api.post(API, express.json({ limit: BODY_LIMIT }), confineToContent(contentDir));
  const before = process.env['GIT_REPO_DIRECTORY'];
  process.env['GIT_REPO_DIRECTORY'] = contentDir;
  try {
    await decapServer.registerLocalFs(api, { logLevel: 'warn' });
  } finally {
    if (before === undefined) delete process.env['GIT_REPO_DIRECTORY'];
    else process.env['GIT_REPO_DIRECTORY'] = before;
  }
  api.use(badBody);
  return api;
}

function refuse(res: ServerResponse, refusal: Refusal, asJson: boolean): void {
  const message = `${refusal.en} / ${refusal.zh}`;
  if (asJson) {
    res.writeHead(refusal.status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: message }));
  } else {
    res.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`${message}\n`);
  }
}

/** Decap's own files under /admin/, or undefined when there is no such file. */
function decapFile(pathname: string): string | undefined {
  if (!pathname.startsWith('/admin/')) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice('/admin/'.length));
  } catch {
    return undefined;
  }
  const file = normalize(join(decapDist, name));
  return file.startsWith(decapDist + sep) && existsSync(file) && statSync(file).isFile()
    ? file
    : undefined;
}

function serveDecapFile(pathname: string, res: ServerResponse): void {
  const file = decapFile(pathname);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

/** The file API takes POST only (Decap's proxy backend sends every action as one). */
function callApi(api: Application, req: IncomingMessage, res: ServerResponse): void {
  if (req.method === 'POST') api(req, res);
  else res.writeHead(405, { allow: 'POST' }).end();
}

export interface CmsServerOptions {
  /** Project root; the editor works on its content/ folder. */
  root: string;
  /** Port on 127.0.0.1 (0: any free port). */
  port: number;
  /** This run's token (`newToken()`). */
  token: string;
}

export interface CmsServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The link to print: it sets the token cookie and opens the editor. */
  loginUrl: string;
  close(): Promise<void>;
}

/** Starts the editor's server; rejects when the port cannot be had. */
export async function startCmsServer({ root, port, token }: CmsServerOptions): Promise<CmsServer> {
  const contentDir = resolve(root, 'content');
  const api = await fileApi(contentDir);
  let actualPort = port;

  const route = (req: IncomingMessage, res: ServerResponse, host: string, url: URL) => {
    if (url.pathname === API) return callApi(api, req, res);
    if (url.pathname === '/' || url.pathname === '/admin') {
      res.writeHead(302, { location: '/admin/' }).end();
    } else if (url.pathname === '/admin/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...noStore }).end(page);
    } else if (url.pathname === '/admin/config.yml') {
      // the API on this same origin, under the name the browser used for it
      const config = stringify(cmsConfig(contentDir, `http://${host}${API}`));
      res.writeHead(200, { 'content-type': 'text/yaml; charset=utf-8', ...noStore }).end(config);
    } else {
      serveDecapFile(url.pathname, res);
    }
  };

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(guardHeaders)) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', 'http://editor.invalid');
    const asJson = url.pathname === API;
    const foreign = foreignRequest(req.headers, actualPort);
    if (foreign) return refuse(res, foreign, asJson);
    const given = url.searchParams.get('token');
    if (given !== null && req.method === 'GET' && opensEditor(given, token)) {
      // the token leaves the address bar; the browser keeps it as an HttpOnly cookie
      res
        .writeHead(303, { location: '/admin/', 'set-cookie': tokenCookie(actualPort, token) })
        .end();
      return;
    }
    const missing = missingToken(req.headers, actualPort, token);
    if (missing) return refuse(res, missing, asJson);
    route(req, res, String(req.headers.host).toLowerCase(), url);
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const address = server.address();
  if (typeof address === 'object' && address) actualPort = address.port;
  const origin = `http://127.0.0.1:${actualPort}`;
  return {
    origin,
    loginUrl: `${origin}/admin/?token=${token}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
