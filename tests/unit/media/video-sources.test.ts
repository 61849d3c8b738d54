import { describe, expect, it } from 'vitest';
import { clockTime } from '../../../src/lib/media/clock.ts';
import { NARROW, videoSources, WIDE } from '../../../src/lib/media/video-sources.ts';

const rendition = (height: number) => ({
  url: `/m/f-${String(height)}p.mp4`,
  width: Math.round((height * 16) / 9),
  height,
  bytes: height * 1000,
});

/** Which source a browser plays at a screen width: the first whose media query matches. */
function chosen(sources: ReturnType<typeof videoSources>, width: number): number | undefined {
  const matches = (media?: string) =>
    media === undefined || (media === NARROW && width <= 600) || (media === WIDE && width >= 1400);
  return sources.find((s) => matches(s.media))?.height;
}

describe('video sources', () => {
  it('always end with a source every screen plays', () => {
    for (const heights of [[720], [720, 480], [1080, 720, 480]]) {
      const sources = videoSources(heights.map(rendition));
      expect(sources.at(-1)?.media).toBeUndefined();
      for (const width of [360, 800, 1280, 1920]) expect(chosen(sources, width)).toBeDefined();
    }
  });
  it('give phones the smallest, wide screens the largest and the rest the middle version', () => {
    const three = videoSources([480, 1080, 720].map(rendition));
    expect([360, 1280, 1920].map((w) => chosen(three, w))).toEqual([480, 720, 1080]);
    const two = videoSources([720, 480].map(rendition));
    expect([360, 1280, 1920].map((w) => chosen(two, w))).toEqual([480, 720, 720]);
    expect(videoSources([rendition(480)])).toEqual([rendition(480)]);
    expect(videoSources([])).toEqual([]);
  });
});

describe('clock time', () => {
  it('reads as minutes and seconds, with hours when the film is that long', () => {
    expect([0, 6, 59.9, 61, 600, 3599, 3600, 3723].map(clockTime)).toEqual([
      '0:00',
      '0:06',
      '0:59',
      '1:01',
      '10:00',
      '59:59',
      '1:00:00',
      '1:02:03',
    ]);
  });
});
