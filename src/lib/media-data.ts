/**
 * The ingest's generated/media.json, read once at build time. Before the first ingest the
 * manifest is empty and pages show their placeholders instead of images.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Collection } from '../schemas/common.ts';
import type { AnyEntry } from './archive.ts';
import type { Localized } from './i18n.ts';
import {
  getMedia,
  isImageEntry,
  isModelEntry,
  type ImageEntry,
  type MediaManifest,
  type ModelEntry,
} from './media-manifest.ts';

let cached: MediaManifest | undefined;

export function mediaManifest(): MediaManifest {
  if (cached) return cached;
  const file = join(process.cwd(), 'generated', 'media.json');
  cached = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as MediaManifest)
    : { version: 0, generatedAt: '', items: {} };
  return cached;
}

export function imageEntry(
  collection: Collection,
  slug: string,
  file: string,
): ImageEntry | undefined {
  const entry = getMedia(mediaManifest(), collection, slug, file);
  return isImageEntry(entry) ? entry : undefined;
}

export function modelEntry(
  collection: Collection,
  slug: string,
  file: string,
): ModelEntry | undefined {
  const entry = getMedia(mediaManifest(), collection, slug, file);
  return isModelEntry(entry) ? entry : undefined;
}

/**
 * The pictures of a record that the ingest has processed, in the order to show them: its images,
 * then the posters of its 3D models (a work with only a model shows the model's poster).
 */
export function picturesOf(entry: AnyEntry): { file: string; alt: Localized }[] {
  const images = 'images' in entry.data ? entry.data.images : [];
  const posters =
    'models' in entry.data
      ? entry.data.models.flatMap((m) => (m.poster ? [{ file: m.poster, alt: m.alt }] : []))
      : [];
  return [...images, ...posters].filter((img) => imageEntry(entry.collection, entry.id, img.file));
}

/**
 * Whether a record earns a card in galleries and previews: curated records always, imported
 * ones once they have a picture. (A wall of empty cards helps nobody; the others stay listed in
 * text, in search, on the regions pages and in the open data.)
 */
export function showsAsCard(entry: AnyEntry): boolean {
  return !('imported' in entry.data && entry.data.imported) || picturesOf(entry).length > 0;
}
