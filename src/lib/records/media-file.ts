/**
 * Reading the ingest's generated/media.json: one reader for the site's pages (media-data.ts) and
 * the search indexer. Not pure: reads the file system.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MediaManifest } from './media-manifest.ts';

/** Where the ingest writes the manifest, relative to the project root. */
export const MEDIA_FILE = join('generated', 'media.json');

/** A manifest with no media, as pages see it before the first ingest. */
export const EMPTY_MEDIA_MANIFEST: MediaManifest = { version: 0, generatedAt: '', items: {} };

/**
 * The project's media manifest, or undefined before the first ingest. A file that is not a
 * manifest (cut short, edited by hand) is an error naming the file.
 */
export function readMediaManifest(root: string): MediaManifest | undefined {
  const file = join(root, MEDIA_FILE);
  if (!existsSync(file)) return undefined;
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(unreadable(file, reason), { cause: error });
  }
  if (!isManifest(manifest)) throw new Error(unreadable(file, 'no "items" object'));
  return manifest;
}

function isManifest(value: unknown): value is MediaManifest {
  return (
    typeof value === 'object' &&
    value !== null &&
    'items' in value &&
    typeof value.items === 'object' &&
    value.items !== null
  );
}

function unreadable(file: string, reason: string): string {
  return (
    `${file}: not a media manifest (${reason}); run npm run ingest to write it again / ` +
    `不是有效的媒体清单，请运行 npm run ingest 重新生成`
  );
}
