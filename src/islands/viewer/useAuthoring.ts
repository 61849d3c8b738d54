/**
 * Authoring mode (`npm run dev`): a click on the model copies a hotspot as frontmatter ready to
 * paste (`src/lib/viewer/authoring.ts`); `AuthorPanel` copies tour steps through `copy`.
 */
import type { RefObject } from 'react';
import { hotspotYaml, nextHotspotId } from '../../lib/viewer/authoring.ts';
import type { ViewerHotspot } from '../../lib/viewer/types.ts';
import type { PickResult, ViewerController } from './controller.ts';
import { useClipboard } from './hooks.ts';

export function useAuthoring(
  controller: RefObject<ViewerController | null>,
  hotspots: ViewerHotspot[],
) {
  const [copied, copy] = useClipboard();

  function copyHotspot(hit: PickResult) {
    const view = controller.current?.getView();
    if (!view) return;
    const id = nextHotspotId(hotspots.map((h) => h.id));
    void copy(hotspotYaml({ id, position: hit.point, normal: hit.normal, camera: view }));
  }

  return { copied, copy, copyHotspot };
}
