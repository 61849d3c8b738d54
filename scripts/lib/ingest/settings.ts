// Pipeline settings. Everything that changes an output belongs here: its hash is part of the
// incremental-run key, so changing a setting reprocesses exactly the masters it affects.
import { createHash } from 'node:crypto';
import { DEFAULT_AV_LIMITS } from './av-probe.ts';
import type { AvSettings } from './av.ts';
import type { LevelSetting } from './model-levels.ts';

export interface ImageSettings {
  /** Width ladder of the responsive derivatives (ascending). */
  widths: number[];
  /**
   * Leave out a rung less than this fraction below the master's own width (960 for a 1000 px
   * photo): most photographs are 1000 px wide, and the near-duplicate rung was a third of the
   * cold ingest's encoding time.
   */
  ladderMinStep: number;
  /** AVIF encoder effort 0–9 (chosen with `npm run bench:ingest`). */
  avifEffort: number;
  avifQuality: number;
  webpQuality: number;
  webpEffort: number;
  jpegQuality: number;
  /** Refuse images with more pixels than this (decompression bombs). */
  maxInputPixels: number;
  /** Decode the master once to memory up to this many pixels; above, stream from the file. */
  inMemoryPixels: number;
  /** Placeholder (LQIP) width in pixels. */
  placeholderWidth: number;
  /** Make IIIF tiles when the longer side is at least this many pixels. */
  iiifMinSide: number;
  iiifTileSize: number;
  iiifQuality: number;
  /** Absolute base URL of the site (IIIF ids are absolute). */
  siteUrl: string;
  /** Clean SVGs are rasterised so that their longer side is this many pixels. */
  svgRasterSide: number;
}

export interface ModelSettings {
  /** Largest texture side after resizing. */
  maxTextureSize: number;
  /** Texture encoding: WebP through EXT_texture_webp. */
  textureFormat: 'webp';
  colourTextureQuality: number;
  dataTextureQuality: number;
  /** Geometry compression; quantisation off keeps the geometry bit-exact. */
  compression: 'meshopt';
  quantize: boolean;
  /** Bits per position component when quantising (16 ≈ 1/65536 of the model's extent). */
  quantizePositionBits: number;
  /** meshopt level: 'high' adds octahedral/exponential filters. */
  meshoptLevel: 'medium' | 'high';
  /**
   * Lighter quality levels made beside the full detail (`model-levels.ts`): the viewer shows
   * the preview first (≤ 50,000 triangles, 512 px textures: a phone parses it in well under
   * a second) and the full detail on demand.
   */
  levels: LevelSetting[];
}

export interface PipelineSettings {
  /** Bump when the pipeline code changes its outputs. */
  version: number;
  image: ImageSettings;
  model: ModelSettings;
  /** Video and audio masters (av.ts). */
  av: AvSettings;
}

export const DEFAULT_SITE_URL = 'http://localhost:4321';

/** Images with more pixels than this are refused (decompression bombs); `npm run check` too. */
export const MAX_INPUT_PIXELS = 200_000_000;

export function defaultSettings(
  siteUrl = process.env['SITE_URL'] ?? DEFAULT_SITE_URL,
): PipelineSettings {
  return {
    // 2: IIIF info.json lists whole-image sizes (with their files).
    // 3: the object's own colours (without its background); colour names by CIEDE2000.
    version: 3,
    image: {
      widths: [320, 640, 960, 1280, 1920, 2560],
      ladderMinStep: 0.1,
      avifEffort: 2,
      avifQuality: 55,
      webpQuality: 78,
      webpEffort: 4,
      jpegQuality: 80,
      maxInputPixels: MAX_INPUT_PIXELS,
      inMemoryPixels: 60_000_000,
      placeholderWidth: 16,
      iiifMinSide: 2400,
      iiifTileSize: 512,
      iiifQuality: 82,
      siteUrl: siteUrl.replace(/\/+$/, ''),
      svgRasterSide: 2048,
    },
    model: {
      maxTextureSize: 2048,
      textureFormat: 'webp',
      colourTextureQuality: 82,
      dataTextureQuality: 92,
      compression: 'meshopt',
      quantize: true,
      quantizePositionBits: 16,
      meshoptLevel: 'high',
      levels: [
        {
          name: 'preview',
          maxTriangles: 50_000,
          maxTextureSize: 512,
          colourTextureQuality: 72,
          dataTextureQuality: 80,
        },
        {
          name: 'standard',
          maxTriangles: 150_000,
          maxTextureSize: 2048,
          colourTextureQuality: 80,
          dataTextureQuality: 90,
        },
      ],
    },
    av: {
      limits: DEFAULT_AV_LIMITS,
      videoHeights: [1080, 720, 480],
      crf: 23,
      preset: 'medium',
      audioBitrateKbps: 128,
      opusBitrateKbps: 96,
      loudness: -16,
      // generous: three sizes of a film are encoded in turn on a small machine
      timeLimit: { perSecond: 20, minSeconds: 120 },
    },
  };
}

/** Short stable hash of a settings object. */
export function settingsKey(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/** Settings key for one kind of master (image settings do not invalidate models and back). */
export function keyFor(settings: PipelineSettings, kind: 'image' | 'model' | 'av'): string {
  return settingsKey({ version: settings.version, kind, settings: settings[kind] });
}
