/**
 * Places works on the timeline of periods: each work goes to the period whose span holds the
 * middle of its date range (its own `period` field wins when it names one of the periods).
 */
import type { Period } from './vocabularies.ts';

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
