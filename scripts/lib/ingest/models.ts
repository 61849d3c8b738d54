// glTF/GLB masters → validated, optimised .glb (meshopt geometry, WebP textures via sharp), with
// lighter quality levels for the first view (`model-levels.ts`).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Document, Logger, NodeIO, Primitive } from '@gltf-transform/core';
import { ALL_EXTENSIONS, EXTMeshoptCompression, EXTTextureWebP } from '@gltf-transform/extensions';
import {
  compressTexture,
  dedup,
  getBounds,
  listTextureSlots,
  meshopt,
  prune,
  reorder,
  weld,
} from '@gltf-transform/functions';
import draco3d from 'draco3dgltf';
import { MeshoptEncoder, MeshoptDecoder } from 'meshoptimizer';
import sharp from 'sharp';
import { validateBytes } from 'gltf-validator';
import type {
  BoundingBox,
  ModelEntry,
  ModelLevel,
  ValidatorSummary,
} from '../../../src/lib/records/media-manifest.ts';
import { writeFileAtomic } from './atomic-write.ts';
import {
  largestTextureSide,
  planLevels,
  simplifiedCopy,
  worthwhileLevels,
} from './model-levels.ts';
import { gltfExternalUris, type Master, resolveGltfUri } from './discover.ts';
import type { OutputTarget } from './images.ts';
import type { ModelSettings } from './settings.ts';
import { BadInputError, readHead, sniff } from './sniff.ts';

let ioPromise: Promise<NodeIO> | undefined;

/** One NodeIO per process with every extension and the Draco/meshopt codecs registered. */
function getIO(): Promise<NodeIO> {
  ioPromise ??= (async () => {
    await MeshoptEncoder.ready;
    await MeshoptDecoder.ready;
    return new NodeIO()
      .setLogger(new Logger(Logger.Verbosity.ERROR))
      .registerExtensions(ALL_EXTENSIONS)
      .registerDependencies({
        'draco3d.decoder': await draco3d.createDecoderModule(),
        'meshopt.encoder': MeshoptEncoder,
        'meshopt.decoder': MeshoptDecoder,
      });
  })();
  return ioPromise;
}

interface ValidatorMessage {
  code: string;
  message: string;
  severity: number;
  pointer?: string;
}

interface ValidatorReport {
  issues: {
    numErrors: number;
    numWarnings: number;
    numInfos: number;
    messages: ValidatorMessage[];
  };
}

/** Run the Khronos validator; external resources are read from inside the record only. */
export async function validateModel(
  bytes: Uint8Array,
  format: 'gltf' | 'glb',
  readResource: (uri: string) => Promise<Uint8Array>,
  uri = 'model',
): Promise<ValidatorSummary> {
  const report = (await validateBytes(bytes, {
    uri,
    format,
    maxIssues: 100,
    writeTimestamp: false,
    externalResourceFunction: (resource: string) => readResource(resource),
  })) as ValidatorReport;
  const { issues } = report;
  const messages = [...issues.messages]
    .sort((a, b) => a.severity - b.severity)
    .slice(0, 8)
    .map((m) => `${m.code}: ${m.message}${m.pointer ? ` (${m.pointer})` : ''}`);
  return {
    errors: issues.numErrors,
    warnings: issues.numWarnings,
    infos: issues.numInfos,
    messages,
  };
}

