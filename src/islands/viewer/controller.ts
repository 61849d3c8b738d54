/** What the viewer's interface can ask of the 3D scene (types only: no three.js here). */
import type { CameraView, Vec3 } from '../../lib/viewer/types.ts';

export interface PickResult {
  /** Surface point in model units. */
  point: Vec3;
  /** Surface normal (unit length) in model units. */
  normal: Vec3;
}

export interface ViewerController {
  /** Back to the home view. */
  reset(): void;
  /** Move the camera to a view (animated unless reduced motion is asked for). */
  goTo(view: CameraView): void;
  /** The current view. */
  getView(): CameraView;
  /** Turn by radians and scale the distance (keyboard control). */
  orbit(dAzimuth: number, dPolar: number, zoom: number): void;
  /** Pan by fractions of the distance (keyboard control). */
  pan(dx: number, dy: number): void;
  /** The model surface under a client (CSS pixel) position. */
  pick(clientX: number, clientY: number): PickResult | undefined;
  /** Render a new frame (after the overlay changed). */
  invalidate(): void;
}

/** A point the scene keeps an HTML element pinned to (hotspot markers, measure points). */
export interface Anchor {
  position: Vec3;
  /** When given, the marker hides when its surface faces away or the model is in front of it. */
  normal?: Vec3 | undefined;
}

export interface ReadyInfo {
  /** Milliseconds from the start of loading to the first frame with the model. */
  ms: number;
  triangles: number;
}
