/**
 * Colour as people see it, through culori: OKLab (a perceptual space in which straight-line
 * distance follows how different two colours look) for grouping an image's pixels, and CIEDE2000,
 * the CIE's colour-difference formula, for naming a colour and comparing two.
 * Pure.
 */
import { converter, differenceCiede2000, formatHex } from 'culori';

/** sRGB channels, 0–255. */
export type Rgb = readonly [number, number, number];
/** OKLab coordinates: lightness 0–1, then the green–red and blue–yellow axes. */
export type Oklab = [number, number, number];

const toOklabColour = converter('oklab');
const toRgbColour = converter('rgb');
const ciede2000 = differenceCiede2000();

/** OKLab of an sRGB colour. */
export function oklabOf([r, g, b]: Rgb): Oklab {
  const c = toOklabColour({ mode: 'rgb', r: r / 255, g: g / 255, b: b / 255 });
  return [c.l, c.a, c.b];
}

/** The sRGB colour (0–255, unrounded) of OKLab coordinates, clamped to the sRGB gamut. */
export function rgbOfOklab([l, a, b]: Oklab): Rgb {
  const c = toRgbColour({ mode: 'oklab', l, a, b });
  const channel = (v: number) => Math.min(255, Math.max(0, v * 255));
  return [channel(c.r), channel(c.g), channel(c.b)];
}

/** The sRGB channels of `#rrggbb`. */
export function rgbOfHex(hex: string): Rgb {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** `#rrggbb` of an sRGB colour. */
export function hexOf([r, g, b]: Rgb): string {
  return formatHex({ mode: 'rgb', r: r / 255, g: g / 255, b: b / 255 });
}

/** Squared straight-line distance in OKLab (for grouping pixels). */
export function oklabDistance2(p: Oklab, q: Oklab): number {
  return (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 + (p[2] - q[2]) ** 2;
}

const toLab65 = converter('lab65');
type Lab65 = NonNullable<ReturnType<typeof toLab65>>;
/** Colours already read: a build compares each work's colour with hundreds of others. */
const lab65s = new Map<string, Lab65>();

function lab65Of(hex: string): Lab65 {
  let lab = lab65s.get(hex);
  if (!lab) {
    const read = toLab65(hex);
    if (!read) throw new Error(`not a colour: ${hex}`);
    lab = read;
    lab65s.set(hex, lab);
  }
  return lab;
}

/** CIEDE2000 difference of two `#rrggbb` colours: about 1 is the least a viewer notices. */
export function colourDifference(a: string, b: string): number {
  return ciede2000(lab65Of(a), lab65Of(b));
}

/** The entry of `named` whose `hex` differs least from `hex` (CIEDE2000). */
export function nearestNamed<T extends { hex: string }>(hex: string, named: readonly T[]): T {
  let best = named[0];
  let bestDifference = Infinity;
  for (const candidate of named) {
    const difference = colourDifference(hex, candidate.hex);
    if (difference < bestDifference) {
      bestDifference = difference;
      best = candidate;
    }
  }
  if (!best) throw new Error('nearestNamed: no named colours');
  return best;
}
