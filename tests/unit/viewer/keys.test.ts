import { describe, expect, it } from 'vitest';
import { keyAction } from '../../../src/lib/viewer/keys.ts';

const TEN_DEGREES = Math.PI / 18;

describe('keyAction', () => {
  it('turns the model 10° with the arrow keys: left and right around, up and down over', () => {
    expect(keyAction('ArrowLeft', false)).toEqual({
      type: 'orbit',
      azimuth: -TEN_DEGREES,
      polar: 0,
      zoom: 1,
    });
    expect(keyAction('ArrowRight', false)).toMatchObject({ azimuth: TEN_DEGREES, polar: 0 });
    // Up lifts the camera: the angle from the vertical gets smaller.
    expect(keyAction('ArrowUp', false)).toMatchObject({ azimuth: 0, polar: -TEN_DEGREES });
    expect(keyAction('ArrowDown', false)).toMatchObject({ azimuth: 0, polar: TEN_DEGREES });
  });
  it('pans by 5 % of the distance with Shift and the arrow keys', () => {
    expect(keyAction('ArrowLeft', true)).toEqual({ type: 'pan', dx: -0.05, dy: 0 });
    expect(keyAction('ArrowRight', true)).toEqual({ type: 'pan', dx: 0.05, dy: 0 });
    expect(keyAction('ArrowUp', true)).toEqual({ type: 'pan', dx: 0, dy: 0.05 });
    expect(keyAction('ArrowDown', true)).toEqual({ type: 'pan', dx: 0, dy: -0.05 });
  });
  it('zooms in with plus, equals and Page Up and out by the same step with minus and Page Down', () => {
    for (const key of ['+', '=', 'PageUp'])
      expect(keyAction(key, false)).toEqual({ type: 'orbit', azimuth: 0, polar: 0, zoom: 0.85 });
    for (const key of ['-', '_', 'PageDown'])
      expect(keyAction(key, false)).toEqual({
        type: 'orbit',
        azimuth: 0,
        polar: 0,
        zoom: 1 / 0.85,
      });
  });
  it('leaves the keys that need Shift to type (+, _) working with Shift held', () => {
    expect(keyAction('+', true)).toEqual(keyAction('+', false));
    expect(keyAction('_', true)).toEqual(keyAction('_', false));
    expect(keyAction('Home', true)).toEqual({ type: 'reset' });
  });
  it('resets with Home and 0, and leaves a mode with Escape', () => {
    expect(keyAction('Home', false)).toEqual({ type: 'reset' });
    expect(keyAction('0', false)).toEqual({ type: 'reset' });
    expect(keyAction('Escape', false)).toEqual({ type: 'leave-mode' });
  });
  it('goes to the hotspot of the number pressed, counting from 1', () => {
    expect(keyAction('1', false)).toEqual({ type: 'hotspot', index: 0 });
    expect(keyAction('9', false)).toEqual({ type: 'hotspot', index: 8 });
  });
  it('ignores every other key, so that Tab, Enter and typing keep working', () => {
    for (const key of ['Tab', 'Enter', ' ', 'a', 'A', 'End', 'F5', '10', '1.5', '', 'constructor'])
      expect(keyAction(key, false)).toBeUndefined();
    expect(keyAction('a', true)).toBeUndefined();
  });
});
