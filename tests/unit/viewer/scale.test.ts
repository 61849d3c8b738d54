import { describe, expect, it } from 'vitest';
import {
  cmPerUnit,
  distanceCm,
  formatLength,
  niceLength,
  pixelsPerUnit,
  scaleBar,
} from '../../../src/lib/viewer/scale.ts';

describe('cmPerUnit', () => {
  it('uses the recorded height against the model height', () => {
    expect(cmPerUnit({ height: 32.2 }, [0.325, 0.317, 0.143]).value).toBeCloseTo(101.58, 1);
  });
  it('falls back to width, diameter or length against the horizontal extent', () => {
    expect(cmPerUnit({ diameter: 20 }, [0.1, 0.05, 0.08]).value).toBeCloseTo(200, 6);
  });
  it('assumes metres without dimensions', () => {
    expect(cmPerUnit(undefined, [1, 1, 1])).toEqual({ value: 100, measured: false });
  });
});

describe('scale bar', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(niceLength(7.3)).toBe(5);
    expect(niceLength(19)).toBe(10);
    expect(niceLength(0.34)).toBe(0.2);
    expect(niceLength(100)).toBe(100);
    expect(niceLength(0)).toBe(0);
  });
  it('computes pixels per unit for a perspective camera', () => {
    // A 90° field of view at distance 1 shows 2 units over the height.
    expect(pixelsPerUnit(1, 90, 600)).toBeCloseTo(300, 6);
  });
  it('returns a round length no longer than the limit', () => {
    const bar = scaleBar(1000, 100, 140)!;
    // 10 px per cm: 140 px allows 14 cm → 10 cm = 100 px.
    expect(bar).toEqual({ cm: 10, px: 100 });
    expect(scaleBar(0, 100)).toBeUndefined();
  });
  it('formats lengths in both languages', () => {
    expect(formatLength(0.5, 'en')).toBe('5 mm');
    expect(formatLength(2.5, 'zh')).toBe('2.5 cm');
    expect(formatLength(20, 'en')).toBe('20 cm');
    expect(formatLength(150, 'en')).toBe('1.5 m');
  });
  it('measures distances in cm', () => {
    expect(distanceCm([0, 0, 0], [0.03, 0.04, 0], 100)).toBeCloseTo(5, 9);
  });
});
