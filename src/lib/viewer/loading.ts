/**
 * The viewer's loading state: waiting, loading (with progress), ready, or an error and its kind.
 * Pure.
 */

export type LoadStatus = 'waiting' | 'loading' | 'ready' | 'error';
export type ErrorKind = 'webgl' | 'context' | 'load' | 'memory';

export interface LoadState {
  status: LoadStatus;
  errorKind: ErrorKind | null;
  /** Share of the model downloaded, `'decoding'` after the download, null before the first byte. */
  progress: number | 'decoding' | null;
  /** Counts retries: the scene is mounted afresh for each. */
  attempt: number;
  /** The browser asks to save data: the model waits for a click. */
  savingData: boolean;
}

export type LoadAction =
  | { type: 'start' }
  | { type: 'save-data' }
  | { type: 'progress'; progress: number | 'decoding' }
  | { type: 'ready' }
  | { type: 'fail'; kind: ErrorKind }
  | { type: 'retry' };

export const loadInitial: LoadState = {
  status: 'waiting',
  errorKind: null,
  progress: null,
  attempt: 0,
  savingData: false,
};

export function loadReducer(state: LoadState, action: LoadAction): LoadState {
  switch (action.type) {
    case 'start':
      return { ...state, status: 'loading', errorKind: null };
    case 'save-data':
      return { ...state, savingData: true };
    case 'progress':
      return { ...state, progress: action.progress };
    case 'ready':
      return { ...state, status: 'ready', progress: null };
    case 'fail':
      return { ...state, status: 'error', errorKind: action.kind };
    case 'retry':
      return { ...state, status: 'loading', errorKind: null, attempt: state.attempt + 1 };
  }
}

/** Whether the scene is mounted: while loading and once ready. */
export const showsScene = (state: LoadState) =>
  state.status === 'loading' || state.status === 'ready';

/** The viewer's `data-viewer-state`: the status, or `error-<kind>`. */
export const viewerState = (state: LoadState) =>
  state.status === 'error' ? `error-${state.errorKind}` : state.status;
