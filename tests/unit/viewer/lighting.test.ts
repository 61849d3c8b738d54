import { describe, expect, it } from 'vitest';
import {
  BACKGROUND_CHOICES,
  BACKGROUNDS,
  LIGHTING,
  LIGHTING_PRESETS,
  lightPosition,
  lightValues,
  lookInitial,
  RAKING_RANGE,
} from '../../../src/lib/viewer/lighting.ts';

const raking = { azimuth: 120, elevation: 8 };

describe('lighting presets', () => {
  it('lists studio, soft and raking light in that order, studio first', () => {
    expect(LIGHTING_PRESETS).toEqual(['studio', 'soft', 'raking']);
    expect(lookInitial.lighting).toBe('studio');
  });
  it('gives the studio light a key light from the front right above, over the studio room', () => {
    expect(lightValues('studio', raking, true)).toEqual({
      environment: 0.9,
      keyIntensity: 1.4,
      keyVisible: true,
      castShadow: false,
      keyDirection: { azimuth: 35, elevation: 45 },
      hemisphere: 0.25,
    });
  });
  it('has no key light in the soft preset, only the room and the fill', () => {
    const soft = lightValues('soft', raking, true);
    expect(soft).toMatchObject({ environment: 0.55, keyIntensity: 0, keyVisible: false });
    expect(soft.hemisphere).toBe(1.6);
  });
  it('points the raking light where the sliders say, nearly alone and casting shadows', () => {
    const light = lightValues('raking', raking, true);
    expect(light.keyDirection).toEqual(raking);
    expect(light).toMatchObject({ environment: 0.06, keyIntensity: 3.2, castShadow: true });
    expect(light.hemisphere).toBe(0.04);
  });
  it('casts shadows only with the raking light', () => {
    expect(LIGHTING_PRESETS.filter((p) => LIGHTING[p].key.castShadow)).toEqual(['raking']);
  });
  it('raises the fill light where the studio room cannot be made (software WebGL)', () => {
    expect(lightValues('studio', raking, false).hemisphere).toBeCloseTo(1.45, 9);
    expect(lightValues('soft', raking, false).hemisphere).toBeCloseTo(2.6, 9);
    expect(lightValues('raking', raking, false).hemisphere).toBeCloseTo(0.14, 9);
    for (const preset of LIGHTING_PRESETS) {
      expect(lightValues(preset, raking, false).environment).toBe(LIGHTING[preset].environment);
    }
  });
  it('starts the raking sliders low and within their ranges', () => {
    for (const range of [RAKING_RANGE.azimuth, RAKING_RANGE.elevation]) {
      expect(range.initial).toBeGreaterThanOrEqual(range.min);
      expect(range.initial).toBeLessThanOrEqual(range.max);
    }
    expect(RAKING_RANGE.elevation.max).toBeLessThan(90);
    expect(lookInitial).toMatchObject({ azimuth: 75, elevation: 12 });
  });
});

describe('backgrounds', () => {
  it('lists light, grey and dark, light first', () => {
    expect(BACKGROUND_CHOICES).toEqual(['light', 'grey', 'dark']);
    expect(lookInitial.background).toBe('light');
  });
  it('are colours that get darker down the list', () => {
    const luma = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const colours = BACKGROUND_CHOICES.map((b) => BACKGROUNDS[b]);
    for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(luma(colours[0]!)).toBeGreaterThan(luma(colours[1]!));
    expect(luma(colours[1]!)).toBeGreaterThan(luma(colours[2]!));
  });
});

describe('lightPosition', () => {
  const center = [1, 2, 3] as [number, number, number];
  it('stands the light at the distance from the centre', () => {
    const p = lightPosition(center, 4, { azimuth: 35, elevation: 45 });
    expect(Math.hypot(p[0] - 1, p[1] - 2, p[2] - 3)).toBeCloseTo(4, 9);
  });
  it('measures azimuth from the front (+Z) towards +X, and elevation up from the horizon', () => {
    const front = lightPosition(center, 2, { azimuth: 0, elevation: 0 });
    expect(front.map((v) => +v.toFixed(9))).toEqual([1, 2, 5]);
    const right = lightPosition(center, 2, { azimuth: 90, elevation: 0 });
    expect(right.map((v) => +v.toFixed(9))).toEqual([3, 2, 3]);
    const above = lightPosition(center, 2, { azimuth: 0, elevation: 90 });
    expect(above.map((v) => +v.toFixed(9))).toEqual([1, 4, 3]);
  });
});
