/**
 * `npm run cms`: the web editor for curators, on this computer only.
 *
 * Serves Decap CMS from the `decap-cms` npm package at http://127.0.0.1:4323/admin/ (nothing
 * from a CDN), with decap-server's file API on the same port, which reads and writes the records
 * and media in content/ and nothing else. No account, no cloud service. The link printed below
 * carries a token made for this run: only a browser that opened it can use the editor, and no
 * other web page can reach it (see scripts/lib/cms-access.ts). The configuration is rebuilt from
 * the vocabularies and the next free IDs each time the page loads. Run `npm run dev` beside it
 * to preview, and `npm run check` before committing.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { newToken } from './lib/cms-access.ts';
import { decapDist, startCmsServer } from './lib/cms-server.ts';

const root = process.env.BAIGONG_ROOT ?? resolve(import.meta.dirname, '..');
const port = Number(process.env.CMS_PORT ?? 4323);
if (!existsSync(decapDist)) {
  console.error(
    `${decapDist} is missing: run npm install / 缺少 ${decapDist}，请先运行 npm install`,
  );
  process.exit(1);
}

const editor = await startCmsServer({ root, port, token: newToken() }).catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(
    `编辑器无法在端口 ${port} 启动（${reason}）：端口可能被占用，可设置 CMS_PORT 换一个端口。\nThe editor cannot start on port ${port} (${reason}): the port may be taken; set CMS_PORT to use another.`,
  );
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void editor.close().then(() => process.exit(0)));
}

console.log(`百工·云 编辑器已启动：在浏览器中打开
Baigong Cloud editor: open in a browser

  ${editor.loginUrl}

- 这个链接含本次运行的令牌，只在本机有效；不要分享。This link carries this run's token and works on this computer only; do not share it.
- 保存即写入 content/ 中的文件；图片保存在记录自己的文件夹里。Saving writes the files in content/; images go into the record's own folder.
- 编辑器只能读写 content/ 中的记录和媒体文件。The editor reads and writes only records and media in content/.
- 另开一个终端运行 npm run dev 预览网站。Run npm run dev in another terminal to preview the site.
- 提交前运行 npm run check。Run npm run check before committing.
- 按 Ctrl+C 停止。Press Ctrl+C to stop.`);
