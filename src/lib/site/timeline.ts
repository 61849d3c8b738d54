/**
 * Places works on the timeline of periods: each work goes to the period whose span holds the
 * middle of its date range (its own `period` field wins when it names one of the periods).
 * Pure.
 */
import type { Period } from '../records/vocabularies.ts';

export interface Dated {
  id: string;
  period: string;
  start: number;
  end: number;
}

export interface TimelineRow<T> {
  period: Period;
  items: T[];
}

/** Periods in order with their works sorted by start year; empty periods are dropped. */
export function buildTimeline<T extends Dated>(
  periods: readonly Period[],
  items: readonly T[],
): TimelineRow<T>[] {
  const ordered = [...periods].sort((a, b) => a.start - b.start || a.end - b.end);
  const rows = ordered.map((period) => ({ period, items: [] as T[] }));
  for (const item of items) {
    const own = rows.find((r) => r.period.key === item.period);
    const middle = (item.start + item.end) / 2;
    const row = own ?? rows.find((r) => middle >= r.period.start && middle <= r.period.end);
    row?.items.push(item);
  }
  for (const row of rows) row.items.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  return rows.filter((r) => r.items.length > 0);
}

export interface EraPreview<T> {
  /** The works to show on the timeline, in date order. */
  shown: T[];
  /** How many more the period holds (found through search). */
  more: number;
}

/**
 * At most `limit` works of a period for the timeline: those `first` prefers (works with pictures,
 * curated records) before the rest, then shown in date order. `first` may also rank works (a
 * higher number is preferred: photographed works before illustrated ones). A period with a
 * thousand imported records would otherwise make the page a thousand cards long.
 */
export function eraPreview<T extends Dated>(
  items: readonly T[],
  limit: number,
  first: (item: T) => boolean | number,
): EraPreview<T> {
  const byDate = (a: T, b: T) => a.start - b.start || a.id.localeCompare(b.id);
  const rank = new Map(items.map((item) => [item, Number(first(item))]));
  const preferred = [...items].sort((a, b) => rank.get(b)! - rank.get(a)! || byDate(a, b));
  const shown = preferred.slice(0, limit).sort(byDate);
  return { shown, more: items.length - shown.length };
}
