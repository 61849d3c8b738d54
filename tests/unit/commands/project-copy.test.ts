/**
 * One copyProject for the build benchmark and the end-to-end tests: real folders copied into a
 * folder inside the project (as bench/tmp/… is), without packages, build output and caches.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyProject, leaveOutImportedRecords } from '../../../scripts/lib/project-copy.ts';

let root: string;

function write(path: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), path);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bg-project-copy-'));
  for (const path of [
    'package.json',
    'content/works/bowl/index.mdx',
    'generated/media.json',
    'dist/index.html',
    '.astro/types.d.ts',
    '.git/HEAD',
    'bench/results/build.json',
    'node_modules/astro/package.json',
    'node_modules/.vite/deps.json',
  ]) {
    write(path);
  }
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('copyProject', () => {
  it('copies the project into a folder inside it, leaving out output, caches and history', () => {
    const to = join(root, 'bench', 'tmp', 'copy');
    copyProject(root, to);
    expect(existsSync(join(to, 'content/works/bowl/index.mdx'))).toBe(true);
    expect(existsSync(join(to, 'generated/media.json'))).toBe(true);
    for (const left of ['dist', '.astro', '.git', 'bench'])
      expect(existsSync(join(to, left))).toBe(false);
    expect(lstatSync(join(to, 'node_modules')).isSymbolicLink()).toBe(true);
  });

  it('leaves out what the caller asks and can give the copy its own package caches', () => {
    const to = join(root, 'bench', 'tmp', 'copy');
    copyProject(root, to, { leaveOut: (rel) => rel === 'generated', ownCaches: true });
    expect(existsSync(join(to, 'generated'))).toBe(false);
    expect(lstatSync(join(to, 'node_modules')).isDirectory()).toBe(true);
    expect(lstatSync(join(to, 'node_modules', 'astro')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(to, 'node_modules', '.vite'))).toBe(false);
  });

  it('can leave out imported works, people and cases and the curated records showing them', () => {
    const record = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    record('content/works/imported-bowl/index.md', 'id: BGW-000900\n');
    record('content/crafts/imported-craft/index.md', 'id: BGC-000900\n');
    record('content/exhibitions/show/index.mdx', 'works:\n  - BGW-000900\n');
    record('content/exhibitions/other/index.mdx', 'works:\n  - BGW-000001\n');
    const to = join(root, 'bench', 'tmp', 'copy');
    copyProject(root, to, { leaveOut: leaveOutImportedRecords(root) });
    expect(existsSync(join(to, 'content/works/imported-bowl'))).toBe(false);
    expect(existsSync(join(to, 'content/exhibitions/show'))).toBe(false);
    expect(existsSync(join(to, 'content/crafts/imported-craft/index.md'))).toBe(true);
    expect(existsSync(join(to, 'content/exhibitions/other/index.mdx'))).toBe(true);
    expect(existsSync(join(to, 'content/works/bowl/index.mdx'))).toBe(true);
  });
});
