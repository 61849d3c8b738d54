/**
 * The three.js part of the viewer, loaded only when a model is to be shown: canvas, model,
 * lights, orbit controls, hotspot anchors. Renders on demand (`frameloop="demand"`).
 */
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import {
  Color,
  DirectionalLight,
  HemisphereLight,
  Mesh,
  NeutralToneMapping,
  type Object3D,
  PMREMGenerator,
  Raycaster,
  type Texture,
  Vector2,
  Vector3,
  type Material,
  type WebGLRenderer,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';
import { DRACOLoader } from 'three/examples/jsm/loaders/DRACOLoader.js';
import { GLTFLoader, type GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import type { BoundingBox } from '../../lib/media-manifest.ts';
import {
  cameraLimits,
  easeInOut,
  lerpView,
  orbitView,
  panView,
  type CameraLimits,
} from '../../lib/viewer/camera.ts';
import { pixelsPerUnit } from '../../lib/viewer/scale.ts';
import type { Background, CameraView, LightingPreset, Vec3 } from '../../lib/viewer/types.ts';
import { facesCamera, occluded } from '../../lib/viewer/visibility.ts';
import type { Anchor, ErrorKind, PickResult, ReadyInfo, ViewerController } from './controller.ts';

export interface SceneProps {
  src: string;
  bytes: number;
  triangles: number;
  bbox: BoundingBox;
  lighting: LightingPreset;
  rakingAzimuth: number;
  rakingElevation: number;
  background: Background;
  autoRotate: boolean;
  reducedMotion: boolean;
  anchors: Anchor[];
  /** Element whose `[data-anchor]` children are pinned to the anchors. */
  overlay: RefObject<HTMLDivElement | null>;
  controller: RefObject<ViewerController | null>;
  onProgress: (fraction: number | 'decoding') => void;
  onReady: (info: ReadyInfo) => void;
  onError: (kind: ErrorKind, error?: unknown) => void;
  onView: (view: CameraView, pxPerUnit: number) => void;
}

const FOV = 35;
const BACKGROUNDS: Record<Background, string> = {
  light: '#f3f0e8',
  grey: '#8a8a86',
  dark: '#1b1a18',
};

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

function disposeObject(root: Object3D): void {
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

const v3 = (v: Vector3): Vec3 => [v.x, v.y, v.z];

/**
 * Software WebGL (SwiftShader, llvmpipe) compiles the environment's blur shaders so slowly that
 * the page stalls for seconds; there the studio light is made of plain lights only.
 */
function isSoftwareRenderer(gl: WebGLRenderer): boolean {
  const context = gl.getContext();
  const info = context.getExtension('WEBGL_debug_renderer_info');
  const name = String(context.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : context.RENDERER));
  return /swiftshader|llvmpipe|softpipe|software/i.test(name);
}

function Lights(props: {
  preset: LightingPreset;
  azimuth: number;
  elevation: number;
  limits: CameraLimits;
  background: Background;
}) {
  const { gl, scene, invalidate } = useThree();
  const [env, setEnv] = useState<Texture | null>(null);
  const software = useMemo(() => isSoftwareRenderer(gl), [gl]);
  const key = useMemo(() => new DirectionalLight('#ffffff', 1), []);
  const hemi = useMemo(() => new HemisphereLight('#ffffff', '#b9ab93', 1), []);
  const { center, radius } = props.limits;

  // A neutral room lit by area lights, generated in the GPU: no environment map to download.
  useEffect(() => {
    if (software) return;
    const pmrem = new PMREMGenerator(gl);
    const room = new RoomEnvironment();
    performance.mark('viewer:environment-start');
    // A small cube is plenty for a blurred studio room and cheap on software renderers.
    const target = pmrem.fromScene(room, 0.04, 0.1, 100, { size: 64 });
    performance.mark('viewer:environment-end');
    room.dispose();
    pmrem.dispose();
    setEnv(target.texture);
    return () => target.dispose();
  }, [gl, software]);

  useEffect(() => {
    scene.background = new Color(BACKGROUNDS[props.background]);
    invalidate();
  }, [scene, props.background, invalidate]);

  useEffect(() => {
    const { preset } = props;
    scene.environment = env;
    scene.environmentIntensity = preset === 'studio' ? 0.9 : preset === 'soft' ? 0.55 : 0.06;
    const deg = Math.PI / 180;
    const az = (preset === 'raking' ? props.azimuth : 35) * deg;
    const el = (preset === 'raking' ? props.elevation : 45) * deg;
    const d = radius * 4;
    key.position.set(
      center[0] + d * Math.cos(el) * Math.sin(az),
      center[1] + d * Math.sin(el),
      center[2] + d * Math.cos(el) * Math.cos(az),
    );
    key.target.position.set(...center);
    key.target.updateMatrixWorld();
    key.intensity = preset === 'studio' ? 1.4 : preset === 'soft' ? 0 : 3.2;
    key.visible = preset !== 'soft';
    // Without the environment (software rendering) the hemisphere light stands in for it.
    const ambient = env ? 0 : 1;
    hemi.intensity =
      preset === 'soft'
        ? 1.6 + ambient
        : preset === 'studio'
          ? 0.25 + ambient * 1.2
          : 0.04 + ambient * 0.1;
    // Raking light casts shadows so that carving and incision stand out.
    key.castShadow = preset === 'raking';
    const cam = key.shadow.camera;
    cam.left = cam.bottom = -radius * 1.1;
    cam.right = cam.top = radius * 1.1;
    cam.near = radius * 0.5;
    cam.far = radius * 8;
    cam.updateProjectionMatrix();
    key.shadow.mapSize.set(2048, 2048);
    key.shadow.bias = -0.0004;
    key.shadow.normalBias = radius * 0.004;
    invalidate();
  }, [props, env, scene, key, hemi, center, radius, invalidate]);

  return (
    <>
      <primitive object={key} />
      <primitive object={key.target} />
      <primitive object={hemi} />
    </>
  );
}

interface Animation {
  from: CameraView;
  to: CameraView;
  start: number;
  duration: number;
}

/** Orbit controls, camera moves, rendering, anchors and the ready signal. */
function Driver(props: {
  model: Object3D | null;
  triangles: number;
  limits: CameraLimits;
  autoRotate: boolean;
  reducedMotion: boolean;
  anchors: Anchor[];
  overlay: RefObject<HTMLDivElement | null>;
  controller: RefObject<ViewerController | null>;
  started: number;
  onReady: (info: ReadyInfo) => void;
  onView: (view: CameraView, pxPerUnit: number) => void;
}) {
  const { camera, gl, invalidate, scene, size } = useThree();
  const controlsRef = useRef<OrbitControls | null>(null);
  const anim = useRef<Animation | null>(null);
  const ready = useRef(false);
  const visibility = useRef<boolean[]>([]);
  const lastMove = useRef(0);
  const settleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastView = useRef('');
  const { limits } = props;
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const controls = new OrbitControls(camera, gl.domElement);
    controls.enableDamping = true;
    controls.dampingFactor = 0.15;
    controls.minDistance = limits.minDistance;
    controls.maxDistance = limits.maxDistance;
    controls.cursor.set(...limits.center);
    controls.maxTargetRadius = limits.maxTargetRadius;
    controls.autoRotateSpeed = 1.5;
    controls.zoomToCursor = true;
    camera.position.set(...limits.home.position);
    controls.target.set(...limits.home.target);
    controls.update();
    const onChange = () => {
      lastMove.current = performance.now();
      invalidate();
    };
    const onStart = () => {
      anim.current = null;
    };
    controls.addEventListener('change', onChange);
    controls.addEventListener('start', onStart);
    controlsRef.current = controls;
    invalidate();
    return () => {
      controls.removeEventListener('change', onChange);
      controls.removeEventListener('start', onStart);
      controls.dispose();
      controlsRef.current = null;
      clearTimeout(settleTimer.current);
    };
  }, [camera, gl, limits, invalidate]);

  useEffect(() => {
    const controls = controlsRef.current;
    if (controls) controls.autoRotate = props.autoRotate;
    invalidate();
  }, [props.autoRotate, invalidate]);

  useEffect(() => {
    const raycaster = new Raycaster();
    const getView = (): CameraView => ({
      position: v3(camera.position),
      target: v3(controlsRef.current?.target ?? new Vector3(...limits.center)),
    });
    const goTo = (view: CameraView) => {
      const from = getView();
      if (latest.current.reducedMotion) {
        anim.current = { from: view, to: view, start: 0, duration: 0 };
      } else {
        const dist = Math.hypot(...view.position.map((p, i) => p - from.position[i]!));
        const duration = Math.min(1400, 500 + (dist / limits.radius) * 250);
        anim.current = { from, to: view, start: performance.now(), duration };
      }
      invalidate();
    };
    const api: ViewerController = {
      reset: () => goTo(limits.home),
      goTo,
      getView,
      orbit: (dAz, dPol, zoom) => goTo(orbitView(getView(), dAz, dPol, zoom, limits)),
      pan: (dx, dy) => goTo(panView(getView(), dx, dy, limits.center, limits.maxTargetRadius)),
      pick: (clientX, clientY): PickResult | undefined => {
        const model = latest.current.model;
        if (!model) return undefined;
        const rect = gl.domElement.getBoundingClientRect();
        const ndc = new Vector2(
          ((clientX - rect.left) / rect.width) * 2 - 1,
          -((clientY - rect.top) / rect.height) * 2 + 1,
        );
        raycaster.setFromCamera(ndc, camera);
        const hit = raycaster.intersectObject(model, true)[0];
        if (!hit) return undefined;
        const normal = hit.face
          ? hit.face.normal.clone().transformDirection(hit.object.matrixWorld)
          : new Vector3().subVectors(camera.position, hit.point).normalize();
        // Double-sided scans can be hit from behind: make the normal face the camera.
        if (normal.dot(raycaster.ray.direction) > 0) normal.negate();
        return { point: v3(hit.point), normal: v3(normal) };
      },
      invalidate: () => invalidate(),
    };
    props.controller.current = api;
    return () => {
      props.controller.current = null;
    };
  }, [camera, gl, limits, invalidate, props.controller]);

  // Anchors need one frame to be positioned when they change.
  useEffect(() => {
    visibility.current = [];
    lastMove.current = performance.now();
    invalidate();
  }, [props.anchors, invalidate]);

  useEffect(() => invalidate(), [size, invalidate]);

  const raycaster = useMemo(() => new Raycaster(), []);

  useFrame((_, delta) => {
    const controls = controlsRef.current;
    const p = latest.current;
    const now = performance.now();
    if (controls) {
      const a = anim.current;
      if (a) {
        const t = a.duration > 0 ? Math.min(1, (now - a.start) / a.duration) : 1;
        const view = lerpView(a.from, a.to, easeInOut(t));
        camera.position.set(...view.position);
        controls.target.set(...view.target);
        lastMove.current = now;
        if (t >= 1) anim.current = null;
        else invalidate();
      }
      if (controls.update(delta) || controls.autoRotate || anim.current) invalidate();
    }
    gl.render(scene, camera);

    // Pin the HTML markers to their anchors. The quick normal test runs every frame; the
    // model-occlusion raycast runs once the camera has come to rest.
    const overlay = p.overlay.current;
    const width = size.width;
    const height = size.height;
    const camPos = v3(camera.position);
    const resting = now - lastMove.current > 120;
    if (overlay) {
      const elements = overlay.querySelectorAll<HTMLElement>('[data-anchor]');
      const projected: (Vector2 | null)[] = [];
      p.anchors.forEach((anchor, i) => {
        const world = new Vector3(...anchor.position);
        const ndc = world.clone().project(camera);
        const onScreen = ndc.z < 1 && Math.abs(ndc.x) <= 1.05 && Math.abs(ndc.y) <= 1.05;
        let visible = onScreen;
        if (visible && anchor.normal) {
          visible = facesCamera(anchor.position, anchor.normal, camPos);
          if (visible && p.model) {
            if (resting) {
              const dir = world.clone().sub(camera.position);
              const dist = dir.length();
              raycaster.set(camera.position, dir.normalize());
              raycaster.far = dist + limits.radius;
              const hit = raycaster.intersectObject(p.model, true)[0];
              visibility.current[i] = !occluded(hit?.distance, dist, limits.radius * 0.02);
            }
            visible = visibility.current[i] ?? true;
          }
        }
        const x = ((ndc.x + 1) / 2) * width;
        const y = ((1 - ndc.y) / 2) * height;
        projected[i] = onScreen ? new Vector2(x, y) : null;
        const el = elements[i];
        if (el) {
          el.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)`;
          el.dataset['hidden'] = String(!visible);
        }
      });
      const line = overlay.querySelector<SVGLineElement>('[data-measure-line]');
      const a = projected[Number(line?.dataset['from'])];
      const b = projected[Number(line?.dataset['to'])];
      if (line && a && b) {
        line.setAttribute('x1', String(a.x));
        line.setAttribute('y1', String(a.y));
        line.setAttribute('x2', String(b.x));
        line.setAttribute('y2', String(b.y));
      }
    }
    if (!resting) {
      clearTimeout(settleTimer.current);
      settleTimer.current = setTimeout(() => invalidate(), 140);
    }

    const view: CameraView = {
      position: camPos,
      target: v3(controls?.target ?? new Vector3(...limits.center)),
    };
    const key = `${view.position.join()}|${view.target.join()}|${width}x${height}`;
    if (key !== lastView.current) {
      lastView.current = key;
      const distance = camera.position.distanceTo(controls?.target ?? new Vector3());
      p.onView(view, pixelsPerUnit(distance, FOV, height));
    }

    if (!ready.current && p.model) {
      ready.current = true;
      p.onReady({ ms: Math.round(now - p.started), triangles: p.triangles });
    }
  }, 1);

  return null;
}

export default function Scene(props: SceneProps) {
  const [model, setModel] = useState<Object3D | null>(null);
  const started = useMemo(() => performance.now(), []);
  const limits = useMemo(() => cameraLimits(props.bbox, FOV), [props.bbox]);
  const callbacks = useRef(props);
  callbacks.current = props;
  const canvasRef = useRef<HTMLCanvasElement | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    let loaded: Object3D | null = null;
    const loader = new GLTFLoader();
    let draco: { dispose(): void } | undefined;
    (async () => {
      const buffer = await fetchWithProgress(
        props.src,
        props.bytes,
        (f) => callbacks.current.onProgress(f),
        abort.signal,
      );
      performance.mark('viewer:downloaded');
      callbacks.current.onProgress('decoding');
      draco = await setUpDecoders(loader, buffer);
      const base = new URL(props.src, location.href).href.replace(/[^/]*$/, '');
      const gltf: GLTF = await loader.parseAsync(buffer, base);
      if (abort.signal.aborted) {
        disposeObject(gltf.scene);
        return;
      }
      gltf.scene.traverse((obj) => {
        if (obj instanceof Mesh) {
          obj.castShadow = true;
          obj.receiveShadow = true;
        }
      });
      performance.mark('viewer:decoded');
      loaded = gltf.scene;
      setModel(gltf.scene);
    })().catch((error: unknown) => {
      if (!abort.signal.aborted) callbacks.current.onError('load', error);
    });
    return () => {
      abort.abort();
      draco?.dispose();
      if (loaded) disposeObject(loaded);
    };
  }, [props.src, props.bytes]);

  const onLost = useMemo(
    () => (event: Event) => {
      event.preventDefault();
      callbacks.current.onError('context');
    },
    [],
  );
  useEffect(
    () => () => {
      // Unmounting forces a context loss on purpose: that is not an error.
      canvasRef.current?.removeEventListener('webglcontextlost', onLost);
    },
    [onLost],
  );
  const cameraOptions = useMemo(
    () => ({ fov: FOV, near: limits.near, far: limits.far, position: limits.home.position }),
    [limits],
  );

  return (
    <Canvas
      frameloop="demand"
      shadows="percentage"
      dpr={[1, 2]}
      gl={{ antialias: true, powerPreference: 'high-performance' }}
      camera={cameraOptions}
      onCreated={({ gl }: { gl: WebGLRenderer }) => {
        gl.toneMapping = NeutralToneMapping;
        canvasRef.current = gl.domElement;
        gl.domElement.addEventListener('webglcontextlost', onLost);
      }}
      aria-hidden="true"
    >
      <Lights
        preset={props.lighting}
        azimuth={props.rakingAzimuth}
        elevation={props.rakingElevation}
        limits={limits}
        background={props.background}
      />
      {model && <primitive object={model} />}
      <Driver
        model={model}
        triangles={props.triangles}
        limits={limits}
        autoRotate={props.autoRotate}
        reducedMotion={props.reducedMotion}
        anchors={props.anchors}
        overlay={props.overlay}
        controller={props.controller}
        started={started}
        onReady={(info) => callbacks.current.onReady(info)}
        onView={(view, px) => callbacks.current.onView(view, px)}
      />
    </Canvas>
  );
}