/** Triangles and vertices over all meshes (each mesh once, however often it is instanced). */
export function countGeometry(document: Document): { triangles: number; vertices: number } {
  let triangles = 0;
  let vertices = 0;
  for (const mesh of document.getRoot().listMeshes()) {
    for (const prim of mesh.listPrimitives()) {
      const position = prim.getAttribute('POSITION');
      const count = position?.getCount() ?? 0;
      vertices += count;
      const indexCount = prim.getIndices()?.getCount() ?? count;
      const mode = prim.getMode();
      if (mode === Primitive.Mode.TRIANGLES) triangles += Math.floor(indexCount / 3);
      else if (mode === Primitive.Mode.TRIANGLE_STRIP || mode === Primitive.Mode.TRIANGLE_FAN)
        triangles += Math.max(0, indexCount - 2);
    }
  }
  return { triangles, vertices };
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Bounds of the default (or first) scene in model units. */
export function boundsOf(document: Document): BoundingBox {
  const root = document.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  if (!scene) return { min: [0, 0, 0], max: [0, 0, 0], size: [0, 0, 0] };
  const { min, max } = getBounds(scene);
  const size = [0, 1, 2].map((i) => round(max[i]! - min[i]!)) as [number, number, number];
  return {
    min: min.map(round) as [number, number, number],
    max: max.map(round) as [number, number, number],
    size,
  };
}

const DATA_SLOTS = /^(normalTexture|occlusionTexture|metallicRoughnessTexture)$/;

/** How a level's textures are encoded. */
interface TextureLimits {
  textureFormat: 'webp';
  /** Largest side in pixels. */
  maxTextureSize: number;
  /** WebP quality of colour and of data (normal, occlusion, roughness) textures. */
  colourTextureQuality: number;
  dataTextureQuality: number;
  /** Re-encode every texture, lossy ones too (lighter levels, where bytes matter most). */
  reencodeAll: boolean;
}

/**
 * Re-encode textures that are worth it: PNGs (lossless, usually huge) become WebP, and anything
 * larger than the size limit is resized (and becomes WebP). At full detail JPEG/WebP textures
 * within the limit are kept byte for byte: re-encoding a lossy texture only adds generation loss.
 */
async function optimiseTextures(document: Document, limits: TextureLimits): Promise<void> {
  let converted = 0;
  for (const texture of document.getRoot().listTextures()) {
    const mime = texture.getMimeType();
    const size = texture.getSize();
    const oversize = size ? Math.max(size[0], size[1]) > limits.maxTextureSize : false;
    if (mime !== 'image/png' && !oversize && !limits.reencodeAll) continue;
    if (mime === 'image/ktx2') continue;
    const slots = listTextureSlots(texture);
    const isData = slots.length > 0 && slots.every((slot) => DATA_SLOTS.test(slot));
    await compressTexture(texture, {
      encoder: sharp,
      targetFormat: limits.textureFormat,
      resize: [limits.maxTextureSize, limits.maxTextureSize],
      quality: isData ? limits.dataTextureQuality : limits.colourTextureQuality,
    });
    converted += 1;
  }
  if (converted > 0) document.createExtension(EXTTextureWebP).setRequired(true);
}

/** Result of processing one model master. */
export interface ProcessedModel {
  entry: ModelEntry;
  outputs: string[];
}

/** Validate, optimise and write one model master. */
export async function processModel(
  master: Master,
  masterInfo: { sha256: string; bytes: number },
  target: OutputTarget,
  settings: ModelSettings,
): Promise<ProcessedModel> {
  if (masterInfo.bytes === 0) throw new BadInputError('empty file (0 bytes)');
  const head = await readHead(master.abs, 64);
  const sniffed = sniff(head);
  const format = master.ext === 'glb' ? 'glb' : 'gltf';
  if (format === 'glb' && sniffed !== 'glb') {
    throw new BadInputError(`not a GLB file (content looks like ${sniffed})`);
  }
  if (format === 'gltf' && sniffed !== 'gltf-json') {
    throw new BadInputError(`not a glTF JSON file (content looks like ${sniffed})`);
  }
  const bytes = new Uint8Array(await readFile(master.abs, { flag: 'r' }));

  // Every external URI must stay inside the record folder; remote/absolute ones are refused.
  let bytesBefore = masterInfo.bytes;
  if (format === 'gltf') {
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(bytes).toString('utf8'));
    } catch (error) {
      throw new BadInputError(`invalid glTF JSON: ${(error as Error).message}`);
    }
    for (const uri of gltfExternalUris(json)) {
      const resolved = resolveGltfUri(master.recordDir, master.rel, uri);
      if ('problem' in resolved) throw new BadInputError(`unsafe model: ${resolved.problem}`);
      try {
        bytesBefore += (await stat(join(master.recordDir, resolved.rel))).size;
      } catch {
        throw new BadInputError(`missing model resource "${uri}"`);
      }
    }
  }
  const readResource = async (uri: string): Promise<Uint8Array> => {
    const resolved = resolveGltfUri(master.recordDir, master.rel, uri);
    if ('problem' in resolved) throw new Error(resolved.problem);
    return new Uint8Array(await readFile(join(master.recordDir, resolved.rel), { flag: 'r' }));
  };

  const validator = await validateModel(bytes, format, readResource, master.rel);
  if (validator.errors > 0) {
    throw new BadInputError(
      `glTF validator found ${validator.errors} error(s): ${validator.messages.slice(0, 3).join('; ')}`,
    );
  }

  const io = await getIO();
  const document = await io.read(master.abs);
  const root = document.getRoot();
  for (const extension of root.listExtensionsUsed()) {
    if (extension.extensionName === 'KHR_draco_mesh_compression') extension.dispose();
  }
  await document.transform(dedup(), prune(), weld());
  const bbox = boundsOf(document);
  const plans = planLevels(
    countGeometry(document).triangles,
    largestTextureSide(document),
    settings.levels,
  );
  // Lighter levels first: each is a simplified copy; the full detail is the document itself.
  const made: ModelLevel[] = [];
  for (const plan of plans) {
    const simplified = await simplifiedCopy(document, plan, (d) => countGeometry(d).triangles);
    const name = `${target.stem}.${target.tag}.${plan.name}.glb`;
    const written = await encodeAndWrite(
      simplified.document,
      settings,
      { ...plan, textureFormat: settings.textureFormat, reencodeAll: true },
      { dir: target.dir, name },
    );
    made.push({
      name: plan.name,
      url: `${target.url}/${name}`,
      bytes: written.bytes,
      ...written.geometry,
      maxTextureSize: plan.maxTextureSize,
      error: simplified.error,
    });
  }
  const name = `${target.stem}.${target.tag}.glb`;
  const full = await encodeAndWrite(
    document,
    settings,
    { ...settings, reencodeAll: false },
    { dir: target.dir, name },
  );
  // A level that saves too few bytes is left out (its file goes with the stale outputs).
  const levels = worthwhileLevels(made, full.bytes);
  const outputs = [name, ...levels.map((level) => level.url.split('/').pop()!)];
  const warnings: string[] = [];
  if (validator.warnings > 0) {
    warnings.push(
      `glTF validator: ${validator.warnings} warning(s), e.g. ${validator.messages[0] ?? ''}`,
    );
  }
  return {
    entry: {
      kind: 'model',
      master: { sha256: masterInfo.sha256, bytes: masterInfo.bytes, format },
      url: `${target.url}/${name}`,
      bytesBefore,
      bytesAfter: full.bytes,
      ...full.geometry,
      bbox,
      compression: 'meshopt',
      levels,
      validator,
      warnings,
    },
    outputs: outputs.sort(),
  };
}

