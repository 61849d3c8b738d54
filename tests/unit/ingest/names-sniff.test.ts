import { describe, expect, it } from 'vitest';
import { assignStems, urlSafeName } from '../../../scripts/lib/ingest/names.ts';
import {
  BadInputError,
  checkImageContent,
  sniff,
  svgProblems,
} from '../../../scripts/lib/ingest/sniff.ts';
import { ladderFor } from '../../../scripts/lib/ingest/images.ts';

describe('URL-safe output names', () => {
  it('turns Chinese characters into pinyin and spaces into hyphens', () => {
    expect(urlSafeName('青花 瓷盘 (正面)')).toBe('qing-hua-ci-pan-zheng-mian');
    expect(urlSafeName('Front view 2')).toBe('front-view-2');
    expect(urlSafeName('Café crème')).toBe('cafe-creme');
  });

  it('falls back to a stable hash when nothing readable remains', () => {
    expect(urlSafeName('★★')).toMatch(/^f-[0-9a-f]{8}$/);
    expect(urlSafeName('★★')).toBe(urlSafeName('★★'));
  });

  it('gives colliding names distinct stems', () => {
    const stems = assignStems(['a b.jpg', 'a-b.jpg', 'a b.png', 'photos/a b.jpg']);
    expect(new Set(stems.values()).size).toBe(4);
    expect(stems.get('photos/a b.jpg')).toBe('photos-a-b');
  });
});

describe('content sniffing', () => {
  it('recognises formats by their signature, not their extension', () => {
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniff(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'))).toBe('png');
    expect(sniff(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBe('webp');
    expect(sniff(Buffer.from('\0\0\0\x1cftypavif', 'latin1'))).toBe('avif');
    expect(sniff(Buffer.from('\0\0\0\x18ftypheic', 'latin1'))).toBe('heic');
    expect(sniff(Buffer.from('<?xml version="1.0"?><svg xmlns="x">'))).toBe('svg');
    expect(sniff(Buffer.from('hello world'))).toBe('text');
  });

  it('rejects empty, text, unsupported and unknown content with a curator-facing message', () => {
    expect(() => checkImageContent('jpg', 0, Buffer.alloc(0))).toThrow(BadInputError);
    expect(() => checkImageContent('jpg', 5, Buffer.from('notes'))).toThrow(/text file/);
    expect(() => checkImageContent('jpg', 10, Buffer.from('BM\0\0\0\0\0\0\0\0'))).toThrow(/BMP/);
    expect(() => checkImageContent('png', 4, Buffer.from([1, 2, 3, 0]))).toThrow(/unrecognised/);
  });

  it('warns but continues when the extension and a supported content disagree', () => {
    const png = Buffer.from('\x89PNG\r\n\x1a\n', 'latin1');
    expect(checkImageContent('jpg', 100, png)).toEqual({
      format: 'png',
      warning: 'extension .jpg but the content is PNG; processed as PNG',
    });
  });
});

describe('SVG safety', () => {
  it('finds scripts, handlers, javascript: URLs, foreignObject, entities and external refs', () => {
    const svg = `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <svg onclick="x()"><script/><foreignObject/><a href="javascript:alert(1)"/>
      <use href="https://evil.example/s.svg#a"/><rect style="fill:url(http://x/y)"/></svg>`;
    const problems = svgProblems(svg).join(' | ');
    for (const part of [
      '<script>',
      'onclick',
      'javascript:',
      'foreignObject',
      'DTD entity',
      'evil.example',
      'http://x/y',
    ]) {
      expect(problems).toContain(part);
    }
  });

  it('accepts internal references and embedded raster data', () => {
    const svg = `<svg><defs><linearGradient id="g"/></defs><rect fill="url(#g)"/>
      <use href="#g"/><image href="data:image/png;base64,AAAA"/></svg>`;
    expect(svgProblems(svg)).toEqual([]);
  });
});

describe('derivative width ladder', () => {
  const ladder = [320, 640, 960, 1280, 1920, 2560];
  it('stops at the top rung for large images', () => {
    expect(ladderFor(4000, ladder)).toEqual(ladder);
  });
  it('adds the original width below the top rung and never upscales', () => {
    expect(ladderFor(1000, ladder)).toEqual([320, 640, 960, 1000]);
    expect(ladderFor(960, ladder)).toEqual([320, 640, 960]);
    expect(ladderFor(200, ladder)).toEqual([200]);
  });

  it('leaves out a rung just below the original width when asked to', () => {
    expect(ladderFor(1000, ladder, 0.1)).toEqual([320, 640, 1000]);
    expect(ladderFor(1100, ladder, 0.1)).toEqual([320, 640, 960, 1100]);
    expect(ladderFor(4000, ladder, 0.1)).toEqual(ladder);
  });
});
