/**
 * Whether a hotspot marker can be seen from the camera (pure part of the test).
 * Pure.
 */
import type { Vec3 } from './types.ts';

/**
 * True when the surface at `position` with `normal` faces the camera. `slack` lets markers on
 * the silhouette stay visible a little longer (cosine of the angle past 90°).
 */
export function facesCamera(position: Vec3, normal: Vec3, camera: Vec3, slack = 0.05): boolean {
  const view: Vec3 = [camera[0] - position[0], camera[1] - position[1], camera[2] - position[2]];
  const lv = Math.hypot(...view);
  const ln = Math.hypot(...normal);
  if (lv === 0 || ln === 0) return true;
  const cos = (view[0] * normal[0] + view[1] * normal[1] + view[2] * normal[2]) / (lv * ln);
  return cos > -slack;
}

/**
 * Given the distance from the camera to the first surface hit on the ray towards the hotspot
 * (or undefined when nothing was hit), whether the hotspot is hidden by the model.
 */
export function occluded(
  hitDistance: number | undefined,
  pointDistance: number,
  tolerance: number,
): boolean {
  return hitDistance !== undefined && hitDistance < pointDistance - tolerance;
}

/** The combined test: faces the camera and nothing closer on the line of sight. */
export function hotspotVisible(
  position: Vec3,
  normal: Vec3,
  camera: Vec3,
  hitDistance: number | undefined,
  tolerance: number,
): boolean {
  const d = Math.hypot(camera[0] - position[0], camera[1] - position[1], camera[2] - position[2]);
  return facesCamera(position, normal, camera) && !occluded(hitDistance, d, tolerance);
}
