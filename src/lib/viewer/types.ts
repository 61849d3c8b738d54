/**
 * Serializable shapes passed from the Astro page to the 3D viewer island. Texts are already
 * picked in the page language, so the island receives only what it shows.
 * Pure: types only.
 */
import type { BoundingBox } from '../records/media-manifest.ts';
import type { ViewerLevel } from './levels.ts';

export type Vec3 = [number, number, number];
export type ViewerLang = 'zh' | 'en';
export type LightingPreset = 'studio' | 'soft' | 'raking';
export type Background = 'light' | 'grey' | 'dark';

/** A camera placement: where it stands and the point it looks at, in model units. */
export interface CameraView {
  position: Vec3;
  target: Vec3;
}

export interface ViewerHotspot {
  id: string;
  position: Vec3;
  normal: Vec3;
  title: string;
  text: string;
  camera?: CameraView | undefined;
}

export interface ViewerTourStep {
  camera?: CameraView | undefined;
  hotspot?: string | undefined;
  lighting?: LightingPreset | undefined;
  text: string;
}

/** Real-world measurements of the object in centimetres (from the record). */
export interface RealDimensions {
  height?: number | undefined;
  width?: number | undefined;
  depth?: number | undefined;
  diameter?: number | undefined;
  length?: number | undefined;
}

export interface ModelViewerProps {
  /** Quality levels, lightest first (shown first); the last is the full detail. */
  levels: ViewerLevel[];
  bbox: BoundingBox;
  dimensions?: RealDimensions | undefined;
  hotspots: ViewerHotspot[];
  tour: ViewerTourStep[];
  lang: ViewerLang;
  /** Text alternative of the model (also the viewer's accessible name). */
  label: string;
  /** Unique id prefix for element ids. */
  uid: string;
}
