import { describe, expect, it } from 'vitest';
import { cameraLimits } from '../../../src/lib/viewer/camera.ts';
import {
  canTakeFullDetail,
  levelAfter,
  viewerLevels,
  zoomedIn,
  type DeviceHints,
} from '../../../src/lib/viewer/levels.ts';

const entry = {
  url: '/m/gong.glb',
  bytesAfter: 3_231_388,
  triangles: 299_891,
  levels: [
    {
      name: 'preview' as const,
      url: '/m/gong.preview.glb',
      bytes: 867_484,
      triangles: 49_990,
      vertices: 1,
      maxTextureSize: 512,
      error: 0.01,
    },
    {
      name: 'standard' as const,
      url: '/m/gong.standard.glb',
      bytes: 2_160_288,
      triangles: 149_965,
      vertices: 1,
      maxTextureSize: 2048,
      error: 0.005,
    },
  ],
};
const levels = viewerLevels(entry);
const phone: DeviceHints = { memoryGb: 2, saveData: false, effectiveType: '4g' };
const desktop: DeviceHints = { saveData: false };
const saving: DeviceHints = { memoryGb: 8, saveData: true, effectiveType: '4g' };

describe('viewerLevels', () => {
  it('lists the lighter levels lightest first, then the full detail', () => {
    expect(levels.map((l) => [l.name, l.src, l.triangles])).toEqual([
      ['preview', '/m/gong.preview.glb', 49_990],
      ['standard', '/m/gong.standard.glb', 149_965],
      ['full', '/m/gong.glb', 299_891],
    ]);
  });

  it('gives a model without lighter levels its full detail only', () => {
    expect(viewerLevels({ ...entry, levels: [] }).map((l) => l.name)).toEqual(['full']);
  });
});

describe('levelAfter', () => {
  it('loads the full detail when asked, whatever the device', () => {
    for (const reason of ['request', 'zoom', 'fullscreen'] as const)
      for (const device of [phone, desktop, saving])
        expect(levelAfter(levels, 0, reason, device), `${reason}`).toBe(2);
  });

  it('on interaction: full detail on a capable device, standard on a modest one, none saving data', () => {
    expect(canTakeFullDetail(desktop)).toBe(true);
    expect(canTakeFullDetail(phone)).toBe(false);
    expect(canTakeFullDetail({ saveData: false, effectiveType: '3g' })).toBe(false);
    expect(levelAfter(levels, 0, 'interaction', desktop)).toBe(2);
    expect(levelAfter(levels, 0, 'interaction', phone)).toBe(1);
    expect(levelAfter(levels, 0, 'interaction', saving)).toBe(0);
  });

  it('never goes back to a lighter level, and has no standard level to give when there is none', () => {
    expect(levelAfter(levels, 2, 'interaction', phone)).toBe(2);
    const twoLevels = levels.filter((l) => l.name !== 'standard');
    expect(levelAfter(twoLevels, 0, 'interaction', phone)).toBe(0);
  });
});

describe('zoomedIn', () => {
  const bbox = { min: [0, 0, 0], max: [0.3, 0.2, 0.1], size: [0.3, 0.2, 0.1] } as never;
  const { home } = cameraLimits(bbox);
  /** The home view moved towards its target, to `share` of its distance. */
  const closer = (share: number) => ({
    target: home.target,
    position: home.target.map((t, i) => t + (home.position[i]! - t) * share) as typeof home.target,
  });

  it('asks for detail only about twice as close as the home view', () => {
    expect(zoomedIn(home, bbox)).toBe(false);
    expect(zoomedIn(closer(0.6), bbox)).toBe(false);
    expect(zoomedIn(closer(0.4), bbox)).toBe(true);
  });
});
