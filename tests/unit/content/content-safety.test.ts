import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { htmlToHast, markdownToHtml } from 'satteri';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBody } from '../../../src/lib/content-safety/body.ts';
import { escapeMarkdownText } from '../../../src/lib/content-safety/markdown-text.ts';
import { bodyImageFileProblems } from '../../../src/lib/content-safety/media.ts';
import { contentSafety } from '../../../src/lib/content-safety/plugin.ts';
import { isSafeLink } from '../../../src/lib/content-safety/urls.ts';
import { schemas } from '../../../src/schemas/index.ts';

const md = (text: string) => checkBody(text, 'md').problems.map((p) => p.en);
const mdx = (text: string) => checkBody(text, 'mdx').problems.map((p) => p.en);

/** Every element name and attribute in some HTML, as the browser's parser reads it. */
function elementsIn(html: string): string[] {
  const found: string[] = [];
  const walk = (node: { type: string; tagName?: string; properties?: object; children?: [] }) => {
    if (node.type === 'element')
      found.push([node.tagName, ...Object.keys(node.properties ?? {})].join(' '));
    (node.children ?? []).forEach(walk);
  };
  walk(htmlToHast(html, { fragment: true }) as Parameters<typeof walk>[0]);
  return found;
}

describe('isSafeLink', () => {
  it('allows web addresses and links inside the site', () => {
    for (const url of [
      'https://www.ihchina.cn/project.html',
      'HTTP://example.org',
      '/works/guangcai-bowl/',
      '../crafts/',
      '#notes',
      '?q=广彩',
      'detail.jpg',
    ])
      expect(isSafeLink(url), url).toBe(true);
  });

  it('refuses javascript:, data: and vbscript:, however they are written', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'jav&#x61;script:alert(1)',
      'javascript&#58;alert(1)',
      'javascript&colon;alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      ' \u0001javascript:alert(1)',
      'java\u200bscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'mailto:someone@example.org',
    ])
      expect(isSafeLink(url), JSON.stringify(url)).toBe(false);
  });
});

describe('record schemas', () => {
  const work = {
    id: 'BGW-000001',
    title: { zh: '碗', en: 'Bowl' },
    category: 'ceramics',
    period: 'qing',
    date: { start: 1736, end: 1795 },
    materials: ['porcelain'],
    rights: { license: 'CC0-1.0', holder: 'x', credit: 'x' },
    references: [{ title: 'x' }],
    added: '2026-11-30',
  };
  const urlIssues = (data: object) =>
    (schemas.works.safeParse({ ...work, ...data }).error?.issues ?? []).map((i) =>
      i.path.join('.'),
    );

  it('refuse a javascript: or data: address in references[].url and holding.url', () => {
    expect(urlIssues({ references: [{ title: 'x', url: 'javascript:alert(1)' }] })).toEqual([
      'references.0.url',
    ]);
    expect(urlIssues({ references: [{ title: 'x', url: 'jav&#x61;script:alert(1)' }] })).toEqual([
      'references.0.url',
    ]);
    expect(
      urlIssues({ holding: { institution: { zh: '馆', en: 'Museum' }, url: 'data:text/html,x' } }),
    ).toEqual(['holding.url']);
  });

  it('accept https and http addresses', () => {
    expect(urlIssues({ references: [{ title: 'x', url: 'https://example.org/a' }] })).toEqual([]);
    expect(
      urlIssues({ holding: { institution: { zh: '馆', en: 'Museum' }, url: 'http://x.org' } }),
    ).toEqual([]);
  });
});

