/**
 * The web editor (`npm run cms`) as a curator starts it, on a project copy: its own process on
 * a free port, and the link it prints (which carries the run's token).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/meili/server.ts';
import { repo } from './project-copy.ts';

export interface RunningEditor {
  /** The printed link: opening it sets the token cookie and shows the editor. */
  link: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  process: ChildProcess;
}

/** Starts `scripts/cms.ts` on the project at `root`; resolves once it has printed its link. */
export async function startEditor(root: string): Promise<RunningEditor> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(repo, 'scripts', 'cms.ts')], {
    env: { ...process.env, BAIGONG_ROOT: root, CMS_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  const pattern = new RegExp(`${origin.replace(/\./g, '\\.')}/admin/\\S*`);
  const link = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = pattern.exec(out);
      if (found) ok(found[0]);
    });
    child.on('exit', (code) => fail(new Error(`cms.ts exited (${String(code)}): ${out}`)));
  });
  return { link, origin, process: child };
}
