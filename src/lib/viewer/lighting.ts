/**
 * The viewer's lighting presets and backgrounds as data (pure, no three.js): the scene's
 * `Lights` reads the numbers from here, the toolbar the order of the choices.
 */
import type { Background, LightingPreset, Vec3 } from './types.ts';

/** Direction of a light: degrees around +Y from the front (+Z), and above the horizon. */
export interface LightDirection {
  azimuth: number;
  elevation: number;
}

export interface LightingSetup {
  /** Strength of the generated studio room (the image-based light). */
  environment: number;
  /** The directional key light; `direction: 'raking'` follows the visitor's sliders. */
  key: {
    intensity: number;
    visible: boolean;
    castShadow: boolean;
    direction: LightDirection | 'raking';
  };
  /**
   * The hemisphere fill light. Where the studio room cannot be generated (software WebGL) the
   * fill stands in for it, so it grows by `withoutEnvironment`.
   */
  hemisphere: { intensity: number; withoutEnvironment: number };
}

/** Where the key light stands for the studio and soft presets: front right, from above. */
const FIXED_KEY: LightDirection = { azimuth: 35, elevation: 45 };

/** The presets in the order the lighting menu lists them. */
export const LIGHTING: Readonly<Record<LightingPreset, LightingSetup>> = {
  studio: {
    environment: 0.9,
    key: { intensity: 1.4, visible: true, castShadow: false, direction: FIXED_KEY },
    hemisphere: { intensity: 0.25, withoutEnvironment: 1.2 },
  },
  // Soft: no key light at all, only the room and the fill.
  soft: {
    environment: 0.55,
    key: { intensity: 0, visible: false, castShadow: false, direction: FIXED_KEY },
    hemisphere: { intensity: 1.6, withoutEnvironment: 1 },
  },
  // Raking: a low light that casts shadows, so that carving and incision stand out.
  raking: {
    environment: 0.06,
    key: { intensity: 3.2, visible: true, castShadow: true, direction: 'raking' },
    hemisphere: { intensity: 0.04, withoutEnvironment: 0.1 },
  },
};

export const LIGHTING_PRESETS = Object.keys(LIGHTING) as LightingPreset[];

/** Ranges of the raking light's sliders (degrees) and where they start. */
export const RAKING_RANGE = {
  azimuth: { min: 0, max: 360, step: 5, initial: 75 },
  elevation: { min: 2, max: 60, step: 1, initial: 12 },
} as const;

/** Backdrop colours, in the order the background menu lists them. */
export const BACKGROUNDS: Readonly<Record<Background, string>> = {
  light: '#f3f0e8',
  grey: '#8a8a86',
  dark: '#1b1a18',
};

export const BACKGROUND_CHOICES = Object.keys(BACKGROUNDS) as Background[];

/** What the lights are set to for a preset, the raking sliders and whether the room exists. */
export interface LightValues {
  environment: number;
  keyIntensity: number;
  keyVisible: boolean;
  castShadow: boolean;
  keyDirection: LightDirection;
  hemisphere: number;
}

export function lightValues(
  preset: LightingPreset,
  raking: LightDirection,
  hasEnvironment: boolean,
): LightValues {
  const { environment, key, hemisphere } = LIGHTING[preset];
  return {
    environment,
    keyIntensity: key.intensity,
    keyVisible: key.visible,
    castShadow: key.castShadow,
    keyDirection: key.direction === 'raking' ? raking : key.direction,
    hemisphere: hemisphere.intensity + (hasEnvironment ? 0 : hemisphere.withoutEnvironment),
  };
}

/** Position of a directional light `distance` away from `center` in `direction`. */
export function lightPosition(center: Vec3, distance: number, direction: LightDirection): Vec3 {
  const deg = Math.PI / 180;
  const az = direction.azimuth * deg;
  const el = direction.elevation * deg;
  return [
    center[0] + distance * Math.cos(el) * Math.sin(az),
    center[1] + distance * Math.sin(el),
    center[2] + distance * Math.cos(el) * Math.cos(az),
  ];
}

/** What the visitor chose for the light and the backdrop (a tour step may change the preset). */
export interface Look {
  lighting: LightingPreset;
  azimuth: number;
  elevation: number;
  background: Background;
}

export const lookInitial: Look = {
  lighting: 'studio',
  azimuth: RAKING_RANGE.azimuth.initial,
  elevation: RAKING_RANGE.elevation.initial,
  background: 'light',
};

/** A look with some of its settings changed (the viewer's look reducer). */
export const mergeLook = (look: Look, change: Partial<Look>): Look => ({ ...look, ...change });
