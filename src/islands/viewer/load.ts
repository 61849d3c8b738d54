/**
 * Loading a model: download with progress, set up the decoders it needs, parse the glTF, and
 * free the GPU memory again when the scene goes away.
 */
import { Mesh, type Material, type Object3D, type Texture } from 'three';
import { DRACOLoader } from 'three/examples/jsm/loaders/DRACOLoader.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';

let decoderReady = false;
/** Meshopt (what the ingest writes) decodes in workers; Draco's decoder is fetched only for a model that uses it. */
async function setUpDecoders(
  loader: GLTFLoader,
  buffer: ArrayBuffer,
): Promise<{ dispose(): void } | undefined> {
  if (!decoderReady) {
    // Decode meshopt geometry in workers so scrolling stays smooth while a large model decodes.
    const workers = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
    (MeshoptDecoder as typeof MeshoptDecoder & { useWorkers?: (n: number) => void }).useWorkers?.(
      workers,
    );
    decoderReady = true;
  }
  loader.setMeshoptDecoder(MeshoptDecoder);
  if (!usesExtension(buffer, 'KHR_draco_mesh_compression')) return undefined;
  // three.js points the Draco decoder at its own files through `new URL(…, import.meta.url)`,
  // so the bundler copies them into the site: same origin, no CDN. Decoding runs in workers.
  const draco = new DRACOLoader().setWorkerLimit(2);
  loader.setDRACOLoader(draco);
  return draco;
}

/** Whether a .glb (JSON chunk) or .gltf declares an extension. */
function usesExtension(buffer: ArrayBuffer, name: string): boolean {
  const view = new DataView(buffer);
  const isGlb = buffer.byteLength > 20 && view.getUint32(0, true) === 0x46546c67;
  const json = isGlb
    ? new Uint8Array(buffer, 20, Math.min(view.getUint32(12, true), buffer.byteLength - 20))
    : new Uint8Array(buffer, 0, Math.min(buffer.byteLength, 1 << 20));
  return new TextDecoder().decode(json).includes(name);
}

/** Fetch with a progress report; the manifest's byte count stands in when there is no length. */
async function fetchWithProgress(
  url: string,
  expected: number,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<ArrayBuffer> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  const total = Number(response.headers.get('content-length')) || expected;
  if (!response.body) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    if (total > 0) onProgress(Math.min(1, loaded / total));
  }
  const out = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out.buffer;
}

/** Free the geometry, materials and textures of a loaded model. */
export function disposeObject(root: Object3D): void {
  const materials = new Set<Material>();
  root.traverse((obj) => {
    if (obj instanceof Mesh) {
      obj.geometry.dispose();
      for (const m of Array.isArray(obj.material) ? obj.material : [obj.material])
        materials.add(m as Material);
    }
  });
  for (const material of materials) {
    for (const value of Object.values(material)) {
      if (value && typeof value === 'object' && (value as Texture).isTexture)
        (value as Texture).dispose();
    }
    material.dispose();
  }
}

export interface LoadingModel {
  /**
   * The model's scene graph, which the caller then owns (and frees with `disposeObject`);
   * rejects when loading failed. Undefined once cancelled.
   */
  done: Promise<Object3D | undefined>;
  /** Stop loading; a model parsed after this is freed here and never handed over. */
  cancel(): void;
}

/** Download and parse the .glb at `src`; progress is a fraction, then `'decoding'`. */
export function loadModel(
  src: string,
  bytes: number,
  onProgress: (progress: number | 'decoding') => void,
): LoadingModel {
  const abort = new AbortController();
  const loader = new GLTFLoader();
  let draco: { dispose(): void } | undefined;
  const done = (async () => {
    const buffer = await fetchWithProgress(src, bytes, onProgress, abort.signal);
    performance.mark('viewer:downloaded');
    onProgress('decoding');
    draco = await setUpDecoders(loader, buffer);
    const base = new URL(src, location.href).href.replace(/[^/]*$/, '');
    const gltf = await loader.parseAsync(buffer, base);
    if (abort.signal.aborted) {
      disposeObject(gltf.scene);
      return undefined;
    }
    // Every mesh takes part in the raking light's shadows.
    gltf.scene.traverse((obj) => {
      if (obj instanceof Mesh) {
        obj.castShadow = true;
        obj.receiveShadow = true;
      }
    });
    performance.mark('viewer:decoded');
    return gltf.scene;
  })();
  return {
    done: done.catch((error: unknown) => {
      if (abort.signal.aborted) return undefined;
      throw error;
    }),
    cancel() {
      abort.abort();
      draco?.dispose();
    },
  };
}
