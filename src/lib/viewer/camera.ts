/** Camera framing and limits derived from a model's bounding box (pure maths, no three.js). */
import type { BoundingBox } from '../records/media-manifest.ts';
import type { CameraView, Vec3 } from './types.ts';

export interface CameraLimits {
  /** Centre of the bounding box: the orbit target of the home view. */
  center: Vec3;
  /** Radius of the bounding sphere. */
  radius: number;
  /** Closest the camera may come to the target (close enough to read carving). */
  minDistance: number;
  /** Furthest the camera may go. */
  maxDistance: number;
  /** How far the target may be panned away from the centre. */
  maxTargetRadius: number;
  near: number;
  far: number;
  /** The view the reset button returns to. */
  home: CameraView;
}

const DEG = Math.PI / 180;

/** Distance at which a sphere of `radius` fills the view for a vertical `fovDeg` and an aspect. */
export function fitDistance(radius: number, fovDeg: number, aspect = 1): number {
  const vertical = (fovDeg * DEG) / 2;
  const horizontal = Math.atan(Math.tan(vertical) * Math.max(aspect, 1e-3));
  const half = Math.min(vertical, horizontal);
  return radius / Math.sin(half);
}

/** Radius of a model's bounding sphere (never zero: the camera maths divides by it). */
export function modelRadius(bbox: BoundingBox): number {
  return Math.max(Math.hypot(...bbox.size) / 2, 1e-4);
}

/** Limits and home view for a model: front three-quarter view, slightly from above. */
export function cameraLimits(bbox: BoundingBox, fovDeg = 35, aspect = 4 / 3): CameraLimits {
  const center = [0, 1, 2].map((i) => (bbox.min[i]! + bbox.max[i]!) / 2) as Vec3;
  const radius = modelRadius(bbox);
  const distance = fitDistance(radius, fovDeg, aspect) * 0.85;
  const azimuth = 25 * DEG;
  const elevation = 15 * DEG;
  const position: Vec3 = [
    center[0] + distance * Math.cos(elevation) * Math.sin(azimuth),
    center[1] + distance * Math.sin(elevation),
    center[2] + distance * Math.cos(elevation) * Math.cos(azimuth),
  ];
  return {
    center,
    radius,
    minDistance: radius * 0.25,
    maxDistance: distance * 4,
    maxTargetRadius: radius,
    near: radius * 0.01,
    far: distance * 10,
    home: { position, target: center },
  };
}

/** Spherical coordinates of a view: distance, azimuth (around +Y) and polar angle (from +Y). */
export function toSpherical(view: CameraView): {
  distance: number;
  azimuth: number;
  polar: number;
} {
  const dx = view.position[0] - view.target[0];
  const dy = view.position[1] - view.target[1];
  const dz = view.position[2] - view.target[2];
  const distance = Math.hypot(dx, dy, dz);
  if (distance === 0) return { distance: 0, azimuth: 0, polar: Math.PI / 2 };
  return {
    distance,
    azimuth: Math.atan2(dx, dz),
    polar: Math.acos(Math.min(1, Math.max(-1, dy / distance))),
  };
}

export function fromSpherical(
  target: Vec3,
  distance: number,
  azimuth: number,
  polar: number,
): Vec3 {
  const s = Math.sin(polar);
  return [
    target[0] + distance * s * Math.sin(azimuth),
    target[1] + distance * Math.cos(polar),
    target[2] + distance * s * Math.cos(azimuth),
  ];
}

const POLAR_MARGIN = 0.01;

/**
 * Keyboard orbit: turn by `dAzimuth` / `dPolar` radians and scale the distance by `zoom`,
 * keeping within the limits (the camera never flips over the poles).
 */
