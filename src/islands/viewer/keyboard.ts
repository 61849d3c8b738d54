/** Carrying out the keyboard's actions (`src/lib/viewer/keys.ts`) on the scene and the shell. */
import type { KeyAction } from '../../lib/viewer/keys.ts';
import type { ViewerMode } from '../../lib/viewer/modes.ts';
import type { ViewerController } from './controller.ts';

export interface KeyTargets {
  controller: ViewerController;
  mode: ViewerMode;
  /** Back from measure or author mode to viewing. */
  leaveMode(): void;
  hotspots: readonly { id: string }[];
  choose(id: string): void;
}

/** Whether the action applied: when it did not, the key keeps its usual effect on the page. */
export function performKeyAction(action: KeyAction, to: KeyTargets): boolean {
  const c = to.controller;
  switch (action.type) {
    case 'orbit':
      c.orbit(action.azimuth, action.polar, action.zoom);
      return true;
    case 'pan':
      c.pan(action.dx, action.dy);
      return true;
    case 'reset':
      c.reset();
      return true;
    case 'leave-mode':
      // In plain viewing Escape is left to the page (e.g. to leave full screen).
      if (to.mode === 'view') return false;
      to.leaveMode();
      return true;
    case 'hotspot': {
      const hotspot = to.hotspots[action.index];
      if (hotspot) to.choose(hotspot.id);
      return Boolean(hotspot);
    }
  }
}
