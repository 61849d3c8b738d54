/**
 * Types of generated/media.json (written by `npm run ingest`) and small helpers for pages: the
 * contract between the ingest and the site. Pure, with no Node imports: the site bundles it.
 */

/** Current version of the media.json format. */
export const MEDIA_MANIFEST_VERSION = 1;

/** Encodings of responsive image derivatives. PNG replaces JPEG for transparent images and SVGs. */
export type DerivativeFormat = 'avif' | 'webp' | 'jpeg' | 'png';

/** The master file as ingested. */
export interface MasterInfo {
  /** SHA-256 of the master's bytes (hex), the same value as in content/fixity.json. */
  sha256: string;
  /** Size of the master in bytes. */
  bytes: number;
  /** Format detected from the content (jpeg, png, tiff, gif, webp, avif, svg, gltf, glb). */
  format: string;
}

/** One responsive derivative. */
export interface Derivative {
  /** Encoding of the file. */
  format: DerivativeFormat;
  /** Pixel width of the derivative. */
  width: number;
  /** Pixel height of the derivative. */
  height: number;
  /** Site-root-relative URL (`/media/...`). */
  url: string;
  /** File size in bytes. */
  bytes: number;
}

/** Static IIIF Image API 3 (level 0) service made of pre-cut tiles. */
export interface IiifService {
  /** Base URI of the image service (absolute; info.json lives at `${id}/info.json`). */
  id: string;
  /** Site-root-relative URL of info.json, for fetching from the same origin. */
  info: string;
  /** Full width in pixels. */
  width: number;
  /** Full height in pixels. */
  height: number;
  /** Tile edge in pixels. */
  tileSize: number;
}

/** A colour name in both site languages. */
export interface ColourName {
  /** Traditional Chinese colour name, e.g. 朱红. */
  zh: string;
  /** English name, e.g. vermilion. */
  en: string;
}

/** A colour with its nearest named colour. */
export interface NamedColour {
  /** Measured colour as `#rrggbb`. */
  hex: string;
  /** Nearest entry of the named palette (src/data/colour-names.json). */
  name: ColourName;
}

/** One palette entry. */
export interface PaletteColour extends NamedColour {
  /** Share of the (opaque) pixels closest to this colour, 0–1. */
  share: number;
}

/** Tags derived from an image, read by pages and the search index. */
export interface ImageTags {
  /** The palette colour covering the most pixels. */
  dominant: NamedColour;
  /** Up to five colours, largest share first. */
  palette: PaletteColour[];
  /** Orientation after EXIF rotation. */
  orientation: 'landscape' | 'portrait' | 'square';
  /** Pixel width after EXIF rotation. */
  width: number;
  /** Pixel height after EXIF rotation. */
  height: number;
  /** Capture date from EXIF (ISO 8601, local time unless the file recorded an offset). */
  capturedAt?: string;
  /** Camera make and model from EXIF. */
  camera?: string;
  /** 64-bit perceptual difference hash (dHash) as 16 hex digits. */
  phash: string;
  /**
   * The colours of the object alone, measured without the backdrop or gallery wall behind it;
   * absent where the picture does not let the two be told apart (a detail filling the frame).
   */
  object?: ObjectColours;
}

/** The colours of the object in a picture. */
export interface ObjectColours {
  /** Up to five colours of the object, largest share first. */
  palette: PaletteColour[];
  /** The object's share of the picture, 0–1. */
  share: number;
}

/** A processed image master. */
export interface ImageEntry {
  kind: 'image';
  /** The master file. */
  master: MasterInfo;
  /** Pixel width after EXIF orientation (rasterised size for SVG). */
  width: number;
  /** Pixel height after EXIF orientation (rasterised size for SVG). */
  height: number;
  /** Whether the image has transparency (derivative fallback is PNG, not JPEG). */
  hasAlpha: boolean;
  /** Tiny blurred WebP as a `data:` URI, to paint before the real image arrives. */
  placeholder: string;
  /** Responsive derivatives, grouped by format, ascending width. */
  derivatives: Derivative[];
  /** Deep-zoom tiles for images large enough to zoom. */
  iiif?: IiifService;
  /** Colours, orientation, EXIF facts and perceptual hash. */
  tags: ImageTags;
  /** Non-fatal notes (near duplicates, extension/content mismatch…). */
  warnings: string[];
}

/** Messages of the Khronos glTF validator for the master. */
export interface ValidatorSummary {
  /** Number of errors (a master with errors is not published). */
  errors: number;
  /** Number of warnings. */
  warnings: number;
  /** Number of informational messages. */
  infos: number;
  /** The first few messages, `CODE: message (pointer)`. */
  messages: string[];
}

/** Axis-aligned bounding box in model units (metres by glTF convention). */
export interface BoundingBox {
  min: [number, number, number];
  max: [number, number, number];
  size: [number, number, number];
}

/** Names of the lighter quality levels of a model, lightest first. */
export type ModelLevelName = 'preview' | 'standard';

/** A lighter version of a model, made at ingest for the first view. */
export interface ModelLevel {
  /** `preview` (shown first) or `standard` (more detail for modest devices). */
  name: ModelLevelName;
  /** Site-root-relative URL of the .glb. */
  url: string;
  /** Bytes of the .glb. */
  bytes: number;
  /** Triangles over all meshes. */
  triangles: number;
  /** Vertices over all meshes. */
  vertices: number;
  /** Largest texture side allowed at this level, in pixels. */
  maxTextureSize: number;
  /** Simplification error limit used, as a fraction of the mesh radius (0: not simplified). */
  error: number;
}

