import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hotspot, tourStep } from '../../../src/schemas/common.ts';
import {
  hotspotYaml,
  nextHotspotId,
  normalize,
  tourStepYaml,
} from '../../../src/lib/viewer/authoring.ts';
import { stepDuration, tourInitial, tourReducer } from '../../../src/lib/viewer/tour.ts';
import { viewerProps } from '../../../src/lib/viewer/props.ts';

const camera = {
  position: [0.123456, 0.2, 0.3] as [number, number, number],
  target: [0, 0.1, 0] as [number, number, number],
};

describe('authoring snippets', () => {
  it('writes a hotspot that parses and passes the schema', () => {
    const text = hotspotYaml({
      id: 'point-1',
      position: [0.01, 0.02, 0.030004],
      normal: [0, 0, 2],
      camera,
    });
    const parsed = parse(`hotspots:\n${text}`) as { hotspots: unknown[] };
    const h = hotspot.parse(parsed.hotspots[0]);
    expect(h.position).toEqual([0.01, 0.02, 0.03]);
    expect(h.normal).toEqual([0, 0, 1]);
    expect(h.camera?.position).toEqual([0.1235, 0.2, 0.3]);
  });
  it('writes a tour step that passes the schema', () => {
    const text = tourStepYaml({ camera, lighting: 'raking', hotspot: 'lid' });
    const parsed = parse(`tour:\n${text}`) as { tour: unknown[] };
    const step = tourStep.parse(parsed.tour[0]);
    expect(step.lighting).toBe('raking');
    expect(step.hotspot).toBe('lid');
  });
  it('finds a free hotspot id', () => {
    expect(nextHotspotId(['a', 'b'])).toBe('point-3');
    expect(nextHotspotId(['point-1'])).toBe('point-2');
    expect(nextHotspotId(['x', 'point-2'])).toBe('point-3');
  });
  it('normalises vectors', () => {
    expect(normalize([3, 0, 4])).toEqual([0.6, 0, 0.8]);
    expect(normalize([0, 0, 0])).toEqual([0, 0, 0]);
  });
});

describe('tour', () => {
  const reduce = tourReducer(3);
  it('starts, steps and stays within the steps', () => {
    let s = reduce(tourInitial, { type: 'start' });
    expect(s.index).toBe(0);
    s = reduce(s, { type: 'previous' });
    expect(s.index).toBe(0);
    s = reduce(reduce(reduce(s, { type: 'next' }), { type: 'next' }), { type: 'next' });
    expect(s.index).toBe(2);
    expect(reduce(s, { type: 'goto', index: 1 }).index).toBe(1);
    expect(reduce(s, { type: 'stop' })).toEqual(tourInitial);
  });
  it('autoplays to the end and stops there', () => {
    let s = reduce(tourInitial, { type: 'play' });
    expect(s).toEqual({ index: 0, playing: true });
    s = reduce(reduce(s, { type: 'tick' }), { type: 'tick' });
    expect(s).toEqual({ index: 2, playing: true });
    s = reduce(s, { type: 'tick' });
    expect(s).toEqual({ index: 2, playing: false });
    // Play again from the last step starts over.
    expect(reduce(s, { type: 'play' }).index).toBe(0);
    expect(reduce({ index: 1, playing: false }, { type: 'tick' }).index).toBe(1);
  });
  it('does nothing without steps', () => {
    expect(tourReducer(0)(tourInitial, { type: 'next' })).toEqual(tourInitial);
  });
  it('gives longer texts more time', () => {
    expect(stepDuration('短')).toBe(5000);
    expect(stepDuration('字'.repeat(60))).toBeGreaterThan(stepDuration('字'.repeat(20)));
  });
});

describe('viewerProps', () => {
  it('picks the page language and keeps only what the island needs', () => {
    const props = viewerProps({
      model: {
        alt: { zh: '模型', en: 'Model' },
        hotspots: [
          {
            id: 'a',
            position: [0, 0, 0],
            normal: [0, 1, 0],
            title: { zh: '甲', en: 'A' },
            text: { zh: '说明', en: 'Text' },
          },
        ],
        tour: [{ hotspot: 'a', text: { zh: '第一步', en: 'Step one' } }],
      },
      entry: {
        url: '/m.glb',
        bytesAfter: 10,
        triangles: 2,
        bbox: { min: [0, 0, 0], max: [1, 0, 1], size: [1, 0, 1] },
        levels: [],
      },
      dimensions: { height: 10, weight: 5 } as never,
      lang: 'en',
      uid: 'mv-1',
    });
    expect(props.label).toBe('Model');
    expect(props.hotspots[0]).toEqual({
      id: 'a',
      position: [0, 0, 0],
      normal: [0, 1, 0],
      title: 'A',
      text: 'Text',
    });
    expect(props.tour[0]).toEqual({ hotspot: 'a', text: 'Step one' });
    expect(props.dimensions).toEqual({ height: 10 });
    // A flat box gets a small thickness so the camera maths never divides by zero.
    expect(props.bbox.size[1]).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(props))).toEqual(props);
  });
});
