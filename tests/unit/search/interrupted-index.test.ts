/**
 * `npm run index` (scripts/index-search.ts, a real process) against a real Meilisearch that is
 * killed mid-run: the run says the search server went away, naming it, and the next run removes
 * the temporary index the first one left. Temporary indexes of runs still going are kept.
 *
 * The run reaches Meilisearch through a plain relay, which lets the test kill the server at a
 * known moment: the run's first request to its temporary index, once it has made it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexDocuments, temporaryIndexName } from '../../../scripts/lib/meili/indexer.ts';
import {
  findMeiliBinary,
  startMeili,
  type MeiliServer,
} from '../../../scripts/lib/meili/server.ts';
import { repo, runNode } from '../serve/helpers.ts';

const hasBinary = findMeiliBinary(repo) !== undefined;
const INDEX = 'baigong_interrupted';
const fixtures = join(repo, 'tests', 'fixtures', 'search', 'content');
let scratch: string;
const servers: MeiliServer[] = [];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'baigong-interrupted-'));
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A Meilisearch over `<scratch>/<name>` (the same data every time it is started). */
async function startServer(name: string): Promise<MeiliServer> {
  const server = await startMeili({
    root: repo,
    port: 0,
    forceEmbedded: true,
    dataDir: join(scratch, name, 'data'),
    keyFile: join(scratch, 'master-key'),
  });
  servers.push(server);
  return server;
}

/** `npm run index` of the fixtures into INDEX at `host`. */
function indexRun(host: string, masterKey: string) {
  return runNode(['scripts/index-search.ts', '--content', fixtures, '--index', INDEX], {
    MEILI_HOST: host,
    MEILI_MASTER_KEY: masterKey,
  });
}

const indexUids = async (meili: MeiliServer) => {
  const admin = new Meilisearch({ host: meili.host, apiKey: meili.masterKey });
  const { results } = await admin.getRawIndexes({ limit: 1000 });
  return results.map((index) => index.uid).filter((uid) => uid.startsWith(INDEX));
};

/**
 * Forwards HTTP requests to `target`; `beforeTemporary` runs before a request to a temporary
 * index (`/indexes/<name>_tmp_…/settings` …) is forwarded, and may kill the target meanwhile.
 */
async function relay(
  target: string,
  beforeTemporary: () => Promise<void>,
): Promise<{ url: string; server: Server }> {
  const { hostname, port } = new URL(target);
  const server = createServer((req, res) => {
    const temporary = /^\/indexes\/[^/]*_tmp_/.test(req.url ?? '');
    void (temporary ? beforeTemporary() : Promise.resolve()).then(() => {
      const upstream = request(
        { host: hostname, port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy()); // the server is gone: so is the connection
      req.pipe(upstream);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    server,
  };
}

describe.skipIf(!hasBinary)('an interrupted npm run index', { timeout: 240_000 }, () => {
  it('says the search server went away, and the next run removes its temporary index', async () => {
    const dying = await startServer('killed');
    const pid = Number(readFileSync(join(scratch, 'killed', 'meili.pid'), 'utf8'));
    const through = await relay(dying.host, async () => {
      process.kill(pid, 'SIGKILL');
      await dying.stop(); // resolves once the process has ended
    });
    try {
      const first = indexRun(through.url, dying.masterKey);
      expect(await first.exited, first.output()).toBe(1);
      const said = first.output();
      expect(said).toMatch(/search server at \S+ went away/i);
      expect(said).toContain(through.url);
      expect(said).not.toMatch(/^\s+at /m); // a message, not a stack trace
    } finally {
      through.server.close();
    }

    const server = await startServer('killed'); // the same data, after the crash
    const left = (await indexUids(server)).filter((uid) => uid.includes('_tmp_'));
    expect(left).toHaveLength(1);

    const next = indexRun(server.host, server.masterKey);
    expect(await next.exited, next.output()).toBe(0);
    expect(next.output()).toContain(`removed ${left[0]}`);
    expect(await indexUids(server)).toEqual([INDEX]);
  });

  it('keeps the temporary index of a run that is still going, and removes a dead run’s', async () => {
    const server = await startServer('shared');
    const admin = new Meilisearch({ host: server.host, apiKey: server.masterKey });
    // This test's parent process (alive) and a process that has ended stand in for other runs.
    const ended = runNode(['-e', '']);
    const deadPid = ended.child.pid!;
    await ended.exited;
    const alive = temporaryIndexName(INDEX, process.ppid);
    const dead = temporaryIndexName(INDEX, deadPid);
    for (const uid of [alive, dead]) await admin.createIndex(uid).waitTask();

    await indexDocuments({
      host: server.host,
      masterKey: server.masterKey,
      documents: [{ id: 'BGW-000001', title_zh: '广彩' }],
      indexName: INDEX,
    });
    const uids = await indexUids(server);
    expect(uids).toContain(alive);
    expect(uids).not.toContain(dead);
  });
});
