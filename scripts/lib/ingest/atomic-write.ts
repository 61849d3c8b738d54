// Atomic output writes: every output is written to a temporary name in its final directory and
// renamed into place, so a reader (or a killed run) never sees a half-written file.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Marker that every temporary output name carries; used to sweep leftovers of killed runs. */
export const TMP_MARK = '.ingest-tmp-';

/** A temporary sibling path for `target` (same directory, so rename is atomic). */
export function tempPathFor(target: string): string {
  return join(
    dirname(target),
    `${TMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}-${basename(target)}`,
  );
}

/** Write `data` to `target` atomically (temp file + rename). Creates parent directories. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = tempPathFor(target);
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/**
 * Replace directory `target` by the fully written directory `tmpDir` (a sibling created by the
 * caller with {@link tempPathFor}). The old directory is moved aside first and deleted after.
 */
export async function replaceDirAtomic(tmpDir: string, target: string): Promise<void> {
  const old = tempPathFor(target);
  let moved = false;
  try {
    await rename(target, old);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await rename(tmpDir, target);
  if (moved) await rm(old, { recursive: true, force: true });
}

/** Remove temporary outputs left behind by an interrupted run, in `dir` (and below it). */
export async function sweepTemporaries(dir: string, recursive = true): Promise<number> {
  let removed = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.name.startsWith(TMP_MARK)) {
      await rm(path, { recursive: true, force: true });
      removed += 1;
    } else if (recursive && entry.isDirectory()) {
      removed += await sweepTemporaries(path);
    }
  }
  return removed;
}
