/**
 * Clicks on the model in measure and author modes. A press that moved more than a few pixels
 * was a drag to turn the model, not a click.
 */
import { useRef, type PointerEvent, type RefObject } from 'react';
import type { ViewerMode } from '../../lib/viewer/modes.ts';
import type { PickResult, ViewerController } from './controller.ts';

const CLICK_SLOP_PX = 5;

export function usePick(
  mode: ViewerMode,
  controller: RefObject<ViewerController | null>,
  onPick: (hit: PickResult) => void,
) {
  const down = useRef<{ x: number; y: number } | null>(null);
  return {
    onPointerDown(event: PointerEvent<HTMLElement>) {
      down.current = { x: event.clientX, y: event.clientY };
    },
    onPointerUp(event: PointerEvent<HTMLElement>) {
      const start = down.current;
      down.current = null;
      if (!start || mode === 'view' || event.button !== 0) return;
      if (Math.hypot(event.clientX - start.x, event.clientY - start.y) > CLICK_SLOP_PX) return;
      const hit = controller.current?.pick(event.clientX, event.clientY);
      if (hit) onPick(hit);
    },
  };
}
