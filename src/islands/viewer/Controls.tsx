/**
 * Orbit controls and camera moves, the frame loop (rendering on demand, pinning the markers,
 * reporting the view) and the ready signal; also the `ViewerController` the interface drives.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { type Object3D, Raycaster, Vector3 } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import {
  easeInOut,
  lerpView,
  orbitView,
  panView,
  type CameraLimits,
} from '../../lib/viewer/camera.ts';
import { pixelsPerUnit } from '../../lib/viewer/scale.ts';
import type { CameraView } from '../../lib/viewer/types.ts';
import { pinAnchors } from './anchors.ts';
import type { Anchor, ReadyInfo, ViewerController } from './controller.ts';
import { pickSurface, v3 } from './pick.ts';

interface Animation {
  from: CameraView;
  to: CameraView;
  start: number;
  duration: number;
}

/** What the shell hands to the controls through the scene. */
export interface ControlsInput {
  autoRotate: boolean;
  reducedMotion: boolean;
  anchors: Anchor[];
  /** Element whose `[data-anchor]` children are pinned to the anchors. */
  overlay: RefObject<HTMLDivElement | null>;
  controller: RefObject<ViewerController | null>;
}

export interface ControlsProps extends ControlsInput {
  model: Object3D | null;
  triangles: number;
  limits: CameraLimits;
  /** Vertical field of view in degrees (for the scale bar). */
  fov: number;
  started: number;
  onReady: (info: ReadyInfo) => void;
  onView: (view: CameraView, pxPerUnit: number) => void;
}

export default function Controls(props: ControlsProps) {
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
    // Dragging takes over from a camera move in progress.
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
      pick: (clientX, clientY) => {
        const model = latest.current.model;
        if (!model) return undefined;
        return pickSurface(raycaster, camera, model, gl.domElement, clientX, clientY);
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

    const { width, height } = size;
    const resting = now - lastMove.current > 120;
    const overlay = p.overlay.current;
    if (overlay) {
      pinAnchors({
        overlay,
        anchors: p.anchors,
        camera,
        model: p.model,
        width,
        height,
        resting,
        raycaster,
        visibility: visibility.current,
        radius: limits.radius,
      });
    }
    // One more frame once the camera has settled, for the occlusion test.
    if (!resting) {
      clearTimeout(settleTimer.current);
      settleTimer.current = setTimeout(() => invalidate(), 140);
    }

    const view: CameraView = {
      position: v3(camera.position),
      target: v3(controls?.target ?? new Vector3(...limits.center)),
    };
    const key = `${view.position.join()}|${view.target.join()}|${width}x${height}`;
    if (key !== lastView.current) {
      lastView.current = key;
      const distance = camera.position.distanceTo(controls?.target ?? new Vector3());
      p.onView(view, pixelsPerUnit(distance, p.fov, height));
    }

    if (!ready.current && p.model) {
      ready.current = true;
      p.onReady({ ms: Math.round(now - p.started), triangles: p.triangles });
    }
  }, 1);

  return null;
}
