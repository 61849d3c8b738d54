/**
 * Astro keeps parsed records in node_modules/.astro/data-store.json and throws that cache away
 * only when src/content.config.ts itself changes — not when a schema it imports changes (a new
 * field with a default, a new vocabulary). Records parsed under the old schema would then reach
 * the pages without the new field. Before a build, this compares a digest of everything the
 * schemas are made of with the one the cache was made under, and drops a stale cache.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/** What the record schemas are made of: the schemas, their data files and the modules they use. */
export const SCHEMA_INPUTS = [
  'src/content.config.ts',
  'src/schemas',
  'src/data',
  'src/lib/records/ich.ts',
  'src/lib/records/regions.ts',
  'src/lib/records/vocabularies.ts',
  'src/lib/records/record-files.ts',
  'src/lib/thesaurus/index.ts',
  'src/lib/site/application.ts',
];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** SHA-256 over the paths and contents of the schema inputs. */
export function schemaDigest(root: string): string {
  const hash = createHash('sha256');
  for (const file of SCHEMA_INPUTS.flatMap((p) => files(join(root, p)))) {
    hash.update(file.slice(root.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Drops Astro's record cache when the schemas changed since it was written. True if dropped. */
export function dropStaleContentStore(root: string): boolean {
  const dir = join(root, 'node_modules', '.astro');
  const stamp = join(dir, 'baigong-schema-digest');
  const digest = schemaDigest(root);
  const stale = existsSync(stamp) && readFileSync(stamp, 'utf8').trim() !== digest;
  const store = join(dir, 'data-store.json');
  // a cache without a stamp was made by an unknown schema: drop it too
  const dropped = existsSync(store) && (stale || !existsSync(stamp));
  if (dropped) rmSync(store, { force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(stamp, `${digest}\n`);
  return dropped;
}
