import { describe, expect, it } from 'vitest';
import {
  colourDifference,
  hexOf,
  nearestNamed,
  oklabOf,
  rgbOfOklab,
} from '../../../src/lib/colour/colour.ts';
import { objectMask } from '../../../src/lib/colour/object-mask.ts';

describe('colour science through culori', () => {
  it('measures differences with CIEDE2000: none, barely visible, opposite', () => {
    expect(colourDifference('#8fb59f', '#8fb59f')).toBe(0);
    expect(colourDifference('#808080', '#818181')).toBeLessThan(1);
    expect(colourDifference('#000000', '#ffffff')).toBeCloseTo(100, 0);
    expect(colourDifference('#ed4a2a', '#9d2933')).toBeCloseTo(
      colourDifference('#9d2933', '#ed4a2a'),
      6,
    );
  });

  it('goes to OKLab and back', () => {
    const [l, a, b] = oklabOf([255, 255, 255]);
    expect(l).toBeCloseTo(1, 3);
    expect(Math.abs(a) + Math.abs(b)).toBeLessThan(1e-3);
    expect(hexOf(rgbOfOklab(oklabOf([143, 181, 159])))).toBe('#8fb59f');
  });

  it('names a colour by the least difference', () => {
    const named = [
      { hex: '#ed4a2a', zh: '朱红' },
      { hex: '#8fb59f', zh: '青瓷绿' },
      { hex: '#177cb0', zh: '靛青' },
    ];
    expect(nearestNamed('#93b8a0', named).zh).toBe('青瓷绿');
    expect(nearestNamed('#e04830', named).zh).toBe('朱红');
    expect(() => nearestNamed('#000000', [])).toThrow('no named colours');
  });
});

describe('the object mask', () => {
  const lab = oklabOf([200, 60, 40]);
  it('takes transparent pixels for background', () => {
    // a 5×5 cut-out: the middle 3×3 opaque
    const pixels = Array.from({ length: 25 }, (_, i) => {
      const x = i % 5;
      const y = Math.floor(i / 5);
      return x > 0 && x < 4 && y > 0 && y < 4 ? lab : undefined;
    });
    const found = objectMask(pixels, 5, 5);
    expect(found?.share).toBeCloseTo(9 / 25, 6);
    expect([...found!.mask].filter((m) => m === 1)).toHaveLength(9);
  });
  it('has no mask for a picture of one colour', () => {
    expect(
      objectMask(
        Array.from({ length: 25 }, () => lab),
        5,
        5,
      ),
    ).toBeUndefined();
  });
});
