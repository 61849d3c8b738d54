import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../src/lib/timeline.ts';
import { vocabularies } from '../../../src/lib/vocabularies.ts';

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
