/**
 * Renders a record's body for a page. The record file is checked against the content rules
 * first (the rules of `npm run check`), so a forbidden record stops the page with the check's
 * messages instead of being compiled, and instead of Astro's fallback of an empty body when the
 * pipeline plugin refuses it. Pages render bodies through here, never with `render` directly.
 * Not pure: reads Astro's content collections and the record file (build time only).
 */
import { resolve } from 'node:path';
import { render } from 'astro:content';
import type { AnyEntry } from './archive.ts';
import { assertSafeRecordFile } from '../content-safety/record.ts';

export async function renderRecord(entry: AnyEntry): ReturnType<typeof render> {
  if (!entry.filePath) throw new Error(`record ${entry.collection}/${entry.id} has no file`);
  assertSafeRecordFile(resolve(entry.filePath));
  return render(entry);
}
