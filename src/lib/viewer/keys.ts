/**
 * The viewer's keyboard as a pure map from a key press to an action; the island carries the
 * action out. The keys are the ones the instructions (`strings.ts`) promise.
 * Pure.
 */

export type KeyAction =
  /** Turn by radians around the target and scale the distance. */
  | { type: 'orbit'; azimuth: number; polar: number; zoom: number }
  /** Move camera and target across the screen by fractions of the distance. */
  | { type: 'pan'; dx: number; dy: number }
  | { type: 'reset' }
  /** Escape: back from measuring or authoring to plain viewing. */
  | { type: 'leave-mode' }
  /** Number keys 1–9: the hotspot at this index (0-based). */
  | { type: 'hotspot'; index: number };

/** One arrow press turns 10°, or with Shift pans by 5 % of the distance. */
const TURN = (10 * Math.PI) / 180;
const MOVE = 0.05;
/** One zoom step brings the camera 15 % closer. */
const ZOOM = 0.85;

const orbit = (azimuth: number, polar: number, zoom = 1): KeyAction => ({
  type: 'orbit',
  azimuth,
  polar,
  zoom,
});
const pan = (dx: number, dy: number): KeyAction => ({ type: 'pan', dx, dy });

const zoomIn = orbit(0, 0, ZOOM);
const zoomOut = orbit(0, 0, 1 / ZOOM);
const reset: KeyAction = { type: 'reset' };

const KEYS = new Map<string, KeyAction>([
  ['ArrowLeft', orbit(-TURN, 0)],
  ['ArrowRight', orbit(TURN, 0)],
  ['ArrowUp', orbit(0, -TURN)],
  ['ArrowDown', orbit(0, TURN)],
  ['+', zoomIn],
  ['=', zoomIn],
  ['PageUp', zoomIn],
  ['-', zoomOut],
  ['_', zoomOut],
  ['PageDown', zoomOut],
  ['Home', reset],
  ['0', reset],
  ['Escape', { type: 'leave-mode' }],
]);

const SHIFT_KEYS = new Map<string, KeyAction>([
  ['ArrowLeft', pan(-MOVE, 0)],
  ['ArrowRight', pan(MOVE, 0)],
  ['ArrowUp', pan(0, MOVE)],
  ['ArrowDown', pan(0, -MOVE)],
]);

/** The action for a key (a `KeyboardEvent.key` value), or undefined when the viewer ignores it. */
export function keyAction(key: string, shiftKey: boolean): KeyAction | undefined {
  const action = (shiftKey ? SHIFT_KEYS.get(key) : undefined) ?? KEYS.get(key);
  if (action) return action;
  return /^[1-9]$/.test(key) ? { type: 'hotspot', index: Number(key) - 1 } : undefined;
}
