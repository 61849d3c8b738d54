/** Keeping the HTML markers (hotspots, measuring points and line) on their points of the model. */
import { type Camera, type Object3D, Raycaster, Vector2, Vector3 } from 'three';
import { facesCamera, occluded } from '../../lib/viewer/visibility.ts';
import type { Anchor } from './controller.ts';
import { v3 } from './pick.ts';

export interface PinInput {
  /** Element whose `[data-anchor]` children follow the anchors, in order. */
  overlay: HTMLElement;
  anchors: Anchor[];
  camera: Camera;
  model: Object3D | null;
  width: number;
  height: number;
  /** The camera has come to rest: time for the (slower) occlusion test. */
  resting: boolean;
  raycaster: Raycaster;
  /** Occlusion results from the last resting frame, by anchor (updated here). */
  visibility: boolean[];
  /** Radius of the model's bounding sphere. */
  radius: number;
}

/**
 * Move every marker to its anchor's screen position and hide the ones that face away or are
 * behind the model. The quick normal test runs every frame; the model-occlusion raycast runs
 * once the camera has come to rest.
 */
export function pinAnchors(input: PinInput): void {
  const { overlay, camera, model, width, height, raycaster, visibility, radius } = input;
  const elements = overlay.querySelectorAll<HTMLElement>('[data-anchor]');
  const camPos = v3(camera.position);
  const projected: (Vector2 | null)[] = [];
  input.anchors.forEach((anchor, i) => {
    const world = new Vector3(...anchor.position);
    const ndc = world.clone().project(camera);
    const onScreen = ndc.z < 1 && Math.abs(ndc.x) <= 1.05 && Math.abs(ndc.y) <= 1.05;
    let visible = onScreen;
    if (visible && anchor.normal) {
      visible = facesCamera(anchor.position, anchor.normal, camPos);
      if (visible && model) {
        if (input.resting) {
          const dir = world.clone().sub(camera.position);
          const dist = dir.length();
          raycaster.set(camera.position, dir.normalize());
          raycaster.far = dist + radius;
          const hit = raycaster.intersectObject(model, true)[0];
          visibility[i] = !occluded(hit?.distance, dist, radius * 0.02);
        }
        visible = visibility[i] ?? true;
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
  drawMeasureLine(overlay, projected);
}

/** The line between the two measuring points, when both are on screen. */
function drawMeasureLine(overlay: HTMLElement, projected: (Vector2 | null)[]): void {
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