export function orbitView(
  view: CameraView,
  dAzimuth: number,
  dPolar: number,
  zoom: number,
  limits: Pick<CameraLimits, 'minDistance' | 'maxDistance'>,
): CameraView {
  const s = toSpherical(view);
  const polar = Math.min(Math.PI - POLAR_MARGIN, Math.max(POLAR_MARGIN, s.polar + dPolar));
  const distance = Math.min(limits.maxDistance, Math.max(limits.minDistance, s.distance * zoom));
  return {
    position: fromSpherical(view.target, distance, s.azimuth + dAzimuth, polar),
    target: [...view.target],
  };
}

/**
 * Keyboard pan: move camera and target together across the screen by fractions of the
 * distance (`dx` right, `dy` up), keeping the target within `maxTargetRadius` of `center`.
 */
export function panView(
  view: CameraView,
  dx: number,
  dy: number,
  center: Vec3,
  maxTargetRadius: number,
): CameraView {
  const s = toSpherical(view);
  const right: Vec3 = [Math.cos(s.azimuth), 0, -Math.sin(s.azimuth)];
  // Screen-up vector: perpendicular to the view direction and to `right`.
  const back: Vec3 = [
    Math.sin(s.polar) * Math.sin(s.azimuth),
    Math.cos(s.polar),
    Math.sin(s.polar) * Math.cos(s.azimuth),
  ];
  const up: Vec3 = [
    back[1] * right[2] - back[2] * right[1],
    back[2] * right[0] - back[0] * right[2],
    back[0] * right[1] - back[1] * right[0],
  ];
  const step = s.distance;
  const move = [0, 1, 2].map((i) => (right[i]! * dx + up[i]! * dy) * step) as Vec3;
  let target = [0, 1, 2].map((i) => view.target[i]! + move[i]!) as Vec3;
  const offset = [0, 1, 2].map((i) => target[i]! - center[i]!) as Vec3;
  const len = Math.hypot(...offset);
  if (len > maxTargetRadius)
    target = [0, 1, 2].map((i) => center[i]! + (offset[i]! * maxTargetRadius) / len) as Vec3;
  const shift = [0, 1, 2].map((i) => target[i]! - view.target[i]!);
  return { position: [0, 1, 2].map((i) => view.position[i]! + shift[i]!) as Vec3, target };
}

/** Smooth start and stop for camera moves, `t` in 0…1. */
export function easeInOut(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return c < 0.5 ? 4 * c * c * c : 1 - (-2 * c + 2) ** 3 / 2;
}

/** The view part way (`t`, eased by the caller) between two views. */
export function lerpView(a: CameraView, b: CameraView, t: number): CameraView {
  const mix = (p: Vec3, q: Vec3) => [0, 1, 2].map((i) => p[i]! + (q[i]! - p[i]!) * t) as Vec3;
  return { position: mix(a.position, b.position), target: mix(a.target, b.target) };
}

/**
 * A view looking at a surface point along its normal, for a hotspot without an authored camera:
 * the camera stands `distance` out from the point, lifted a little for a natural angle.
 */
export function viewForPoint(position: Vec3, normal: Vec3, distance: number): CameraView {
  const len = Math.hypot(...normal) || 1;
  const n = normal.map((v) => v / len) as Vec3;
  const dir: Vec3 = [n[0], n[1] + 0.25, n[2]];
  const dl = Math.hypot(...dir) || 1;
  return {
    position: [0, 1, 2].map((i) => position[i]! + (dir[i]! / dl) * distance) as Vec3,
    target: [...position],
  };
}

/** Round a view for display, data attributes and YAML (4 decimals is 0.1 mm for metres). */
export function roundView(view: CameraView, digits = 4): CameraView {
  const r = (v: number) => Number(v.toFixed(digits)) + 0;
  return { position: view.position.map(r) as Vec3, target: view.target.map(r) as Vec3 };
}

/** A view as the viewer's `data-camera` attribute (what the end-to-end tests compare). */
export function viewAttribute(view: CameraView): string {
  const r = roundView(view);
  return `${r.position.join(',')}|${r.target.join(',')}`;
}
