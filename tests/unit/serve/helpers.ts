/** Real child processes for the server tests: spawn, wait for a line of output, wait for exit. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';

export const repo = resolve(import.meta.dirname, '../../..');

export interface Watched {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output (waits for it to appear). */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** SIGKILLs the process if it is still running. */
  kill(): void;
}

/** Runs `node <args>` from the repository root with this (modern) Node. */
export function runNode(args: string[], env: NodeJS.ProcessEnv = {}): Watched {
  const child = spawn(process.execPath, args, {
    cwd: repo,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const waiter of [...waiters]) {
      const match = text.match(waiter.pattern);
      if (!match) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(match);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | string>((done) => {
    child.once('exit', (code, signal) => done(code ?? signal ?? -1));
  });
  return {
    child,
    output: () => text,
    waitFor(pattern) {
      const match = text.match(pattern);
      if (match) return Promise.resolve(match);
      return new Promise((resolveMatch, reject) => {
        waiters.push({ pattern, resolve: resolveMatch });
        void exited.then((code) => {
          const late = text.match(pattern);
          if (late) resolveMatch(late);
          else reject(new Error(`exited (${code}) before printing ${pattern}:\n${text}`));
        });
      });
    },
    exited,
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** Holds a loopback port (as another program would) until released. */
export function holdPort(port = 0): Promise<{ port: number; release(): Promise<void> }> {
  return new Promise((resolveHold, reject) => {
    const server: Server = createServer();
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => {
      const address = server.address();
      resolveHold({
        port: typeof address === 'object' && address ? address.port : port,
        release: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
