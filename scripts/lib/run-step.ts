/** Runs project steps as child processes under the current (modern) Node, failing loudly. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..', '..');

/** `astro`, `vitest` … from node_modules/.bin, run with this Node. */
export function binPath(name: string): string {
  return join(root, 'node_modules', '.bin', name);
}

export interface StepOptions {
  env?: NodeJS.ProcessEnv;
  /** Print a heading before the step. */
  title?: string;
}

/** Starts `node <args>` and resolves with its exit code. */
export function runNode(args: string[], options: StepOptions = {}): Promise<number> {
  if (options.title) console.log(`\n▶ ${options.title}`);
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...options.env },
  });
  return exitOf(child);
}

/** Like {@link runNode} but throws when the step fails. */
export async function mustRun(args: string[], options: StepOptions = {}): Promise<void> {
  const code = await runNode(args, options);
  if (code !== 0) {
    throw new StepError(`${options.title ?? args.join(' ')} failed (exit ${code})`, code);
  }
}

export class StepError extends Error {
  readonly code: number;
  constructor(message: string, code: number) {
    super(message);
    this.code = code;
  }
}

export function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolveExit) => {
    child.on('exit', (code, signal) => resolveExit(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolveExit(1));
  });
}
