import { describe, expect, it } from 'vitest';
import { modeInitial, modeReducer, type ModeAction } from '../../../src/lib/viewer/modes.ts';
import type { Vec3 } from '../../../src/lib/viewer/types.ts';

const run = (...actions: ModeAction[]) => actions.reduce(modeReducer, modeInitial);
const a: Vec3 = [0, 0, 0];
const b: Vec3 = [1, 0, 0];
const c: Vec3 = [0, 1, 0];

describe('modeReducer', () => {
  it('toggles measure and author modes from the toolbar', () => {
    expect(run({ type: 'toggle', mode: 'measure' }).mode).toBe('measure');
    expect(run({ type: 'toggle', mode: 'measure' }, { type: 'toggle', mode: 'measure' }).mode).toBe(
      'view',
    );
    expect(run({ type: 'toggle', mode: 'measure' }, { type: 'toggle', mode: 'author' }).mode).toBe(
      'author',
    );
  });
  it('measures between two points; a third starts again', () => {
    const measure = { type: 'toggle', mode: 'measure' } as const;
    const two = run(measure, { type: 'measure', point: a }, { type: 'measure', point: b });
    expect(two.measure).toEqual([a, b]);
    expect(modeReducer(two, { type: 'measure', point: c }).measure).toEqual([c]);
  });
  it('clears the points with the measure button, but not with Escape', () => {
    const measured = run({ type: 'toggle', mode: 'measure' }, { type: 'measure', point: a });
    expect(modeReducer(measured, { type: 'toggle', mode: 'measure' }).measure).toEqual([]);
    expect(modeReducer(measured, { type: 'leave' })).toEqual({ mode: 'view', measure: [a] });
  });
});
