/** The search document of one real record file, as the indexer builds it. */
import { join } from 'node:path';
import { loadRecordFile } from '../../../scripts/lib/content.ts';
import { toSearchDocument } from '../../../src/lib/search/build-document.ts';
import type { Collection } from '../../../src/schemas/index.ts';

const root = join(import.meta.dirname, '..', '..', '..');

/** The document of `content/<collection>/<slug>/index.md`; throws, naming the file, if it does not load. */
export function documentOf(collection: Collection, slug: string) {
  const file = join(root, 'content', collection, slug, 'index.md');
  const loaded = loadRecordFile(root, collection, file);
  if (!loaded.record) throw new Error(`cannot load ${file}: ${JSON.stringify(loaded.problems)}`);
  return toSearchDocument(loaded.record);
}
