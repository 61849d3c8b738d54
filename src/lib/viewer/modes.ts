/**
 * What a click on the model does: nothing (view), place a measuring point (measure) or, in
 * `npm run dev`, make a hotspot (author); and the measuring points placed so far.
 * Pure.
 */
import type { Vec3 } from './types.ts';

export type ViewerMode = 'view' | 'measure' | 'author';

export interface ModeState {
  mode: ViewerMode;
  /** Zero, one or two points on the model surface, in model units. */
  measure: Vec3[];
}

export type ModeAction =
  /** The toolbar button: into the mode, or back to viewing when already in it. */
  | { type: 'toggle'; mode: 'measure' | 'author' }
  /** Escape: back to viewing (measured points stay on screen). */
  | { type: 'leave' }
  /** A click on the model in measure mode: a third point starts a new measurement. */
  | { type: 'measure'; point: Vec3 };

export const modeInitial: ModeState = { mode: 'view', measure: [] };

export function modeReducer(state: ModeState, action: ModeAction): ModeState {
  switch (action.type) {
    case 'toggle': {
      const mode = state.mode === action.mode ? 'view' : action.mode;
      // The measure button always starts from a clean slate.
      return { mode, measure: action.mode === 'measure' ? [] : state.measure };
    }
    case 'leave':
      return { ...state, mode: 'view' };
    case 'measure':
      return {
        ...state,
        measure: state.measure.length >= 2 ? [action.point] : [...state.measure, action.point],
      };
  }
}
