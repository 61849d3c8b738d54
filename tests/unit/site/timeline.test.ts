import { describe, expect, it } from 'vitest';
import { buildTimeline, eraPreview } from '../../../src/lib/site/timeline.ts';
import { vocabularies } from '../../../src/lib/records/vocabularies.ts';

describe('buildTimeline', () => {
  const item = (id: string, period: string, start: number, end: number) => ({
    id,
    period,
    start,
    end,
  });

  it('orders periods by their start and drops empty ones', () => {
    const rows = buildTimeline(vocabularies.periods, [
      item('b', 'qing', 1736, 1795),
      item('a', 'shang', -1300, -1046),
    ]);
    expect(rows.map((r) => r.period.key)).toEqual(['shang', 'qing']);
  });

  it('places a work in its own period and sorts works by start year', () => {
    const rows = buildTimeline(vocabularies.periods, [
      item('late', 'ming', 1600, 1644),
      item('early', 'ming', 1400, 1450),
    ]);
    expect(rows[0]?.items.map((i) => i.id)).toEqual(['early', 'late']);
  });

  it('falls back to the period holding the middle of the range for an unknown period key', () => {
    const rows = buildTimeline(vocabularies.periods, [item('x', 'unknown', 1700, 1720)]);
    expect(rows.map((r) => r.period.key)).toEqual(['qing']);
  });
});

describe('eraPreview', () => {
  const item = (id: string, start: number, pictured = false) => ({
    id,
    period: 'qing',
    start,
    end: start,
    pictured,
  });
  const items = [item('a', 1700), item('b', 1650, true), item('c', 1800), item('d', 1750, true)];

  it('keeps every work of a short period, in date order', () => {
    const { shown, more } = eraPreview(items, 10, (i) => i.pictured);
    expect(shown.map((i) => i.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(more).toBe(0);
  });

  it('fills a long period with the preferred works first and counts the rest', () => {
    const { shown, more } = eraPreview(items, 3, (i) => i.pictured);
    expect(shown.map((i) => i.id)).toEqual(['b', 'a', 'd']);
    expect(more).toBe(1);
  });

  it('shows only preferred works when they alone fill the preview', () => {
    const { shown, more } = eraPreview(items, 2, (i) => i.pictured);
    expect(shown.map((i) => i.id)).toEqual(['b', 'd']);
    expect(more).toBe(2);
  });

  it('ranks works when the preference is a number: photographed before illustrated before the rest', () => {
    const ranked = [item('a', 1700), item('b', 1650), item('c', 1800), item('d', 1750)];
    const rank: Record<string, number> = { a: 1, b: 0, c: 3, d: 2 };
    const { shown, more } = eraPreview(ranked, 2, (i) => rank[i.id] ?? 0);
    expect(shown.map((i) => i.id)).toEqual(['d', 'c']);
    expect(more).toBe(2);
  });
});
