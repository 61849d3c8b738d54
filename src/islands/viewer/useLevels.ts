/**
 * Which quality level the scene loads (`src/lib/viewer/levels.ts`): the lightest first, more on
 * the visitor's first touch, click, wheel or key (as the device allows), on zooming in, in full
 * screen or from the detail control. Mirrors the level shown on the root element
 * (`data-levels`, `data-level`, `data-triangles`, the `viewer-level` event) for pages and tests.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { BoundingBox } from '../../lib/records/media-manifest.ts';
import type { CameraView } from '../../lib/viewer/types.ts';
import {
  levelAfter,
  zoomedIn,
  type DetailReason,
  type ViewerLevel,
} from '../../lib/viewer/levels.ts';
import { deviceHints } from './device.ts';

export interface LevelsState {
  /** Index of the level the scene loads or shows. */
  wanted: number;
  /** Index of the level on screen, -1 before the first. */
  shown: number;
  /** Download share of a level being loaded over a shown one, else null. */
  progress: number | 'decoding' | null;
  /** Loading more detail failed (the lighter level stays). */
  failed: boolean;
}

const INTERACTIONS = ['pointerdown', 'wheel', 'keydown'] as const;

export function useLevels(
  levels: ViewerLevel[],
  bbox: BoundingBox,
  root: RefObject<HTMLElement | null>,
  fullscreen: boolean,
) {
  const [state, setState] = useState<LevelsState>({
    wanted: 0,
    shown: -1,
    progress: null,
    failed: false,
  });
  const raise = useCallback(
    (reason: DetailReason) =>
      setState((s) => {
        const next = levelAfter(levels, s.wanted, reason, deviceHints());
        return next > s.wanted ? { ...s, wanted: next, progress: 0, failed: false } : s;
      }),
    [levels],
  );

  useEffect(() => {
    const element = root.current;
    if (element) element.dataset['levels'] = levels.map((level) => level.name).join(' ');
    if (!element || levels.length < 2) return;
    const onInteract = () => raise('interaction');
    for (const type of INTERACTIONS) element.addEventListener(type, onInteract, { once: true });
    return () => {
      for (const type of INTERACTIONS) element.removeEventListener(type, onInteract);
    };
  }, [root, levels, raise]);

  useEffect(() => {
    if (fullscreen) raise('fullscreen');
  }, [fullscreen, raise]);

  const onView = useCallback(
    (view: CameraView) => {
      if (zoomedIn(view, bbox)) raise('zoom');
    },
    [bbox, raise],
  );

  const onShown = useCallback(
    (level: ViewerLevel) => {
      const index = levels.indexOf(level);
      setState((s) => ({ ...s, shown: index, progress: null }));
      const element = root.current;
      if (!element) return;
      element.dataset['level'] = level.name;
      element.dataset['triangles'] = String(level.triangles);
      element.dispatchEvent(new CustomEvent('viewer-level', { bubbles: true, detail: level }));
    },
    [levels, root],
  );

  /** Progress of a level loading over a shown one (the first load reports to the load state). */
  const onProgress = useCallback((progress: number | 'decoding') => {
    setState((s) => ({ ...s, progress }));
  }, []);

  const onFailed = useCallback((error: unknown) => {
    console.warn('[viewer] more detail failed to load', error);
    setState((s) => ({ ...s, failed: true, progress: null }));
  }, []);

  return { state, level: levels[state.wanted]!, raise, onView, onShown, onProgress, onFailed };
}
