/**
 * Guided tour state: which step is shown and whether it plays on by itself.
 * Pure.
 */

export interface TourState {
  /** Index of the current step, or -1 before the tour starts. */
  index: number;
  playing: boolean;
}

export type TourAction =
  | { type: 'start' }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'goto'; index: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'tick' }
  | { type: 'stop' };

export const tourInitial: TourState = { index: -1, playing: false };

/** Pure reducer over `length` steps. `tick` is the autoplay timer: it stops at the last step. */
export function tourReducer(length: number) {
  const clamp = (i: number) => Math.min(length - 1, Math.max(0, i));
  return (state: TourState, action: TourAction): TourState => {
    if (length === 0) return tourInitial;
    switch (action.type) {
      case 'start':
        return { index: 0, playing: false };
      case 'next':
        return { ...state, index: clamp(state.index + 1) };
      case 'previous':
        return { ...state, index: clamp(state.index - 1) };
      case 'goto':
        return { ...state, index: clamp(action.index) };
      case 'play':
        // Playing from the last step starts again from the beginning.
        return {
          index: state.index < 0 || state.index >= length - 1 ? 0 : state.index,
          playing: true,
        };
      case 'pause':
        return { ...state, playing: false };
      case 'tick':
        if (!state.playing) return state;
        return state.index >= length - 1
          ? { ...state, playing: false }
          : { ...state, index: state.index + 1 };
      case 'stop':
        return tourInitial;
    }
  };
}

/** How long autoplay stays on a step: enough time to read its text (≥ 5 s). */
export function stepDuration(text: string): number {
  const cjk = (text.match(/[\u3400-\u9fff]/g) ?? []).length;
  const words = text
    .replace(/[\u3400-\u9fff]/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
  // About 6 characters or 3.5 words a second.
  return Math.max(5000, Math.round((cjk / 6 + words / 3.5) * 1000) + 1500);
}
