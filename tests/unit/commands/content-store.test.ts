/**
 * The schema digest that decides when Astro's record cache is dropped covers what the schemas are
 * made of: a path that no longer exists (a module moved) would silently leave it out.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_INPUTS } from '../../../scripts/lib/content-store.ts';

const root = join(import.meta.dirname, '..', '..', '..');

/** The src/lib modules that the content config and the schemas import. */
function libModulesOfSchemas(): string[] {
  const sources = [
    'src/content.config.ts',
    ...readdirSync(join(root, 'src/schemas')).map((f) => `src/schemas/${f}`),
  ];
  return [
    ...new Set(
      sources.flatMap((file) =>
        [...readFileSync(join(root, file), 'utf8').matchAll(/from '(\.[^']+)'/g)]
          .map((m) =>
            relative(root, resolve(root, dirname(file), m[1]!))
              .split('\\')
              .join('/'),
          )
          .filter((path) => path.startsWith('src/lib/')),
      ),
    ),
  ].sort();
}

describe('the schema inputs of the content-store digest', () => {
  it('names only paths that exist', () => {
    expect(SCHEMA_INPUTS.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });

  it('includes every src/lib module the schemas import', () => {
    const modules = libModulesOfSchemas();
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((path) => !SCHEMA_INPUTS.includes(path))).toEqual([]);
  });
});
