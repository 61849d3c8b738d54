/** The chosen hotspot, and choosing one: the camera moves to its view. */
import { useCallback, useMemo, useState, type RefObject } from 'react';
import type { BoundingBox } from '../../lib/records/media-manifest.ts';
import { cameraLimits, viewForPoint } from '../../lib/viewer/camera.ts';
import type { CameraView, ViewerHotspot } from '../../lib/viewer/types.ts';
import type { ViewerController } from './controller.ts';

export function useHotspots(
  hotspots: ViewerHotspot[],
  bbox: BoundingBox,
  controller: RefObject<ViewerController | null>,
) {
  const [selected, setSelected] = useState<string | null>(null);
  const limits = useMemo(() => cameraLimits(bbox), [bbox]);

  /** The record's camera for the hotspot, or a view straight onto it. */
  const viewOf = useCallback(
    (id: string): CameraView | undefined => {
      const h = hotspots.find((x) => x.id === id);
      if (!h) return undefined;
      return h.camera ?? viewForPoint(h.position, h.normal, limits.radius * 1.1);
    },
    [hotspots, limits],
  );

  const choose = useCallback(
    (id: string) => {
      setSelected(id);
      const view = viewOf(id);
      if (view) controller.current?.goTo(view);
    },
    [viewOf, controller],
  );

  return { selected, setSelected, viewOf, choose };
}
