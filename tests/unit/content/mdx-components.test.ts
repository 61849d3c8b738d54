import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedComponents } from '../../../scripts/lib/mdx-check.ts';

// Node cannot import .astro files, so `npm run check` keeps its own list of the curator's
// components; these tests read the components' sources to keep that list in step with them.
const mdxDir = resolve(import.meta.dirname, '../../../src/components/mdx');

/** Names in `export const mdxComponents = { … }` of src/components/mdx/index.ts. */
function exportedNames(): string[] {
  const source = readFileSync(join(mdxDir, 'index.ts'), 'utf8');
  const object = /export const mdxComponents = \{([^}]*)\}/.exec(source)?.[1];
  if (object === undefined) throw new Error('mdxComponents not found in index.ts');
  return object
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Property names of a component's `interface Props { … }` (none when it has no Props). */
function propNames(component: string): string[] {
  const source = readFileSync(join(mdxDir, `${component}.astro`), 'utf8');
  const body = /interface Props \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? '';
  return [...body.matchAll(/^\s*(\w+)\??:/gm)].map((m) => m[1]!);
}

describe('the curator components known to npm run check', () => {
  it('are exactly the components offered to MDX', () => {
    expect(Object.keys(allowedComponents).sort()).toEqual(exportedNames().sort());
  });
  it('are every component file in src/components/mdx', () => {
    const files = readdirSync(mdxDir)
      .filter((f) => f.endsWith('.astro'))
      .map((f) => f.replace(/\.astro$/, ''));
    expect(files.sort()).toEqual(exportedNames().sort());
  });
  it.each(Object.entries(allowedComponents))('allow the attributes %s declares', (name, attrs) => {
    expect([...attrs].sort()).toEqual(propNames(name).sort());
  });
});
