/**
 * `npm start` (scripts/start.ts, a real process) with a port it cannot have: it must stop at
 * once, before Meilisearch and the build, and say which port and how to choose another.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { holdPort, runNode, type Watched } from './helpers.ts';

/** The first heading of the long work (`▶ Checking content …`): start got past its checks. */
const LONG_WORK = /▶/;

let start: Watched | undefined;

afterEach(async () => {
  if (start && start.child.exitCode === null && start.child.signalCode === null) {
    // SIGTERM, so that start stops the Meilisearch it may have started.
    start.child.kill('SIGTERM');
    await start.exited;
  }
  start = undefined;
});

/** Runs start.ts and resolves with its exit, or 'long work' if it went on to build. */
async function runStart(env: NodeJS.ProcessEnv): Promise<number | string> {
  start = runNode(['scripts/start.ts'], env);
  return Promise.race([start.exited, start.waitFor(LONG_WORK).then(() => 'long work')]);
}

describe('npm start', () => {
  it('stops before the long work when its port is taken, naming the port and PORT=', async () => {
    const taken = await holdPort();
    try {
      const outcome = await runStart({ PORT: String(taken.port), HOST: '127.0.0.1' });
      const output = start!.output();
      expect(outcome, output).not.toBe('long work');
      expect(outcome).not.toBe(0);
      expect(output).toContain(`Port ${taken.port}`);
      expect(output).toMatch(/PORT=\d+ npm start/);
      expect(output).not.toMatch(/^\s+at /m); // no stack trace
      // The port it suggests is one that is free.
      const suggested = Number(output.match(/PORT=(\d+)/)![1]);
      expect(suggested).not.toBe(taken.port);
      await (await holdPort(suggested)).release();
    } finally {
      await taken.release();
    }
  });

  it('stops before the long work when PORT is not a port number', async () => {
    const outcome = await runStart({ PORT: 'eighty' });
    const output = start!.output();
    expect(outcome, output).not.toBe('long work');
    expect(outcome).not.toBe(0);
    expect(output).toContain('PORT');
    expect(output).toContain('eighty');
    expect(output).not.toMatch(/^\s+at /m);
  });
});
