import { describe, expect, it } from 'vitest';
import { barLayout, fitLabel } from '../../../src/lib/charts/bar-chart.ts';

describe('bar chart layout', () => {
  const bars = [
    { label: '第1批', value: 3 },
    { label: '第2批', value: 12 },
    { label: '第3批', value: 0 },
  ];

  it('draws bars in proportion, in their order, from one baseline', () => {
    const layout = barLayout(bars, { width: 560, labelWidth: 170 });
    const [a, b, c] = layout.bars;
    expect(c?.length).toBe(0);
    // 3 : 12 in length, whatever the axis rounds up to
    expect((a?.length ?? 0) / (b?.length ?? 1)).toBeCloseTo(3 / 12, 6);
    expect((a?.y ?? 0) < (b?.y ?? 0) && (b?.y ?? 0) < (c?.y ?? 0)).toBe(true);
    // the longest bar stays inside the drawing, with room for its value
    expect(170 + (b?.length ?? 0)).toBeLessThanOrEqual(560 - 40);
  });

  it('puts gridlines on whole numbers only, from zero, at the bar scale', () => {
    const layout = barLayout([{ label: 'a', value: 2 }]);
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 1, 2]);
    expect(layout.ticks[0]?.x).toBe(layout.baseline);
    const bar = layout.bars[0];
    expect(layout.ticks.at(-1)?.x).toBeCloseTo(layout.baseline + (bar?.length ?? 0), 6);
  });

  it('gives a chart of zeros an axis, and refuses what is not a count', () => {
    expect(barLayout([{ label: 'a', value: 0 }]).ticks.map((t) => t.value)).toEqual([0, 1]);
    expect(() => barLayout([{ label: 'a', value: 1.5 }])).toThrow(/"a" has value 1.5/);
    expect(() => barLayout([{ label: 'b', value: -1 }])).toThrow(/counts only/);
  });

  it('shortens labels that would not fit, counting a Chinese character as one em', () => {
    expect(fitLabel('潮州', 4)).toBe('潮州');
    expect(fitLabel('景德镇陶瓷工艺美术聚集区', 6)).toBe('景德镇陶瓷…');
    expect(fitLabel('Jingdezhen porcelain', 20)).toBe('Jingdezhen porcelain');
    expect(fitLabel('Jingdezhen porcelain cluster', 10).endsWith('…')).toBe(true);
  });
});
