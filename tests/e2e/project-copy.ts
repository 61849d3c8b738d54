/** A throw-away copy of the project for end-to-end tests that write records. */
import { join, resolve } from 'node:path';
import {
  copyProject as copyProjectTo,
  leaveOutImportedRecords,
} from '../../scripts/lib/project-copy.ts';

export const repo = resolve(import.meta.dirname, '../..');

/**
 * Copies the project to `to` without generated media, imported works, people and cases (folders
 * with index.md) or the curated records that show them, which keeps builds and the editor's lists
 * short; node_modules is linked.
 */
export function copyProject(to: string): void {
  const importedRecord = leaveOutImportedRecords(repo);
  copyProjectTo(repo, to, {
    leaveOut: (rel, source) =>
      rel === 'generated' || rel.startsWith(join('public', 'media')) || importedRecord(rel, source),
  });
}

/** The environment for Astro, without Vitest's (NODE_ENV=test and VITEST* change how it serves). */
export function astroEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST|NODE_ENV$|TEST$)/.test(key)),
  );
}
