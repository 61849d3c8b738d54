/**
 * The scale reference of the viewer: model units ↔ centimetres, and a scale bar of a round length.
 * Pure.
 */
import type { RealDimensions, Vec3 } from './types.ts';

/**
 * Centimetres per model unit, from the record's real dimensions and the model's bounding box
 * size (Y is up in glTF). The height is the most reliable measure; otherwise the largest
 * measurement is matched to the largest horizontal extent. Without dimensions glTF's metres
 * are assumed (100 cm per unit).
 */
export function cmPerUnit(
  dimensions: RealDimensions | undefined,
  size: Vec3,
): { value: number; measured: boolean } {
  const [sx, sy, sz] = size;
  if (dimensions?.height && sy > 0) return { value: dimensions.height / sy, measured: true };
  const horizontal = Math.max(sx, sz);
  const across = Math.max(
    dimensions?.width ?? 0,
    dimensions?.diameter ?? 0,
    dimensions?.length ?? 0,
  );
  if (across > 0 && horizontal > 0) return { value: across / horizontal, measured: true };
  return { value: 100, measured: false };
}

/** The largest 1, 2 or 5 × 10ⁿ that is at most `max`. */
export function niceLength(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 0;
  const exp = Math.floor(Math.log10(max));
  const base = 10 ** exp;
  for (const m of [5, 2, 1]) if (m * base <= max * (1 + 1e-9)) return m * base;
  return base;
}

/** Pixels per model unit at `distance` from a perspective camera with vertical `fovDeg`. */
export function pixelsPerUnit(distance: number, fovDeg: number, viewportHeight: number): number {
  const visible = 2 * distance * Math.tan((fovDeg * Math.PI) / 360);
  return visible > 0 ? viewportHeight / visible : 0;
}

export interface ScaleBar {
  /** Length the bar stands for, in cm. */
  cm: number;
  /** Its length on screen, in CSS pixels. */
  px: number;
}

/** A scale bar of a round length that is at most `maxPx` long on screen. */
export function scaleBar(
  pxPerUnit: number,
  cmPerModelUnit: number,
  maxPx = 140,
): ScaleBar | undefined {
  if (!(pxPerUnit > 0) || !(cmPerModelUnit > 0)) return undefined;
  const pxPerCm = pxPerUnit / cmPerModelUnit;
  const cm = niceLength(maxPx / pxPerCm);
  if (!cm) return undefined;
  return { cm, px: cm * pxPerCm };
}

/** A length for people: millimetres below 1 cm, metres from 100 cm. */
export function formatLength(cm: number, lang: 'zh' | 'en'): string {
  const fmt = (v: number, digits: number) =>
    new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits }).format(
      v,
    );
  if (cm < 1) return `${fmt(cm * 10, 1)} mm`;
  if (cm >= 100) return `${fmt(cm / 100, 2)} m`;
  return `${fmt(cm, cm < 10 ? 1 : 0)} cm`;
}

/** Distance between two points in cm. */
export function distanceCm(a: Vec3, b: Vec3, cmPerModelUnit: number): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) * cmPerModelUnit;
}
