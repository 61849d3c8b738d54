/**
 * The ingest's generated/media.json, read once at build time. Before the first ingest the
 * manifest is empty and pages show their placeholders instead of images.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Collection } from '../schemas/common.ts';
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
