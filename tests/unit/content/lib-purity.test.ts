/**
 * Every module under src/lib/ says in its header comment whether it is pure or not (reads Astro's
 * content collections, the file system or the build environment), and the mark is kept honest: a
 * module marked pure imports neither `astro:content` nor a Node module nor a module marked not
 * pure and does not read `import.meta.env` or `astro:env`; a module marked not pure does one of these.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const lib = join(root, 'src', 'lib');

type Mark = 'pure' | 'not pure' | 'unmarked';

/** Paths of every TypeScript module under src/lib/, relative to the project root. */
function libModules(): string[] {
  return readdirSync(lib, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => relative(root, join(lib, name)).split('\\').join('/'))
    .sort();
}

/** The mark in a module's first comment block. */
function purityMark(source: string): Mark {
  const header = /^\s*\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
  if (/\bnot pure\b/i.test(header)) return 'not pure';
  if (/\bpure\b/i.test(header)) return 'pure';
  return 'unmarked';
}

/** Import specifiers of a module (static, type-only, re-exports and dynamic imports). */
function importsOf(source: string): string[] {
  const found = source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g);
  return [...found].map((m) => m[1]!);
}

/** Why a module cannot be pure, or undefined when nothing it imports reads anything. */
function impurity(
  path: string,
  source: string,
  markOf: (path: string) => Mark,
): string | undefined {
  if (/import\.meta\.env|\(import\.meta as/.test(source)) return 'reads import.meta.env';
  for (const spec of importsOf(source)) {
    if (spec === 'astro:content' || spec.startsWith('astro:env')) return `imports ${spec}`;
    if (spec.startsWith('node:')) return `imports ${spec}`;
    if (spec.startsWith('.')) {
      const target = relative(root, resolve(root, dirname(path), spec))
        .split('\\')
        .join('/');
      if (markOf(target) === 'not pure') return `imports ${target}, which is not pure`;
    }
  }
  return undefined;
}

describe('the purity marks of src/lib', () => {
  const modules = libModules();
  const sources = new Map(modules.map((path) => [path, readFileSync(join(root, path), 'utf8')]));
  const markOf = (path: string): Mark =>
    sources.has(path) ? purityMark(sources.get(path)!) : 'pure';

  it('finds the modules of every area', () => {
    for (const area of ['records', 'research', 'search', 'site', 'viewer']) {
      expect(modules.some((path) => path.startsWith(`src/lib/${area}/`))).toBe(true);
    }
  });

  it('has every module say in its header whether it is pure', () => {
    expect(modules.filter((path) => markOf(path) === 'unmarked')).toEqual([]);
  });

  it('marks as not pure exactly the modules that read content, files or impure modules', () => {
    const wrong = modules.flatMap((path) => {
      const reason = impurity(path, sources.get(path)!, markOf);
      const mark = markOf(path);
      if (reason && mark === 'pure') return [`${path} is marked pure but ${reason}`];
      if (!reason && mark === 'not pure') return [`${path} is marked not pure but reads nothing`];
      return [];
    });
    expect(wrong).toEqual([]);
  });

  it('reads the marks from the header only', () => {
    expect(purityMark('/**\n * Lookups.\n * Not pure: reads content.\n */\n')).toBe('not pure');
    expect(purityMark('/** Camera maths. Pure. */\nconst x = 1;\n')).toBe('pure');
    expect(purityMark('/** Lookups. */\n// pure\n')).toBe('unmarked');
  });
});
