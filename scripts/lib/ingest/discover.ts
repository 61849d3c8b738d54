// Finds the masters: media files beside each record's index.mdx / index.md.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, posix, relative, sep } from 'node:path';
import {
  isRecordFile,
  listRecordFolders,
  type RecordFolder,
} from '../../../src/lib/records/record-files.ts';

export const IMAGE_EXTENSIONS = new Set([
  'jpg',
  'jpeg',
  'png',
  'webp',
  'avif',
  'tif',
  'tiff',
  'gif',
  'svg',
]);
export const MODEL_EXTENSIONS = new Set(['glb', 'gltf']);
/** Film masters (av.ts): what cameras and editing software write. */
export const VIDEO_EXTENSIONS = new Set(['mp4', 'm4v', 'mov', 'mxf', 'mkv', 'webm', 'avi']);
/** Sound masters: oral accounts, workshop sound. */
export const AUDIO_EXTENSIONS = new Set([
  'wav',
  'flac',
  'aif',
  'aiff',
  'm4a',
  'mp3',
  'aac',
  'ogg',
  'opus',
]);
/** Media formats curators might drop in that the pipeline does not take: reported as errors. */
export const UNSUPPORTED_MEDIA_EXTENSIONS = new Set([
  'bmp',
  'psd',
  'psb',
  'heic',
  'heif',
  'jxl',
  'jp2',
  'j2k',
  'cr2',
  'cr3',
  'nef',
  'arw',
  'dng',
  'obj',
  'fbx',
  'stl',
  'ply',
  'usdz',
  'blend',
  'dae',
  '3ds',
]);

export type MasterKind = 'image' | 'model' | 'video' | 'audio' | 'unsupported' | 'invalid';

/** One master file (or a rejected candidate) of one record. */
export interface Master {
  /** `"<collection>/<slug>/<rel>"`, the key in media.json and fixity.json. */
  key: string;
  collection: string;
  slug: string;
  /** Path relative to the record folder, always with `/`. */
  rel: string;
  /** Absolute path on disk. */
  abs: string;
  /** Absolute path of the record folder. */
  recordDir: string;
  kind: MasterKind;
  /** Lower-case extension without the dot. */
  ext: string;
  /** For .gltf: record-relative paths of the buffers and images it references. */
  resources: string[];
  /** Why a candidate is invalid (kind 'invalid'). */
  problem?: string;
}

function isHidden(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_');
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

interface Candidate {
  rel: string;
  abs: string;
  problem?: string;
}

async function walk(
  record: string,
  realRecord: string,
  dir: string,
  out: Candidate[],
  seen: Set<string>,
) {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (isHidden(entry.name)) continue;
    const abs = join(dir, entry.name);
    const rel = relative(record, abs).split(sep).join('/');
    if (isRecordFile(rel)) continue;
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(abs);
      } catch {
        out.push({ rel, abs, problem: 'broken symbolic link' });
        continue;
      }
      if (!isInside(target, realRecord)) {
        out.push({
          rel,
          abs,
          problem: `path escapes the record folder (symbolic link to ${target}); copy the file into the record instead`,
        });
        continue;
      }
      isDir = (await stat(abs)).isDirectory();
      if (isDir) {
        if (seen.has(target)) continue;
        seen.add(target);
      }
    }
    if (isDir) await walk(record, realRecord, abs, out, seen);
    else if (entry.isFile() || entry.isSymbolicLink()) out.push({ rel, abs });
  }
}

/** External (non data:) URIs referenced by a glTF JSON document. */
export function gltfExternalUris(json: unknown): string[] {
  const uris: string[] = [];
  const doc = json as { buffers?: { uri?: unknown }[]; images?: { uri?: unknown }[] };
  for (const item of [...(doc.buffers ?? []), ...(doc.images ?? [])]) {
    if (typeof item?.uri === 'string' && !item.uri.startsWith('data:')) uris.push(item.uri);
  }
  return uris;
}

/**
 * Resolve a URI found in a glTF file to a record-relative path, or explain why it is refused
 * (absolute, remote, or escaping the record folder).
 */
export function resolveGltfUri(
  recordDir: string,
  gltfRel: string,
  uri: string,
): { rel: string } | { problem: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(uri);
  } catch {
    return { problem: `malformed URI "${uri}"` };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(decoded) || decoded.startsWith('/') || decoded.startsWith('\\')) {
    return { problem: `external reference "${uri}" is not allowed (absolute or remote URI)` };
  }
  const rel = posix.normalize(posix.join(posix.dirname(gltfRel), decoded.replaceAll('\\', '/')));
  if (rel.startsWith('../') || rel === '..' || !isInside(join(recordDir, rel), recordDir)) {
    return { problem: `reference "${uri}" escapes the record folder` };
  }
  return { rel };
}

/** All masters of one record, with gltf resources folded into their model. */
export async function discoverRecord(record: RecordFolder): Promise<Master[]> {
  const realRecord = await realpath(record.dir);
  const candidates: Candidate[] = [];
  await walk(record.dir, realRecord, record.dir, candidates, new Set([realRecord]));
  const resourcesOf = new Map<string, string[]>();
  const owned = new Set<string>();
  for (const c of candidates) {
    if (c.problem || extname(c.rel).toLowerCase() !== '.gltf') continue;
    try {
      const json: unknown = JSON.parse(await readFile(c.abs, 'utf8'));
      const resources: string[] = [];
      for (const uri of gltfExternalUris(json)) {
        const resolved = resolveGltfUri(record.dir, c.rel, uri);
        if ('rel' in resolved) {
          resources.push(resolved.rel);
          owned.add(resolved.rel);
        }
      }
      resourcesOf.set(c.rel, resources);
    } catch {
      // Unparsable: the model pipeline reports it.
    }
  }
  const masters: Master[] = [];
  for (const c of candidates) {
    if (owned.has(c.rel)) continue;
    const ext = extname(c.rel).slice(1).toLowerCase();
    const base = {
      key: `${record.collection}/${record.slug}/${c.rel}`,
      collection: record.collection,
      slug: record.slug,
      rel: c.rel,
      abs: c.abs,
      recordDir: record.dir,
      ext,
      resources: resourcesOf.get(c.rel) ?? [],
    };
    if (c.problem) {
      const media = [IMAGE_EXTENSIONS, MODEL_EXTENSIONS, VIDEO_EXTENSIONS, AUDIO_EXTENSIONS];
      if (media.some((known) => known.has(ext)) || c.problem.includes('escapes')) {
        masters.push({ ...base, kind: 'invalid', problem: c.problem });
      }
    } else if (IMAGE_EXTENSIONS.has(ext)) masters.push({ ...base, kind: 'image' });
    else if (MODEL_EXTENSIONS.has(ext)) masters.push({ ...base, kind: 'model' });
    else if (VIDEO_EXTENSIONS.has(ext)) masters.push({ ...base, kind: 'video' });
    else if (AUDIO_EXTENSIONS.has(ext)) masters.push({ ...base, kind: 'audio' });
    else if (UNSUPPORTED_MEDIA_EXTENSIONS.has(ext)) masters.push({ ...base, kind: 'unsupported' });
  }
  return masters;
}

/** Every master under content/, record folders in path order. */
export async function discoverMasters(contentDir: string): Promise<Master[]> {
  const records = listRecordFolders(contentDir).sort((a, b) => (a.dir < b.dir ? -1 : 1));
  const all: Master[] = [];
  for (const record of records) all.push(...(await discoverRecord(record)));
  return all;
}
