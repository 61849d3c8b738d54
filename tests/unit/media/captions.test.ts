import { describe, expect, it } from 'vitest';
import {
  captionFileOf,
  captionsVtt,
  parseCaptions,
  traditionalCaptions,
  vttTime,
} from '../../../src/lib/media/captions.ts';

const good = `WEBVTT

intro
00:00:01.000 --> 00:00:03.500
先描<b>广彩</b>图案
<ruby>填<rt>tián</rt></ruby>色

00:04.000 --> 00:06.000 line:90%
<v 师傅>然后入炉烤花 <script>alert(1)</script>
`;

describe('captions', () => {
  it('names the master and the language from the file name', () => {
    expect(captionFileOf('steps.zh-Hans.vtt')).toEqual({ stem: 'steps', language: 'zh-Hans' });
    expect(captionFileOf('film.part.en.vtt')).toEqual({ stem: 'film.part', language: 'en' });
    expect(captionFileOf('steps.fr.vtt')).toBeUndefined();
    expect(captionFileOf('steps.vtt')).toBeUndefined();
  });

  it('reads cues as plain text: markup, ruby readings and would-be HTML never pass through', () => {
    const { captions, problems } = parseCaptions(good, 10);
    // a tag WebVTT does not have is reported (and its text kept as text)
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [10, 'Incorrect start tag.'],
      [10, 'Incorrect end tag.'],
    ]);
    expect(captions).toEqual([
      { start: 1, end: 3.5, text: '先描广彩图案 填色' },
      { start: 4, end: 6, text: '然后入炉烤花 alert(1)' },
    ]);
  });

  it('reports each problem at its line', () => {
    const bad = [
      'WEBVTT',
      '',
      '00:00:05.000 --> 00:00:06.000',
      'second',
      '',
      '00:00:01.000 --> 00:00:02.000',
      'first, but below',
      '',
      '00:00:0x.000 --> 00:00:07.000',
      'broken time',
      '',
      '00:00:08.000 --> 00:00:30.000',
      'past the end',
      '',
    ].join('\n');
    expect(parseCaptions(bad, 20).problems).toEqual([
      {
        line: 6,
        message: expect.stringMatching(/greater than or equal to start timestamp of previous/),
      },
      { line: 9, message: expect.stringMatching(/two digits/) },
      { line: 12, message: expect.stringMatching(/after the film/) },
    ]);
    expect(parseCaptions('just text\n').problems[0]?.message).toMatch(/WEBVTT/);
  });

  it('makes traditional-script captions that read back as valid WebVTT', () => {
    const { captions } = parseCaptions(good);
    const traditional = traditionalCaptions(captions);
    expect(traditional[0]?.text).toBe('先描廣彩圖案 填色');
    const vtt = captionsVtt([...traditional, { start: 3600.25, end: 3601, text: 'a < b & c' }]);
    const again = parseCaptions(vtt);
    expect(again.problems).toEqual([]);
    expect(again.captions.map((c) => [c.start, c.end])).toEqual([
      [1, 3.5],
      [4, 6],
      [3600.25, 3601],
    ]);
    expect(again.captions[2]?.text).toBe('a < b & c');
  });

  it('writes times as WebVTT does', () => {
    expect(vttTime(93.5)).toBe('01:33.500');
    expect(vttTime(3723.004)).toBe('01:02:03.004');
  });
});
