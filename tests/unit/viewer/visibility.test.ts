import { describe, expect, it } from 'vitest';
import { facesCamera, hotspotVisible, occluded } from '../../../src/lib/viewer/visibility.ts';

describe('hotspot visibility', () => {
  it('shows a surface that faces the camera and hides one facing away', () => {
    expect(facesCamera([0, 0, 1], [0, 0, 1], [0, 0, 5])).toBe(true);
    expect(facesCamera([0, 0, -1], [0, 0, -1], [0, 0, 5])).toBe(false);
  });
  it('keeps markers on the silhouette a little longer', () => {
    expect(facesCamera([1, 0, 0], [5, 0, 0.8], [0, 0, 5])).toBe(true);
    expect(facesCamera([1, 0, 0], [5, 0, 0], [0, 0, 5])).toBe(false);
  });
  it('hides a point with the model in front of it', () => {
    expect(occluded(1.5, 2, 0.01)).toBe(true);
    expect(occluded(1.995, 2, 0.01)).toBe(false);
    expect(occluded(undefined, 2, 0.01)).toBe(false);
  });
  it('combines both tests', () => {
    expect(hotspotVisible([0, 0, 1], [0, 0, 1], [0, 0, 5], 4, 0.01)).toBe(true);
    expect(hotspotVisible([0, 0, 1], [0, 0, 1], [0, 0, 5], 2, 0.01)).toBe(false);
    expect(hotspotVisible([0, 0, -1], [0, 0, -1], [0, 0, 5], undefined, 0.01)).toBe(false);
  });
});
