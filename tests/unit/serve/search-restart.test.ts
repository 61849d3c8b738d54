/**
 * The search server of a running `npm start` (startSearch, real Meilisearch) killed with
 * SIGKILL: it is restarted on the same port with the same data and keys, after a wait that
 * grows while restarts fail, and says so; the browser's key then finds the records again.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRecords } from '../../../scripts/lib/content.ts';
import { indexRecords } from '../../../scripts/lib/meili/indexer.ts';
import { findMeiliBinary } from '../../../scripts/lib/meili/server.ts';
import { startSearch, type SearchService } from '../../../scripts/lib/search-service.ts';
import { holdPort, repo } from './helpers.ts';

const hasBinary = findMeiliBinary(repo) !== undefined;
const { records } = loadRecords(repo, join(repo, 'tests', 'fixtures', 'search', 'content'));

/** Collects log lines and lets a test wait for the next one matching a pattern. */
function messages() {
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  return {
    lines,
    log(line: string) {
      lines.push(line);
      const waiter = waiters.find((w) => w.pattern.test(line));
      if (!waiter) return;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    },
    next(pattern: RegExp): Promise<string> {
      return new Promise((resolve) => waiters.push({ pattern, resolve }));
    },
  };
}

/** The first number of milliseconds or seconds in `line`, in milliseconds. */
function waitIn(line: string): number {
  const [, value, unit] = line.match(/in (\d+(?:\.\d+)?) (ms|s)\b/)!;
  return Number(value) * (unit === 's' ? 1_000 : 1);
}

let scratch: string | undefined;
let service: SearchService | undefined;

afterAll(async () => {
  await service?.server.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!hasBinary)('the search server of npm start', () => {
  it('is restarted after SIGKILL, with growing waits while it cannot be, and searches again', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'baigong-restart-'));
    const said = messages();
    service = await startSearch(repo, {
      port: 0,
      forceEmbedded: true,
      dataDir: join(scratch, 'data'),
      keyFile: join(scratch, 'master-key'),
      restart: { firstDelayMs: 200, log: said.log },
    });
    const { server, env } = service!;
    const indexName = env['PUBLIC_MEILI_INDEX']!;
    await indexRecords({ host: server.host, masterKey: server.masterKey, records, indexName });
    // What the built site does: the host and search-only key it was built with.
    const browser = () =>
      new Meilisearch({ host: env['PUBLIC_MEILI_HOST']!, apiKey: env['PUBLIC_MEILI_SEARCH_KEY']! })
        .index(indexName)
        .search('guangcai');
    expect((await browser()).hits.length).toBeGreaterThan(0);

    const pidFile = join(scratch, 'meili.pid');
    const killed = Number(readFileSync(pidFile, 'utf8'));
    const stopped = said.next(/stopped/);
    process.kill(killed, 'SIGKILL');
    const first = await stopped;
    expect(first).toContain(server.host);
    expect(first).toContain('SIGKILL');
    expect(waitIn(first)).toBe(200);

    // Another program takes the port meanwhile: the restart fails and the next wait is longer.
    const port = Number(new URL(server.host).port);
    const failed = said.next(/Could not restart/);
    const squatter = await holdPort(port);
    const second = await failed;
    expect(second).toContain(String(port));
    expect(waitIn(second)).toBe(400);

    const back = said.next(/is back/);
    await squatter.release();
    expect(await back).toContain(server.host);

    const revived = Number(readFileSync(pidFile, 'utf8'));
    expect(revived).not.toBe(killed);
    expect(existsSync(`/proc/${revived}`)).toBe(true);
    const { hits } = await browser();
    expect(hits.map((hit) => hit['id'])).toContain('BGW-000001');

    // Stopping on purpose is not a death: nothing restarts it.
    await server.stop();
    expect(existsSync(`/proc/${revived}`)).toBe(false);
    expect(said.lines.filter((line) => /stopped/.test(line))).toHaveLength(1);
  });
});
