/** Serves the built site (dist/) with `astro preview` on loopback and waits until it answers. */
import { spawn } from 'node:child_process';
import { binPath, root } from './run-step.ts';

export interface Preview {
  url: string;
  stop(): Promise<void>;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the site did not answer at ${url} within ${timeoutMs / 1000} s`);
}

export async function startPreview(port: number, host = '127.0.0.1'): Promise<Preview> {
  const child = spawn(
    process.execPath,
    [binPath('astro'), 'preview', '--host', host, '--port', String(port)],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const url = `http://${host}:${port}`;
  const stopped = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await stopped;
  };
  try {
    await waitForHttp(`${url}/`, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