describe('checkBody on Markdown (.md) records', () => {
  it('accepts the language blocks and Markdown of imported records', () => {
    expect(
      md(
        '<div lang="zh-Hans">\n\n**夜光杯雕** 是名录中的项目 <abbr title="x">VII</abbr>。\n\n</div>\n\n<div lang="en">\n\nSee [the list](https://www.ihchina.cn/) and [notes](#n).\n\n</div>\n',
      ),
    ).toEqual([]);
  });

  it('refuses raw <script>, <iframe> and event handlers', () => {
    expect(md('<script>alert(1)</script>\n')).toEqual(['<script> is not allowed in records']);
    expect(md('Text <iframe src="javascript:alert(1)"></iframe>\n')).toEqual([
      '<iframe> is not allowed in records',
    ]);
    expect(md('<img src=x.png onerror=alert(1)>\n')).toEqual([
      '<img> has an event handler "onerror"',
    ]);
    expect(md('<svg><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>\n')).toEqual(
      expect.arrayContaining(['<svg> is not allowed in records']),
    );
  });

  it('reads the body trimmed, as Astro renders it, with lines counted in the file', () => {
    // untrimmed, the first line would be an indented code block; Astro trims it into raw HTML
    expect(checkBody('\n\n    <script>alert(1)</script>\n', 'md', 10).problems).toMatchObject([
      { line: 12, en: '<script> is not allowed in records' },
    ]);
  });

  it('refuses attributes that are not on the list, such as style or class', () => {
    expect(md('<span style="position:fixed">x</span>\n')).toEqual([
      '<span> may not have the attribute "style"',
    ]);
  });

  it('refuses raw HTML that is left open and would swallow the Markdown after it', () => {
    // the browser would read the paragraph after the blank line as the rest of the tag
    expect(md('<div>\n<a title="x\n\nbar" onmouseover="alert(1)">\n')).toEqual([
      expect.stringMatching(/is not complete/),
    ]);
    expect(md('<!-- a comment left open\n\ntext\n')).toEqual([
      expect.stringMatching(/not complete/),
    ]);
  });

  it('refuses javascript: in Markdown links, autolinks, definitions and raw HTML links', () => {
    for (const body of [
      '[x](javascript:alert(1))\n',
      '[x](jav&#x61;script:alert(1))\n',
      '<javascript:alert(1)>\n',
      '[x][r]\n\n[r]: javascript:alert(1)\n',
      '<a href="jav&#x61;script&colon;alert(1)">x</a>\n',
      '<a href="java&#9;script:alert(1)">x</a>\n',
      '[x](data:text/html;base64,PHNjcmlwdD4=)\n',
    ])
      expect(md(body), body).toEqual([expect.stringMatching(/not a web address/)]);
  });
});

describe('checkBody on MDX records', () => {
  it('refuses javascript: in Markdown links and in JSX <a href>, entity-obfuscated too', () => {
    for (const body of [
      '[x](javascript:alert(1))\n',
      '<a href="javascript:alert(1)">x</a>\n',
      '<a href="jav&#x61;script:alert(1)">x</a>\n',
      '<a href="javascript&#58;alert(1)">x</a>\n',
    ])
      expect(mdx(body), body).toEqual([expect.stringMatching(/not a web address/)]);
  });

  it('refuses code hidden between two comments in braces', () => {
    expect(mdx('{/* a */ process.exit(1) /* b */}\n')).toEqual([
      expect.stringMatching(/expressions run code/),
    ]);
    expect(mdx('{/* a note */}\n\n{/* two */ /* notes */}\n')).toEqual([]);
  });
});

describe('images in a body', () => {
  it('must be raster files in the record folder, outside _ and . folders', () => {
    const refused = {
      './_private/evil.svg': /outside the record's folder or in a hidden folder/,
      '_private/photo.jpg': /hidden folder/,
      '.cache/photo.jpg': /hidden folder/,
      '%5Fprivate/photo.jpg': /hidden folder/,
      '../other-work/photo.jpg': /outside the record's folder/,
      'evil.svg': /is an SVG/,
      'EVIL.SVG': /is an SVG/,
      '/favicon.svg': /not a file in the record's folder/,
      'https://example.org/photo.jpg': /not a file in the record's folder/,
      'photo.jpg?raw': /not a file in the record's folder/,
      'notes.html': /is not one of/,
    };
    for (const [src, message] of Object.entries(refused)) {
      expect(md(`![x](${src})\n`), src).toEqual([expect.stringMatching(message)]);
      expect(mdx(`![x](${src})\n`), src).toEqual([expect.stringMatching(message)]);
    }
    expect(md('![x][i]\n\n[i]: _private/evil.svg\n')).toEqual([
      expect.stringMatching(/hidden folder/),
    ]);
    expect(md('<img src="_private/evil.svg" alt="x">\n')).toEqual([
      expect.stringMatching(/hidden folder/),
    ]);
  });

  it('are collected for the file check when they pass the rule', () => {
    expect(checkBody('![x](detail-1.jpg)\n\n![y](media/scan.tif)\n', 'md', 10).images).toEqual([
      { src: 'detail-1.jpg', line: 10 },
      { src: 'media/scan.tif', line: 12 },
    ]);
  });

  describe('on disk', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'bg-safety-'));
      mkdirSync(join(dir, 'record', '_private'), { recursive: true });
      writeFileSync(join(dir, 'record', '_private', 'evil.svg'), '<svg onload="alert(1)"/>');
      writeFileSync(join(dir, 'outside.jpg'), 'x');
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('must exist, and a link must not lead to a hidden folder or out of the record', () => {
      const record = join(dir, 'record');
      symlinkSync(join(record, '_private', 'evil.svg'), join(record, 'photo.jpg'));
      symlinkSync(join(dir, 'outside.jpg'), join(record, 'other.jpg'));
      const problems = bodyImageFileProblems(record, [
        { src: 'photo.jpg', line: 3 },
        { src: 'other.jpg', line: 4 },
        { src: 'missing.jpg', line: 5 },
      ]).map((p) => [p.line, p.en]);
      expect(problems).toEqual([
        [3, expect.stringMatching(/link to "_private\/evil.svg".*hidden folder/)],
        [4, expect.stringMatching(/link to "..\/outside.jpg".*outside the record's folder/)],
        [5, 'the image "missing.jpg" does not exist'],
      ]);
    });
  });
});

