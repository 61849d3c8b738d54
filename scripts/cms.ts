/**
 * `npm run cms`: the web editor for curators, on this computer only.
 *
 * Serves Decap CMS from the `decap-cms` npm package at http://127.0.0.1:4323/admin/ (nothing
 * from a CDN) and starts `decap-server` (port 8081, bound to 127.0.0.1) which reads and writes
 * the files in content/ directly. No account, no cloud service. The configuration is rebuilt from
 * the vocabularies and the next free IDs each time the page loads. Run `npm run dev` beside it to
 * preview, and `npm run check` before committing.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { cmsConfig } from './lib/cms-config.ts';

const root = process.env.BAIGONG_ROOT ?? resolve(import.meta.dirname, '..');
const port = Number(process.env.CMS_PORT ?? 4323);
const proxyPort = Number(process.env.CMS_PROXY_PORT ?? 8081);
const host = '127.0.0.1';
const dist = join(root, 'node_modules', 'decap-cms', 'dist');
const proxyEntry = join(root, 'node_modules', 'decap-server', 'dist', 'index.js');
for (const path of [dist, proxyEntry]) {
  if (!existsSync(path)) {
    console.error(`${path} is missing: run npm install / 缺少 ${path}，请先运行 npm install`);
    process.exit(1);
  }
}

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

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://${host}`);
  if (url.pathname === '/' || url.pathname === '/admin') {
    res.writeHead(302, { location: '/admin/' }).end();
    return;
  }
  if (url.pathname === '/admin/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    return;
  }
  if (url.pathname === '/admin/config.yml') {
    const config = cmsConfig(join(root, 'content'), `http://${host}:${proxyPort}/api/v1`);
    res
      .writeHead(200, { 'content-type': 'text/yaml; charset=utf-8', 'cache-control': 'no-store' })
      .end(stringify(config));
    return;
  }
  if (url.pathname.startsWith('/admin/')) {
    const file = normalize(join(dist, decodeURIComponent(url.pathname.slice('/admin/'.length))));
    if (file.startsWith(dist + sep) && existsSync(file) && statSync(file).isFile()) {
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
      return;
    }
  }
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
});

const proxy = spawn(process.execPath, [proxyEntry], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    PORT: String(proxyPort),
    BIND_HOST: host,
    MODE: 'fs',
    GIT_REPO_DIRECTORY: root,
    LOG_LEVEL: 'warn',
  },
});
proxy.on('exit', (code) => {
  console.error(`decap-server stopped (exit ${String(code)}) / 本地文件服务已停止`);
  server.close();
  process.exit(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    proxy.kill(signal);
    server.close();
    process.exit(0);
  });
}

server.listen(port, host, () => {
  console.log(`百工·云 编辑器已启动：在浏览器中打开 http://${host}:${port}/admin/
Baigong Cloud editor: open http://${host}:${port}/admin/ in a browser.

- 保存即写入 content/ 中的文件；图片保存在记录自己的文件夹里。Saving writes the files in content/; images go into the record's own folder.
- 另开一个终端运行 npm run dev 预览网站。Run npm run dev in another terminal to preview the site.
- 提交前运行 npm run check。Run npm run check before committing.
- 按 Ctrl+C 停止。Press Ctrl+C to stop.`);
});
