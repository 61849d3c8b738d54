/**
 * An Astro integration that keeps the content store's memory to one copy during `astro build`.
 *
 * Astro hands the content store (every record, `node_modules/.astro/data-store.json`) to the
 * pages as a module whose source is the whole store as one string literal, which the module then
 * parses; V8 keeps the module's source and the literal alive for the whole build, beside the
 * parsed flat array the module exports and the records made from it. At 10,000 records the
 * two strings alone were 126 MB of a 560 MB heap (measured in a heap snapshot); at 100,000 they
 * would be over a gigabyte, and a heap that size slows every page by making each garbage
 * collection longer. This build-only module reads the same file when it runs and exports the
 * records already unflattened (the form Astro's store takes first), so only the records stay.
 * It also drops each Markdown record's `rendered.metadata.frontmatter`: a second copy of all the
 * record's fields that Astro offers only as `remarkPluginFrontmatter`, which no page reads.
 * `astro dev` keeps Astro's own module, which it reloads as records change.
 * Not pure: a Vite plugin that reads the store file when the build's pages load it.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The virtual module Astro resolves `astro:data-layer-content` to (Astro 7). */
export const DATA_STORE_MODULE = '\0astro:data-layer-content';

/**
 * The store module's code: read and unflatten the store file when the module is evaluated, and
 * leave out the rendered records' copies of their frontmatter.
 */
export function dataStoreModuleCode(storeFile: string): string {
  return [
    `import { readFileSync } from 'node:fs';`,
    `import { unflatten } from 'devalue';`,
    `const store = unflatten(JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8')));`,
    `for (const entries of store.values())`,
    `  for (const entry of entries.values()) delete entry.rendered?.metadata?.frontmatter;`,
    `export default store;`,
  ].join('\n');
}

export function leanDataStoreIntegration(): AstroIntegration {
  return {
    name: 'baigong-lean-data-store',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        const storage = config.experimental.collectionStorage ?? 'single-file';
        // chunked storage is a different module layout, left as Astro makes it
        if (command !== 'build' || storage !== 'single-file') return;
        const storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'baigong-lean-data-store',
                enforce: 'pre',
                // Astro's own plugin loads the module first (its plugin comes earlier in the
                // same 'pre' group), so its code is replaced as it passes through
                transform(_code: string, id: string) {
                  if (id !== DATA_STORE_MODULE) return null;
                  return { code: dataStoreModuleCode(storeFile), map: { mappings: '' } };
                },
              },
            ],
          },
        });
      },
    },
  };
}
