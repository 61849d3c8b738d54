/**
 * A throw-away copy of the project (for the build benchmark and the end-to-end tests that write
 * records): everything but installed packages, build output, caches, test output, benchmarks and
 * history; node_modules is linked, not copied.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Top-level folders a copy never needs. */
const NEVER_COPIED = new Set([
  'node_modules',
  'dist',
  '.astro',
  '.cache',
  '.git',
  'test-results',
  'playwright-report',
  'bench',
]);

/** Caches inside node_modules that a copy with its own caches starts without. */
const MODULE_CACHES = new Set(['.astro', '.vite', '.cache']);

export interface CopyOptions {
  /** Also leaves out what this returns true for (`rel` is relative to the project, `source` absolute). */
  leaveOut?: (rel: string, source: string) => boolean;
  /**
   * Links each package of node_modules rather than the folder, so the caches Astro and Vite keep
   * inside node_modules are the copy's own (the build benchmark times cold builds).
   */
  ownCaches?: boolean;
}

/** Links `from`'s node_modules into `to`: the folder, or each package (own caches). */
function linkModules(from: string, to: string, ownCaches: boolean): void {
  const modules = join(from, 'node_modules');
  if (!ownCaches) {
    symlinkSync(modules, join(to, 'node_modules'), 'dir');
    return;
  }
  mkdirSync(join(to, 'node_modules'));
  for (const name of readdirSync(modules)) {
    if (!MODULE_CACHES.has(name)) symlinkSync(join(modules, name), join(to, 'node_modules', name));
  }
}

/**
 * Copies the project at `from` to `to` (which may lie inside it, under bench/), entry by entry
 * because a folder cannot be copied into itself in one call.
 */
export function copyProject(from: string, to: string, options: CopyOptions = {}): void {
  mkdirSync(to, { recursive: true });
  const filter = (source: string) => !options.leaveOut?.(relative(from, source), source);
  for (const name of readdirSync(from)) {
    if (NEVER_COPIED.has(name)) continue;
    const source = join(from, name);
    if (!filter(source)) continue;
    cpSync(source, join(to, name), { recursive: true, verbatimSymlinks: true, filter });
  }
  linkModules(from, to, options.ownCaches ?? false);
}

/**
 * Collections whose imported records (folders with index.md) a short copy leaves out. Imported
 * crafts stay: the national inheritors and the cases refer to them, and they are few.
 */
const IMPORTED_LEFT_OUT = ['works', 'people', 'cases'];

/** A stable ID anywhere in a record file. */
const RECORD_ID = /BG[A-Z]-\d{6}/g;

/** IDs of the imported records of `IMPORTED_LEFT_OUT` under the project at `from`. */
function importedIds(from: string): Set<string> {
  const ids = new Set<string>();
  for (const collection of IMPORTED_LEFT_OUT) {
    const dir = join(from, 'content', collection);
    if (!existsSync(dir)) continue;
    for (const folder of readdirSync(dir)) {
      const file = join(dir, folder, 'index.md');
      if (!existsSync(file)) continue;
      const id = /^id: *["']?(BG[A-Z]-\d{6})/m.exec(readFileSync(file, 'utf8'))?.[1];
      if (id) ids.add(id);
    }
  }
  return ids;
}

/**
 * A `leaveOut` for a short copy of the project at `from`: the imported works, people and cases,
 * and the curated records that show one of them (an exhibition of imported photographs), so the
 * copy builds fast and still passes the check.
 */
export function leaveOutImportedRecords(from: string): (rel: string, source: string) => boolean {
  const imported = importedIds(from);
  const showsImported = (folder: string) => {
    const file = join(folder, 'index.mdx');
    if (!existsSync(file)) return false;
    return [...readFileSync(file, 'utf8').matchAll(RECORD_ID)].some((m) => imported.has(m[0]));
  };
  return (rel, source) => {
    const record = /^content[\\/]([a-z]+)[\\/][^\\/]+$/.exec(rel);
    if (!record) return false;
    if (IMPORTED_LEFT_OUT.includes(record[1]!) && existsSync(join(source, 'index.md'))) return true;
    return showsImported(source);
  };
}
