/**
 * The three.js part of the viewer, loaded only when a model is to be shown: the canvas with the
 * model (`load.ts`), its `Lights` and its `Controls`. Renders on demand (`frameloop="demand"`).
 * A new quality level replaces the shown one only once it has loaded.
 */
import { Canvas } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState } from 'react';
import { NeutralToneMapping, type Object3D, type WebGLRenderer } from 'three';
import type { BoundingBox } from '../../lib/records/media-manifest.ts';
import { cameraLimits } from '../../lib/viewer/camera.ts';
import type { ViewerLevel } from '../../lib/viewer/levels.ts';
import type { ErrorKind } from '../../lib/viewer/loading.ts';
import type { Background, CameraView, LightingPreset } from '../../lib/viewer/types.ts';
import Controls, { type ControlsInput } from './Controls.tsx';
import type { ReadyInfo } from './controller.ts';
import Lights from './Lights.tsx';
import { disposeObject, loadModel } from './load.ts';

export interface SceneProps {
  /** The level to show: the one shown stays until this one is ready. */
  level: ViewerLevel;
  bbox: BoundingBox;
  lighting: LightingPreset;
  rakingAzimuth: number;
  rakingElevation: number;
  background: Background;
  controls: ControlsInput;
  onProgress: (fraction: number | 'decoding') => void;
  /** A level is on screen. */
  onShown: (level: ViewerLevel) => void;
  onReady: (info: ReadyInfo) => void;
  onError: (kind: ErrorKind, error?: unknown) => void;
  onView: (view: CameraView, pxPerUnit: number) => void;
}

const FOV = 35;
/**
 * Multisampling only on low-density screens: at 1.5 device pixels per CSS pixel or more the edges are
 * fine without it, and on a phone (or software WebGL) it doubled the main-thread time of the
 * first frames (Lighthouse, gong page: total blocking time 5.0 s with it, 2.3 s without).
 */
const ANTIALIAS = devicePixelRatio < 1.5;

export default function Scene(props: SceneProps) {
  const [shown, setShown] = useState<{ model: Object3D; level: ViewerLevel } | null>(null);
  const model = shown?.model ?? null;
  const started = useMemo(() => performance.now(), []);
  const limits = useMemo(() => cameraLimits(props.bbox, FOV), [props.bbox]);
  const callbacks = useRef(props);
  callbacks.current = props;
  const canvasRef = useRef<HTMLCanvasElement | null>(null);

  const { level } = props;
  useEffect(() => {
    let cancelled = false;
    const loading = loadModel(level.src, level.bytes, (p) => callbacks.current.onProgress(p));
    loading.done.then(
      (scene) => {
        if (scene && cancelled) disposeObject(scene);
        else if (scene) setShown({ model: scene, level });
      },
      (error: unknown) => callbacks.current.onError('load', error),
    );
    return () => {
      cancelled = true;
      loading.cancel();
    };
  }, [level]);

  // The level replaced (or the scene unmounted) is freed once the new one is in the scene.
  useEffect(() => {
    if (!shown) return;
    callbacks.current.onShown(shown.level);
    return () => disposeObject(shown.model);
  }, [shown]);

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
      gl={{ antialias: ANTIALIAS, powerPreference: 'high-performance' }}
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
      <Controls
        model={model}
        triangles={shown?.level.triangles ?? 0}
        limits={limits}
        fov={FOV}
        {...props.controls}
        started={started}
        onReady={(info) => callbacks.current.onReady(info)}
        onView={(view, px) => callbacks.current.onView(view, px)}
      />
    </Canvas>
  );
}
