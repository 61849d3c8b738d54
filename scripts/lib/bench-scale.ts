/**
 * What `npm run bench:build -- --records N` needs to measure the build at a size the archive does
 * not have yet: synthetic works made from the real imported ones, a child process timed with its
 * peak memory, and the same number of pages built by a minimal reference (Hugo), so that a
 * figure taken on a noisy machine can be read as a ratio. `bench:search` takes the memory and disk
 * measures from here too.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/** The first ID number of synthetic works: far above any real one, so the two never meet. */
export const SYNTHETIC_ID_BASE = 500_000;

/** Imported work folders (the IMA import's `ima-…` folders), the templates of synthetic works. */
function importedWorkFolders(content: string): string[] {
  const works = join(content, 'works');
  return readdirSync(works)
    .filter((name) => name.startsWith('ima-') && existsSync(join(works, name, 'index.md')))
    .sort();
}

/**
 * One synthetic copy of an imported work: its own ID, folder, import key and titles, the rest
 * (dates, materials, references, body) as the real record has it, so each page costs what a
 * real imported page costs.
 */
export function syntheticWork(source: string, n: number): string {
  const id = `BGW-${String(SYNTHETIC_ID_BASE + n).padStart(6, '0')}`;
  const replaced = source
    .replace(/^id: BGW-\d{6}$/m, `id: ${id}`)
    .replace(/^(\s+key: )"?([^"\n]+)"?$/m, `$1"$2#synthetic-${String(n)}"`)
    .replace(/^( {2}zh: )(.+)$/m, (_, lead: string, title: string) =>
      plainScalar(title) ? `${lead}${title}（合成 ${String(n)}）` : `${lead}${title}`,
    )
    .replace(/^( {2}en: )(.+)$/m, (_, lead: string, title: string) =>
      plainScalar(title) ? `${lead}${title} (synthetic ${String(n)})` : `${lead}${title}`,
    );
  if (!replaced.includes(`id: ${id}`) || !replaced.includes('#synthetic-'))
    throw new Error('a template work has no id or import key to replace');
  return replaced;
}

/** Whether a YAML value is a plain one-line scalar that text can be appended to. */
function plainScalar(value: string): boolean {
  return !/^["'|>&*!{[]/.test(value) && !value.includes(' #');
}

/**
 * Adds `count` synthetic works to `content/works/`, taking the imported works in turn as
 * templates. Returns how many it wrote. Works only in a copy of the project (the benchmark's).
 */
export function addSyntheticWorks(content: string, count: number): number {
  const templates = importedWorkFolders(content);
  if (templates.length === 0 && count > 0)
    throw new Error(`${content}/works: no imported works to copy (run the imports first)`);
  for (let n = 0; n < count; n++) {
    const template = templates[n % templates.length]!;
    const source = readFileSync(join(content, 'works', template, 'index.md'), 'utf8');
    const folder = join(content, 'works', `synthetic-${String(n).padStart(6, '0')}-${template}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.md'), syntheticWork(source, n));
  }
  return count;
}

/** A timed run of a child process: seconds and its peak resident memory. */
export interface Measured {
  seconds: number;
  /** Peak resident set (VmHWM) of the child in MB; undefined where /proc cannot tell. */
  peakMB: number | undefined;
}

/** The child's peak resident set so far (Linux VmHWM), in kB. */
function peakKiB(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined; // the process has ended, or this is not Linux
  }
}

/** The process's resident memory now (Linux VmRSS), in kB. */
function residentKiB(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Samples a running process's resident memory every 250 ms until `stop()`, which gives the
 * highest reading in MB (a phase's peak, where VmHWM would give the peak since the process began).
 */
export function sampleResident(pid: number): { stop(): number | undefined } {
  let peak: number | undefined;
  const sample = (): void => {
    const kib = residentKiB(pid);
    if (kib !== undefined) peak = Math.max(peak ?? 0, kib);
  };
  sample();
  const timer = setInterval(sample, 250);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak === undefined ? undefined : Math.round(peak / 1024);
    },
  };
}

/** Bytes of the files under `dir`, counted in 4 KiB blocks as they take up the disk. */
export function diskBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).blocks * 512;
  }
  return total;
}

/**
 * Runs `command` with `node`, output to this terminal, and measures it. The peak memory is read
 * from /proc every 200 ms; VmHWM only grows, so the last reading before exit is the peak within
 * one sampling interval.
 */
export function measureNode(
  command: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Measured> {
  const started = performance.now();
  const child = spawn(process.execPath, command, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let peak: number | undefined;
  const sample = (): void => {
    const kib = child.pid === undefined ? undefined : peakKiB(child.pid);
    if (kib !== undefined) peak = Math.max(peak ?? 0, kib);
  };
  const timer = setInterval(sample, 200);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) {
        reject(new Error(`${command.join(' ')} failed (exit ${String(code)})`));
        return;
      }
      resolve({
        seconds: (performance.now() - started) / 1000,
        peakMB: peak === undefined ? undefined : Math.round(peak / 1024),
      });
    });
  });
}

/** Hugo's version (`hugo v0.111.3…`), or undefined when it is not installed (`.ci/run` installs it). */
function hugoVersion(): string | undefined {
  const found = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return found.status === 0 ? (found.stdout.trim().split(' ')[0] ?? 'hugo') : undefined;
}

/**
 * Builds `pages` pages with Hugo in `dir`: one Markdown file per page with a title and a
 * paragraph, a one-template layout. The least a static site generator can do per page, so the
 * ratio to it says how much the project's pages cost beyond writing files.
 */
export function hugoReference(
  dir: string,
  pages: number,
): { seconds: number; pages: number; version: string } {
  const version = hugoVersion();
  if (!version) throw new Error('hugo is not installed (Debian package hugo; .ci/run installs it)');
  rmSync(dir, { recursive: true, force: true });
  const content = join(dir, 'content', 'records');
  mkdirSync(content, { recursive: true });
  mkdirSync(join(dir, 'layouts', '_default'), { recursive: true });
  writeFileSync(
    join(dir, 'hugo.toml'),
    'baseURL = "http://localhost/"\ntitle = "reference"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
  );
  const page =
    '<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>' +
    '<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n';
  writeFileSync(join(dir, 'layouts', '_default', 'single.html'), page);
  writeFileSync(join(dir, 'layouts', '_default', 'list.html'), page);
  for (let n = 0; n < pages; n++) {
    writeFileSync(
      join(content, `${String(n)}.md`),
      `---\ntitle: "记录 ${String(n)}"\n---\n\n清代藏品，英文原名见来源记录。Record ${String(n)} of the reference build.\n`,
    );
  }
  const started = performance.now();
  const built = spawnSync(
    'hugo',
    ['--quiet', '--source', dir, '--destination', join(dir, 'public')],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (built.status !== 0) throw new Error(`hugo failed (exit ${String(built.status)})`);
  return { seconds, pages, version };
}
