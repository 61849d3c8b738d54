/**
 * The shell's loading state (`src/lib/viewer/loading.ts`): decides on mount whether to load,
 * wait for a click or show the fallback, and mirrors the state on the root element
 * (`data-viewer-state`, `data-ready-ms`, the `viewer-ready` event) for pages and tests.
 */
import { useCallback, useEffect, useReducer, type RefObject } from 'react';
import { loadInitial, loadReducer, viewerState, type ErrorKind } from '../../lib/viewer/loading.ts';
import type { ReadyInfo } from './controller.ts';
import { loadDecision } from './device.ts';

export function useLoad(root: RefObject<HTMLElement | null>) {
  const [state, dispatch] = useReducer(loadReducer, loadInitial);

  const fail = useCallback((kind: ErrorKind, error?: unknown) => {
    if (error) console.warn('[viewer]', kind, error);
    dispatch({ type: 'fail', kind });
  }, []);

  useEffect(() => {
    const decision = loadDecision();
    if (decision === 'load') dispatch({ type: 'start' });
    else if (decision === 'save-data') dispatch({ type: 'save-data' });
    else fail(decision);
  }, [fail]);

  const attribute = viewerState(state);
  useEffect(() => {
    root.current?.setAttribute('data-viewer-state', attribute);
  }, [root, attribute]);

  const onProgress = useCallback(
    (progress: number | 'decoding') => dispatch({ type: 'progress', progress }),
    [],
  );

  const onReady = useCallback(
    (info: ReadyInfo) => {
      dispatch({ type: 'ready' });
      const element = root.current;
      if (element) {
        element.dataset['viewerState'] = 'ready';
        element.dataset['readyMs'] = String(info.ms);
        element.dispatchEvent(new CustomEvent('viewer-ready', { bubbles: true, detail: info }));
      }
    },
    [root],
  );

  /**
   * The controls are shown from the first render (on the server too) unless the viewer has
   * failed: appearing only once the model loads, they pushed the page down (layout shift).
   */
  const live = state.status !== 'error';
  return { state, live, dispatch, fail, onProgress, onReady };
}
