/**
 * Which quality level of a model the viewer shows: the lightest first, more detail when the
 * visitor asks for it (a control, full screen, zooming in) or starts to interact on a device and
 * connection that can take it. Nothing beyond the first level loads before the visitor acts.
 * Pure.
 */
import type { BoundingBox, ModelEntry, ModelLevelName } from '../records/media-manifest.ts';
import { modelRadius, toSpherical } from './camera.ts';
import type { CameraView } from './types.ts';

export type LevelName = ModelLevelName | 'full';

/** One quality level as the viewer loads it. */
export interface ViewerLevel {
  name: LevelName;
  /** URL of the .glb. */
  src: string;
  /** Its size in bytes (progress when the server sends no length; the control's label). */
  bytes: number;
  triangles: number;
}

/** The levels of a manifest entry, lightest first; the last is the full detail. */
export function viewerLevels(
  entry: Pick<ModelEntry, 'url' | 'bytesAfter' | 'triangles' | 'levels'>,
): ViewerLevel[] {
  return [
    ...entry.levels.map((level) => ({
      name: level.name,
      src: level.url,
      bytes: level.bytes,
      triangles: level.triangles,
    })),
    { name: 'full', src: entry.url, bytes: entry.bytesAfter, triangles: entry.triangles },
  ];
}

/** What the browser says about the device and connection (Device Memory, Network Information). */
export interface DeviceHints {
  /** `navigator.deviceMemory` in GB, when the browser tells. */
  memoryGb?: number | undefined;
  /** The visitor asks to save data. */
  saveData: boolean;
  /** `navigator.connection.effectiveType` (`4g`, `3g`, …), when the browser tells. */
  effectiveType?: string | undefined;
}

/** Why more detail may be wanted. */
export type DetailReason = 'interaction' | 'request' | 'zoom' | 'fullscreen';

/** A device that can take the full detail unasked: 4 GB or more, a fast link, no data saving. */
export function canTakeFullDetail(device: DeviceHints): boolean {
  return (
    !device.saveData &&
    (device.memoryGb === undefined || device.memoryGb >= 4) &&
    (device.effectiveType === undefined || device.effectiveType === '4g')
  );
}

/**
 * The level to show after `reason`, never lower than `current`. Asking (the control, full
 * screen, zooming in) gets the full detail; interacting gets it only on a capable device, the
 * standard level on a modest one, and nothing more while the visitor saves data.
 */
export function levelAfter(
  levels: readonly Pick<ViewerLevel, 'name'>[],
  current: number,
  reason: DetailReason,
  device: DeviceHints,
): number {
  const full = levels.length - 1;
  if (reason !== 'interaction') return full;
  if (device.saveData) return current;
  if (canTakeFullDetail(device)) return full;
  const standard = levels.findIndex((level) => level.name === 'standard');
  return Math.max(current, standard);
}

/**
 * Zooming closer than this many model radii asks for the full detail (the home view stands
 * about 2.8 radii away, so this is about twice as close as the first view).
 */
export const ZOOM_DETAIL_RADII = 1.4;

/** Whether a view of a model with bounds `bbox` is close enough to ask for the full detail. */
export function zoomedIn(view: CameraView, bbox: BoundingBox): boolean {
  return toSpherical(view).distance < modelRadius(bbox) * ZOOM_DETAIL_RADII;
}
