/** Temp projects for the curator-tooling tests: never the real content/. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const repo = resolve(import.meta.dirname, '../../..');
// SHARED_DATA (relative to the project) points elsewhere; otherwise ../shared/data beside the
// project, or one level further up from a git worktree under wt/
const besideProject = [
  resolve(repo, '..', 'shared', 'data'),
  resolve(repo, '..', '..', 'shared', 'data'),
];
export const shared = process.env['SHARED_DATA']
  ? resolve(repo, process.env['SHARED_DATA'])
  : (besideProject.find((dir) => existsSync(dir)) ?? besideProject[0]!);
export const imaSource = join(shared, 'museum', 'ima-chinese-objects.json');
export const ichSource = join(shared, 'ich', 'crafts-items.csv');
export const entriesSource = join(shared, 'ich', 'crafts-regional-entries.csv');
export const inheritorsSource = join(shared, 'people', 'ich-inheritors-crafts.csv');
export const haveShared = existsSync(imaSource) && existsSync(ichSource);
if (!haveShared) {
  console.warn(`curating tests: ${shared} is missing, the real-data import tests are skipped`);
}

/** A temp project root with an empty content/ folder. */
export function tempProject(prefix = 'bg-curating-'): {
  root: string;
  content: string;
  cleanup: () => void;
} {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const content = join(root, 'content');
  mkdirSync(content, { recursive: true });
  return { root, content, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
