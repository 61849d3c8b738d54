/**
 * `npm start`: the whole museum on this machine. Checks the content, ingests the media, starts
 * the embedded Meilisearch, builds the site with the browser's search key, indexes the records
 * and serves everything on http://localhost:4321 (PORT and HOST choose another). Ctrl-C stops
 * it all. The port is checked first, so that a taken one fails in a second, not after the build;
 * a Meilisearch that dies meanwhile is restarted (see `restart` in lib/meili/server.ts).
 */
import { buildSite } from './build-site.ts';
import { join } from 'node:path';
import { portIsFree } from './lib/meili/server.ts';
import { root, StepError } from './lib/run-step.ts';
import { headersFor, readHostingRules } from './lib/hosting.ts';
import { serveDist, type StaticServer } from './lib/serve-dist.ts';
import { startSearch, type SearchService } from './lib/search-service.ts';

const DEFAULT_PORT = 4321;
let search: SearchService | undefined;
let site: StaticServer | undefined;

async function shutdown(code: number): Promise<never> {
  await site?.close();
  await search?.server.stop();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(0));
}

/** The port from PORT (default 4321); anything but a port number is refused with the fix. */
function sitePort(value = process.env.PORT): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const port = Number(value);
  if (/^\d+$/.test(value.trim()) && port <= 65535) return port;
  throw new Error(
    `PORT="${value}" is not a port number: choose one from 1 to 65535, e.g. PORT=8080 npm start\n` +
      `PORT="${value}" 不是端口号：请使用 1–65535 之间的数字，例如 PORT=8080 npm start`,
  );
}

/** A free port just above `port` to suggest, if one of the next few is free. */
async function nearbyFreePort(port: number, host: string): Promise<number | undefined> {
  for (let candidate = port + 1; candidate <= Math.min(port + 20, 65535); candidate++) {
    if (await portIsFree(candidate, host)) return candidate;
  }
  return undefined;
}

/** What to do when `port` is taken: name it and show how to choose another. */
async function portTakenMessage(port: number, host: string): Promise<string> {
  const choose = `PORT=${(await nearbyFreePort(port, host)) ?? 8080} npm start`;
  return (
    `Port ${port} on ${host} is already in use (another \`npm start\` or another program). ` +
    `Choose another port: ${choose}\n端口 ${port}（${host}）已被占用，请换一个端口：${choose}`
  );
}

try {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = sitePort();
  if (!(await portIsFree(port, host))) throw new Error(await portTakenMessage(port, host));
  search = await startSearch(root);
  await buildSite(search?.env ?? {});
  await search?.reindex();
  // Served with the headers the build wrote for real hosts (CSP with frame-ancestors, CORS …).
  const rules = readHostingRules(join(root, 'dist'));
  const headers = (path: string) => headersFor(rules, path);
  site = await serveDist(join(root, 'dist'), port, host, headers).catch(async (error: unknown) => {
    // Taken during the build, after the check above.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new Error(await portTakenMessage(port, host));
  });
  const { port: actual } = new URL(site.url);
  console.log(`\n百工·云 Baigong Cloud is open at http://localhost:${actual}/ (Ctrl-C to stop)`);
  if (search) console.log(`Search server: ${search.server.host}`);
} catch (error) {
  console.error(`\n✗ ${(error as Error).message}`);
  await shutdown(error instanceof StepError ? error.code : 1);
}
