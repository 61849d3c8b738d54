/**
 * Which pixels of a photograph show the object rather than what is behind it. A museum photograph
 * shows an object against a backdrop, a gallery wall or the inside of a case, and that background
 * is what reaches the picture's edges. It is grown inwards from the edges: a pixel joins it when it
 * looks like a neighbour that already belongs (a smooth backdrop, a gradient of light) and stays
 * near the edges' own colour. What is left is the object. Where the edges are not mostly one
 * backdrop (a detail filling the frame), or almost nothing or almost everything is left, the two
 * cannot be told apart and there is no mask.
 * Pure.
 */
import { oklabDistance2, type Oklab } from './colour.ts';

export interface ObjectMask {
  /** 1 for a pixel of the object, 0 for the background, row by row. */
  mask: Uint8Array;
  /** The object's share of the picture, 0–1. */
  share: number;
}

/** How the background is told from the object (OKLab distances; 0.02 is about a visible step). */
export interface MaskSettings {
  /** A backdrop pixel's largest difference from a neighbouring backdrop pixel. */
  step: number;
  /** A backdrop pixel's largest difference from the edges' colour. */
  reach: number;
  /** The share of the edge that must be one backdrop for the mask to be trusted. */
  edgeAgreement: number;
  /** The object's smallest and largest share of a picture where a mask is trusted. */
  minShare: number;
  maxShare: number;
}

export const MASK_SETTINGS: MaskSettings = {
  step: 0.035,
  reach: 0.16,
  edgeAgreement: 0.5,
  minShare: 0.06,
  maxShare: 0.94,
};

/** The coordinate-wise median of some colours: the edge's colour, unmoved by a few odd pixels. */
function medianOf(colours: readonly Oklab[]): Oklab {
  const median = (axis: 0 | 1 | 2) => {
    const values = colours.map((c) => c[axis]).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)]!;
  };
  return [median(0), median(1), median(2)];
}

/** Indexes of the pixels on the picture's edge. */
function edgeIndexes(width: number, height: number): number[] {
  const edge = new Set<number>();
  for (let x = 0; x < width; x += 1) edge.add(x).add((height - 1) * width + x);
  for (let y = 0; y < height; y += 1) edge.add(y * width).add(y * width + width - 1);
  return [...edge];
}

/**
 * The object mask of a picture given as OKLab pixels row by row (`undefined` for a transparent
 * pixel, which is background), or undefined where object and background cannot be told apart.
 */
export function objectMask(
  pixels: readonly (Oklab | undefined)[],
  width: number,
  height: number,
  settings: MaskSettings = MASK_SETTINGS,
): ObjectMask | undefined {
  if (width < 3 || height < 3 || pixels.length !== width * height) return undefined;
  const edge = edgeIndexes(width, height);
  const edgeColours = edge.flatMap((i) => (pixels[i] ? [pixels[i]] : []));
  const backdrop = edgeColours.length > 0 ? medianOf(edgeColours) : undefined;
  const reach2 = settings.reach ** 2;
  const nearBackdrop = (c: Oklab) =>
    backdrop !== undefined && oklabDistance2(c, backdrop) <= reach2;
  const seeds = edge.filter((i) => pixels[i] === undefined || nearBackdrop(pixels[i]!));
  if (seeds.length < edge.length * settings.edgeAgreement) return undefined;

  const background = new Uint8Array(width * height);
  const queue: number[] = [];
  for (const i of seeds) {
    background[i] = 1;
    queue.push(i);
  }
  const step2 = settings.step ** 2;
  for (let head = 0; head < queue.length; head += 1) {
    const i = queue[head]!;
    const x = i % width;
    const neighbours = [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width];
    for (const j of neighbours) {
      if (j < 0 || j >= background.length || background[j]) continue;
      const here = pixels[i];
      const there = pixels[j];
      const joins =
        there === undefined ||
        (here !== undefined && oklabDistance2(here, there) <= step2 && nearBackdrop(there));
      if (!joins) continue;
      background[j] = 1;
      queue.push(j);
    }
  }
  const mask = background.map((b) => 1 - b);
  const share = mask.reduce((sum, m) => sum + m, 0) / mask.length;
  if (share < settings.minShare || share > settings.maxShare) return undefined;
  return { mask, share };
}