/** A processed 3D model master. */
export interface ModelEntry {
  kind: 'model';
  /** The master file (a .gltf's buffers and textures are counted in `bytesBefore`). */
  master: MasterInfo;
  /** Site-root-relative URL of the optimised .glb. */
  url: string;
  /** Bytes of the master including its external buffers and textures. */
  bytesBefore: number;
  /** Bytes of the optimised .glb. */
  bytesAfter: number;
  /** Triangles over all meshes (each mesh counted once). */
  triangles: number;
  /** Vertices over all meshes after welding. */
  vertices: number;
  /** Bounds of the default scene. */
  bbox: BoundingBox;
  /** Geometry compression of the served file (decoder bundled with the site, no CDN). */
  compression: 'meshopt';
  /**
   * Lighter levels, lightest first; empty when the model is light already. `url`,
   * `bytesAfter`, `triangles` and `vertices` above describe the full detail.
   */
  levels: ModelLevel[];
  /** Validation of the master. */
  validator: ValidatorSummary;
  /** Non-fatal notes. */
  warnings: string[];
}

/** One web version of a film. */
export interface VideoRendition {
  /** Site-root-relative URL of the MP4 (H.264/AAC, fast start). */
  url: string;
  width: number;
  height: number;
  bytes: number;
}

/** A processed video master. */
export interface VideoEntry {
  kind: 'video';
  master: MasterInfo;
  /** Length in seconds. */
  seconds: number;
  /** Display size of the master (rotation applied). */
  width: number;
  height: number;
  /** Frames per second of the master (0 when it does not say). */
  fps: number;
  /** Whether the film has sound. */
  sound: boolean;
  /** The MP4 versions, largest first; none larger than the master. */
  renditions: VideoRendition[];
  /** A frame a tenth of the way in, shown before playback. */
  poster: { url: string; width: number; height: number };
  /** Non-fatal notes. */
  warnings: string[];
}

/** A processed audio master. */
export interface AudioEntry {
  kind: 'audio';
  master: MasterInfo;
  /** Length in seconds. */
  seconds: number;
  channels: number;
  /** The loudness-normalised versions, in the order a player should try them. */
  versions: { url: string; type: string; bytes: number }[];
  /** Non-fatal notes. */
  warnings: string[];
}

export type MediaEntry = ImageEntry | ModelEntry | VideoEntry | AudioEntry;

/** Shape of generated/media.json. */
export interface MediaManifest {
  /** Format version ({@link MEDIA_MANIFEST_VERSION}). */
  version: number;
  /** When the ingest wrote the file (ISO 8601). */
  generatedAt: string;
  /** `"<collection>/<slug>/<file>"` → entry. */
  items: Record<string, MediaEntry>;
}

/** Key of a master in the manifest: `mediaKey('works', 'blue-bowl', 'photos/front.jpg')`. */
export function mediaKey(collection: string, slug: string, file: string): string {
  const clean = file
    .replaceAll('\\', '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');
  return `${collection}/${slug}/${clean}`;
}

/** Look up a master of a record. */
export function getMedia(
  manifest: MediaManifest,
  collection: string,
  slug: string,
  file: string,
): MediaEntry | undefined {
  return manifest.items[mediaKey(collection, slug, file)];
}

/**
 * A lookup of a manifest's entries of one kind (image or model) by record and master file;
 * `manifest` is asked on each lookup, so a manifest read later (or lazily) is the one used.
 */
export function entryLookup<E extends MediaEntry>(
  manifest: () => MediaManifest,
  isKind: (entry: MediaEntry | undefined) => entry is E,
) {
  return (collection: string, slug: string, file: string): E | undefined => {
    const entry = getMedia(manifest(), collection, slug, file);
    return isKind(entry) ? entry : undefined;
  };
}

export function isImageEntry(entry: MediaEntry | undefined): entry is ImageEntry {
  return entry?.kind === 'image';
}

export function isModelEntry(entry: MediaEntry | undefined): entry is ModelEntry {
  return entry?.kind === 'model';
}

export function isAvEntry(entry: MediaEntry | undefined): entry is VideoEntry | AudioEntry {
  return entry?.kind === 'video' || entry?.kind === 'audio';
}

/** Derivatives of one format, ascending width. */
export function derivativesOf(entry: ImageEntry, format: DerivativeFormat): Derivative[] {
  return entry.derivatives.filter((d) => d.format === format).sort((a, b) => a.width - b.width);
}

/** The fallback format of an entry: `png` for transparent images, else `jpeg`. */
export function fallbackFormat(entry: ImageEntry): 'jpeg' | 'png' {
  return entry.derivatives.some((d) => d.format === 'png') ? 'png' : 'jpeg';
}

/** `srcset` attribute value for one format: `"/media/a-320.avif 320w, …"`. */
export function srcsetFor(entry: ImageEntry, format: DerivativeFormat): string {
  return derivativesOf(entry, format)
    .map((d) => `${d.url} ${d.width}w`)
    .join(', ');
}

/** The widest derivative (of a format, or of the fallback format when none is given). */
export function largestDerivative(
  entry: ImageEntry,
  format: DerivativeFormat = fallbackFormat(entry),
): Derivative | undefined {
  return derivativesOf(entry, format).at(-1);
}

/** The narrowest derivative at least `width` wide (or the widest there is). */
export function derivativeForWidth(
  entry: ImageEntry,
  width: number,
  format: DerivativeFormat = fallbackFormat(entry),
): Derivative | undefined {
  const list = derivativesOf(entry, format);
  return list.find((d) => d.width >= width) ?? list.at(-1);
}
