/** Finding the model's surface under the pointer (measuring and authoring). */
import { type Camera, type Object3D, Raycaster, Vector2, Vector3 } from 'three';
import type { Vec3 } from '../../lib/viewer/types.ts';
import type { PickResult } from './controller.ts';

export const v3 = (v: Vector3): Vec3 => [v.x, v.y, v.z];

/** The surface point and its normal (facing the camera) under a client position, if any. */
export function pickSurface(
  raycaster: Raycaster,
  camera: Camera,
  model: Object3D,
  canvas: HTMLCanvasElement,
  clientX: number,
  clientY: number,
): PickResult | undefined {
  const rect = canvas.getBoundingClientRect();
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
}
