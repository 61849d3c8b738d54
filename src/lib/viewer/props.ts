/**
 * Builds the viewer island's serializable props from a record's model entry (used by ModelSection).
 * Pure.
 */
import type { BoundingBox, ModelEntry } from '../records/media-manifest.ts';
import { viewerLevels } from './levels.ts';
import type {
  CameraView,
  LightingPreset,
  ModelViewerProps,
  RealDimensions,
  Vec3,
  ViewerLang,
} from './types.ts';

interface Text {
  zh: string;
  en: string;
}

/** The parts of a record's `models[]` item the viewer uses (structurally, the schema's type). */
export interface ModelRecord {
  alt: Text;
  hotspots: {
    id: string;
    position: Vec3;
    normal: Vec3;
    title: Text;
    text: Text;
    camera?: CameraView | undefined;
  }[];
  tour: {
    camera?: CameraView | undefined;
    hotspot?: string | undefined;
    lighting?: LightingPreset | undefined;
    text: Text;
  }[];
}

const pick = (text: Text, lang: ViewerLang) => text[lang];

/** A bounding box that is never empty (a degenerate box would break the camera maths). */
export function safeBox(bbox: BoundingBox): BoundingBox {
  const size = bbox.size.map((s) => (s > 0 ? s : 1e-3)) as Vec3;
  return { min: bbox.min, max: bbox.max, size };
}

export function viewerProps(input: {
  model: ModelRecord;
  entry: Pick<ModelEntry, 'url' | 'bytesAfter' | 'triangles' | 'bbox' | 'levels'>;
  dimensions?: RealDimensions | undefined;
  lang: ViewerLang;
  uid: string;
}): ModelViewerProps {
  const { model, entry, lang } = input;
  const dims = input.dimensions;
  return {
    levels: viewerLevels(entry),
    bbox: safeBox(entry.bbox),
    ...(dims
      ? {
          dimensions: Object.fromEntries(
            (['height', 'width', 'depth', 'diameter', 'length'] as const)
              .filter((k) => typeof dims[k] === 'number')
              .map((k) => [k, dims[k]]),
          ),
        }
      : {}),
    hotspots: model.hotspots.map((h) => ({
      id: h.id,
      position: h.position,
      normal: h.normal,
      title: pick(h.title, lang),
      text: pick(h.text, lang),
      ...(h.camera ? { camera: h.camera } : {}),
    })),
    tour: model.tour.map((s) => ({
      ...(s.camera ? { camera: s.camera } : {}),
      ...(s.hotspot ? { hotspot: s.hotspot } : {}),
      ...(s.lighting ? { lighting: s.lighting } : {}),
      text: pick(s.text, lang),
    })),
    lang,
    label: pick(model.alt, lang),
    uid: input.uid,
  };
}
