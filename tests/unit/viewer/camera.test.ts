import { describe, expect, it } from 'vitest';
import {
  cameraLimits,
  easeInOut,
  fitDistance,
  fromSpherical,
  lerpView,
  orbitView,
  panView,
  roundView,
  toSpherical,
  viewForPoint,
} from '../../../src/lib/viewer/camera.ts';
import type { CameraView } from '../../../src/lib/viewer/types.ts';

const box = {
  min: [-0.1, 0, -0.1] as [number, number, number],
  max: [0.1, 0.3, 0.1] as [number, number, number],
  size: [0.2, 0.3, 0.2] as [number, number, number],
};
const dist = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

describe('cameraLimits', () => {
  const limits = cameraLimits(box, 35, 4 / 3);
  it('centres on the bounding box and frames its sphere', () => {
    expect(limits.center).toEqual([0, 0.15, 0]);
    expect(limits.radius).toBeCloseTo(Math.hypot(0.2, 0.3, 0.2) / 2, 6);
    const d = dist(limits.home.position, limits.center);
    expect(d).toBeGreaterThan(limits.radius);
    expect(d).toBeLessThan(limits.maxDistance);
    expect(d).toBeGreaterThan(limits.minDistance);
  });
  it('looks from the front, a little from above and to the right', () => {
    const [x, y, z] = limits.home.position;
    expect(z).toBeGreaterThan(0);
    expect(x).toBeGreaterThan(0);
    expect(y).toBeGreaterThan(limits.center[1]);
  });
  it('keeps near and far around the model', () => {
    expect(limits.near).toBeLessThan(limits.minDistance);
    expect(limits.far).toBeGreaterThan(limits.maxDistance);
  });
});

describe('fitDistance', () => {
  it('is further for a narrower field of view and a narrow aspect', () => {
    expect(fitDistance(1, 20)).toBeGreaterThan(fitDistance(1, 40));
    expect(fitDistance(1, 35, 0.5)).toBeGreaterThan(fitDistance(1, 35, 2));
  });
});

describe('orbit and pan', () => {
  const view: CameraView = { position: [0, 0, 2], target: [0, 0, 0] };
  const limits = { minDistance: 0.5, maxDistance: 5 };
  it('round-trips spherical coordinates', () => {
    const s = toSpherical({ position: [1, 2, 3], target: [0.5, 0, 0] });
    const back = fromSpherical([0.5, 0, 0], s.distance, s.azimuth, s.polar);
    expect(back[0]).toBeCloseTo(1, 9);
    expect(back[1]).toBeCloseTo(2, 9);
    expect(back[2]).toBeCloseTo(3, 9);
  });
  it('turns around the target at the same distance', () => {
    const turned = orbitView(view, Math.PI / 2, 0, 1, limits);
    expect(turned.position[0]).toBeCloseTo(2, 9);
    expect(turned.position[2]).toBeCloseTo(0, 9);
    expect(turned.target).toEqual([0, 0, 0]);
  });
  it('never passes over the poles', () => {
    const up = orbitView(view, 0, -10, 1, limits);
    expect(up.position[1]).toBeLessThan(2);
    expect(toSpherical(up).polar).toBeGreaterThan(0);
  });
  it('clamps zoom to the limits', () => {
    expect(dist(orbitView(view, 0, 0, 0.01, limits).position, [0, 0, 0])).toBeCloseTo(0.5, 9);
    expect(dist(orbitView(view, 0, 0, 100, limits).position, [0, 0, 0])).toBeCloseTo(5, 9);
  });
  it('pans camera and target together, within the allowed radius', () => {
    const moved = panView(view, 0.1, 0, [0, 0, 0], 1);
    expect(moved.target[0]).toBeCloseTo(0.2, 9);
    expect(moved.position[0]).toBeCloseTo(0.2, 9);
    const far = panView(view, 10, 0, [0, 0, 0], 1);
    expect(dist(far.target, [0, 0, 0])).toBeCloseTo(1, 9);
    const upward = panView(view, 0, 0.1, [0, 0, 0], 1);
    expect(upward.target[1]).toBeCloseTo(0.2, 9);
  });
});

describe('animation helpers', () => {
  it('eases from 0 to 1', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5, 9);
    expect(easeInOut(2)).toBe(1);
  });
  it('interpolates views', () => {
    const mid = lerpView(
      { position: [0, 0, 0], target: [0, 0, 0] },
      { position: [2, 2, 2], target: [1, 0, 0] },
      0.5,
    );
    expect(mid).toEqual({ position: [1, 1, 1], target: [0.5, 0, 0] });
  });
  it('finds a view in front of a surface point', () => {
    const v = viewForPoint([0, 0, 0.1], [0, 0, 1], 0.5);
    expect(v.target).toEqual([0, 0, 0.1]);
    expect(v.position[2]).toBeGreaterThan(0.4);
    expect(dist(v.position, v.target)).toBeCloseTo(0.5, 9);
  });
  it('rounds views without negative zero', () => {
    expect(roundView({ position: [1.234567, -0.00001, 0], target: [0, 0, 0] })).toEqual({
      position: [1.2346, 0, 0],
      target: [0, 0, 0],
    });
    expect(
      Object.is(roundView({ position: [-0.00001, 0, 0], target: [0, 0, 0] }).position[0], -0),
    ).toBe(false);
  });
});