/**
 * Textures within their limits, meshopt geometry, then the GLB: validated and written
 * atomically. Changes `document`.
 */
async function encodeAndWrite(
  document: Document,
  settings: ModelSettings,
  textures: TextureLimits,
  file: { dir: string; name: string },
): Promise<{ bytes: number; geometry: { triangles: number; vertices: number } }> {
  await optimiseTextures(document, textures);
  await compressGeometry(document, settings);
  const geometry = countGeometry(document);
  const glb = await (await getIO()).writeBinary(document);
  const check = await validateModel(glb, 'glb', () => Promise.reject(new Error('none')), 'out.glb');
  if (check.errors > 0) {
    throw new Error(
      `optimised model (${file.name}) failed validation: ${check.messages.slice(0, 3).join('; ')}`,
    );
  }
  await writeFileAtomic(join(file.dir, file.name), glb);
  return { bytes: glb.length, geometry };
}

/** meshopt geometry compression: quantised (lossy, smaller) or bit-exact, as set. */
async function compressGeometry(document: Document, settings: ModelSettings): Promise<void> {
  if (settings.quantize) {
    // Lossy: quantised attributes plus meshopt filters (smaller, not bit-exact).
    await document.transform(
      meshopt({
        encoder: MeshoptEncoder,
        level: settings.meshoptLevel,
        quantizePosition: settings.quantizePositionBits,
        quantizeNormal: 12,
        quantizeTexcoord: 14,
      }),
    );
  } else {
    // Bit-exact geometry: reorder for compression, then meshopt's lossless byte codec.
    await document.transform(reorder({ encoder: MeshoptEncoder, target: 'size' }));
    document
      .createExtension(EXTMeshoptCompression)
      .setRequired(true)
      .setEncoderOptions({ method: EXTMeshoptCompression.EncoderMethod.QUANTIZE });
  }
}