describe('escapeMarkdownText', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<img src=x onerror=alert(1)>',
    '[click](javascript:alert(1))',
    '![x](_private/evil.svg)',
    '&lt;script&gt;',
    '`code` *em* _em_ ~~del~~',
    '# heading',
    '- item',
    '1. item',
    'line one\n\n<div onclick="alert(1)">',
  ];

  it('turns hostile source values into text that renders as itself', () => {
    for (const value of hostile) {
      const html = markdownToHtml(`**Credit line**: ${escapeMarkdownText(value)}`).html;
      expect(elementsIn(html), value).toEqual(['p', 'strong']);
      expect(htmlToText(html)).toBe(`Credit line: ${value.replace(/\s*\n+\s*/g, ' ')}`);
    }
  });

  it('leaves ordinary values as they are', () => {
    expect(escapeMarkdownText('Gift of Mr. and Mrs. Charles B. Miller')).toBe(
      'Gift of Mr. and Mrs. Charles B. Miller',
    );
    expect(escapeMarkdownText('76.513A-B')).toBe('76.513A-B');
    expect(escapeMarkdownText('H: 3 3/8 in. |  Diam: 5 7/8 in.')).toBe(
      'H: 3 3/8 in. |  Diam: 5 7/8 in.',
    );
  });
});

function htmlToText(html: string): string {
  const text: string[] = [];
  const walk = (node: { type: string; value?: string; children?: [] }) => {
    if (node.type === 'text') text.push(node.value ?? '');
    (node.children ?? []).forEach(walk);
  };
  walk(htmlToHast(html, { fragment: true }) as Parameters<typeof walk>[0]);
  return text.join('').trim();
}

describe('the content-safety plugin in Astro’s Markdown and MDX processor', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bg-plugin-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const processor = satteri({ mdastPlugins: [contentSafety] });
  const compileMdx = async (body: string, frontmatter: Record<string, unknown> = {}) => {
    const file = join(dir, 'index.mdx');
    writeFileSync(file, body);
    const renderer = await processor.createMdxRenderer!(
      {},
      { optimize: false, srcDir: pathToFileURL(dir + '/'), sourcemap: false },
    );
    return renderer.process(body, file, frontmatter);
  };

  it('refuses an MDX body with import/export or {expressions} before it becomes JavaScript', async () => {
    const body = "export const a = 1\n\nimport fs from 'node:fs'\n\n{fs.writeFileSync('x', 'y')}\n";
    const refused = compileMdx(body);
    await expect(refused).rejects.toThrow(/index\.mdx:1: \(body\): import\/export/);
    await expect(refused).rejects.toThrow(/index\.mdx:5: \(body\): \{…\} expressions run code/);
  });

  it('refuses an MDX record that names a layout, which Astro would import and run', async () => {
    await expect(compileMdx('text\n', { layout: './evil.mjs' })).rejects.toThrow(
      /layout: a record may not name a layout/,
    );
  });

  it('compiles an allowed MDX body', async () => {
    const result = await compileMdx('<Zh>\n\n中文 <abbr title="x">y</abbr>\n\n</Zh>\n');
    expect(result.code).toContain('MDXContent');
  });

  it('refuses raw HTML in a Markdown body and names the file line', async () => {
    const file = join(dir, 'index.md');
    writeFileSync(file, '---\nid: x\n---\n\n<div lang="en">\n\n<script>alert(1)</script>\n');
    const renderer = await processor.createRenderer({});
    const render = (body: string) => renderer.render(body, { fileURL: pathToFileURL(file) });
    await expect(render('<div lang="en">\n\n<script>alert(1)</script>')).rejects.toThrow(
      /index\.md:7: \(body\): <script> is not allowed in records/,
    );
    await expect(render('<div lang="en">\n\nText.\n\n</div>')).resolves.toMatchObject({
      code: expect.stringContaining('<p>Text.</p>'),
    });
  });
});
