/**
 * How record files are laid out: `content/<collection>/<slug>/index.mdx` (or `index.md` for
 * imported records that need no components). Anything whose name starts with `_` is a draft.
 */

/** Glob of record files inside one collection folder, drafts excluded. */
export const recordPattern = ['*/index.{md,mdx}', '!_*/**'];

/** The record's slug (its folder name) from a path relative to the collection folder. */
export function recordSlug(entry: string): string {
  return entry.replace(/\\/g, '/').replace(/\/index\.mdx?$/, '');
}
