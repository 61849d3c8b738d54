/**
 * A view of meshes drawn with the software rasteriser at `supersample` times the size and reduced
 * with a Lanczos filter, so edges are smooth: the posters and stills of `generate:models` and the
 * frames of `generate:film` are all drawn this way.
 */
import sharp, { type Sharp } from 'sharp';
import type { MeshData } from './geometry.ts';
import { rasterize, type RasterView } from './raster.ts';

export interface RenderSize {
  width: number;
  height: number;
  supersample: number;
}

/** The reduced image as a sharp pipeline (the caller picks PNG, raw frames …). */
export function renderSupersampled(
  meshes: MeshData[],
  view: Omit<RasterView, 'width' | 'height'>,
  size: RenderSize,
): Sharp {
  const { width, height, supersample } = size;
  const raw = { width: width * supersample, height: height * supersample, channels: 3 as const };
  const pixels = rasterize(meshes, { ...view, width: raw.width, height: raw.height });
  return sharp(pixels, { raw }).resize(width, height, { kernel: 'lanczos3' });
}
