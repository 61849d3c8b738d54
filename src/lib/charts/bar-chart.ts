/**
 * Horizontal bar charts laid out at build time: d3-scale gives the scales and the tick values,
 * `BarChart.astro` draws the layout as SVG, so no chart script reaches the browser. Labels that
 * would not fit are shortened in the drawing only; the table beside each chart keeps them whole.
 * Pure.
 */
import { scaleBand, scaleLinear } from 'd3-scale';

/** One bar: what it counts and how many. */
export interface Bar {
  label: string;
  value: number;
}

export interface BarLayout {
  width: number;
  height: number;
  /** Where the bars start (the labels end a little before). */
  baseline: number;
  bars: (Bar & { shown: string; y: number; length: number; thickness: number })[];
  /** Whole-number gridlines. */
  ticks: { value: number; x: number }[];
  /** The top and bottom of the plotted area, for the gridlines. */
  top: number;
  bottom: number;
}

export interface BarOptions {
  /** Width of the drawing in SVG units (it scales to its container). */
  width?: number;
  /** Room for the labels, in SVG units. */
  labelWidth?: number;
  /** Height of one row (bar and gap). */
  rowHeight?: number;
  /** Font size of the labels, to judge how many characters fit. */
  fontSize?: number;
}

const AXIS = 22;

/**
 * Lays out `bars` in their order. Values must be counts (whole numbers ≥ 0); a chart of
 * nothing but zeros still gets an axis from 0 to 1.
 */
export function barLayout(bars: readonly Bar[], options: BarOptions = {}): BarLayout {
  const { width = 560, labelWidth = 170, rowHeight = 28, fontSize = 13 } = options;
  for (const b of bars)
    if (!Number.isInteger(b.value) || b.value < 0)
      throw new Error(`bar "${b.label}" has value ${b.value}: counts only`);
  const valueRoom = 48;
  const top = 4;
  const bottom = top + bars.length * rowHeight;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const x = scaleLinear()
    .domain([0, max])
    .nice()
    .range([labelWidth, width - valueRoom]);
  const y = scaleBand()
    .domain(bars.map((_, i) => String(i)))
    .range([top, bottom])
    .paddingInner(0.3)
    .paddingOuter(0.15);
  const ticks = x
    .ticks(Math.min(5, max))
    .filter((v) => Number.isInteger(v))
    .map((value) => ({ value, x: x(value) }));
  return {
    width,
    height: bottom + AXIS,
    baseline: labelWidth,
    top,
    bottom,
    ticks,
    bars: bars.map((b, i) => ({
      ...b,
      shown: fitLabel(b.label, (labelWidth - 8) / fontSize),
      y: y(String(i)) ?? 0,
      length: x(b.value) - labelWidth,
      thickness: y.bandwidth(),
    })),
  };
}

/** Width of a character in em: CJK and other wide characters one, the rest a little over half. */
function charWidth(ch: string): number {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/.test(ch)
    ? 1
    : 0.58;
}

/** `label`, shortened with an ellipsis to about `em` em wide. */
export function fitLabel(label: string, em: number): string {
  let used = 0;
  const chars = [...label];
  for (let i = 0; i < chars.length; i++) {
    used += charWidth(chars[i] ?? '');
    if (used > em) return `${chars.slice(0, Math.max(1, i - 1)).join('')}…`;
  }
  return label;
}
