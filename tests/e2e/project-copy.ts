/** A throw-away copy of the project for end-to-end tests that write records. */
import { cpSync, existsSync, symlinkSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const repo = resolve(import.meta.dirname, '../..');

const skipped = new Set([
  'node_modules',
  'dist',
  '.astro',
  '.cache',
  'generated',
  'test-results',
  'bench',
  '.git',
]);

/**
 * Copies the project to `to` without build output, caches or imported records (folders with
 * index.md), which keeps builds and the editor's lists short; node_modules is linked.
 */
export function copyProject(to: string): void {
  cpSync(repo, to, {
    recursive: true,
    filter: (source) => {
      const rel = relative(repo, source);
      const top = rel.split(sep)[0] ?? '';
      if (skipped.has(top) || rel.startsWith(join('public', 'media'))) return false;
      const isRecordFolder = /^content[\\/](works|crafts)[\\/][^\\/]+$/.test(rel);
      return !(isRecordFolder && existsSync(join(source, 'index.md')));
    },
  });
  symlinkSync(join(repo, 'node_modules'), join(to, 'node_modules'), 'dir');
}
