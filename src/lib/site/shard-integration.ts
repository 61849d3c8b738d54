/**
 * The Astro integration behind `npm run build -- --shard i/n`: a shard other than the shared one
 * keeps only the pages of its own records. Dynamic routes filter their static paths themselves
 * (build-shard.ts); what a route without parameters (home, indexes, feeds) and the public folder
 * put into the output is removed here after the build, so the shared pages are in exactly one
 * shard and the shards' outputs add up to the unsharded build.
 * Not pure: reads the build environment and removes files from the build output.
 */
import { readdirSync, rmSync, rmdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ownsShared, parseShard } from './shard.ts';

/** Files under `dir`, relative to it, with `/` between folders (also the merge's listing). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Removes the folders under `dir` that are left empty, deepest first. */
function removeEmptyFolders(dir: string): void {
  const folders = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort((a, b) => b.length - a.length);
  for (const folder of folders) if (readdirSync(folder).length === 0) rmdirSync(folder);
}

export function buildShardIntegration(): AstroIntegration {
  let publicDir = '';
  let unparameterised = new Set<string>();
  return {
    name: 'baigong-build-shard',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:routes:resolved': ({ routes }) => {
        unparameterised = new Set(
          routes.filter((r) => r.params.length === 0).map((r) => r.pattern),
        );
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const text = process.env['BUILD_SHARD'];
        if (!text || ownsShared(parseShard(text))) return;
        const out = fileURLToPath(dir);
        let removed = 0;
        for (const [pattern, urls] of assets) {
          if (!unparameterised.has(pattern)) continue;
          for (const url of urls) rmSync(fileURLToPath(url), { force: true });
          removed += urls.length;
        }
        for (const file of filesUnder(publicDir)) rmSync(join(out, file), { force: true });
        removeEmptyFolders(out);
        logger.info(
          `shard ${text}: left ${String(removed)} shared pages and the public folder to the shared shard`,
        );
      },
    },
  };
}
