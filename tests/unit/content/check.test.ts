import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../../scripts/lib/check.ts';
import { checkMdxBody } from '../../../scripts/lib/mdx-check.ts';
import { formatProblem, type Problem } from '../../../scripts/lib/problems.ts';
import { validCluster, validCraft, validWork } from '../../fixtures/content/records.ts';

const repo = resolve(import.meta.dirname, '../../..');
let root: string;

function write(path: string, text: string | Buffer): void {
  const full = join(root, 'content', path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
}

function seed(): void {
  write('works/guangcai-bowl/index.mdx', validWork);
  write('crafts/guangcai/index.mdx', validCraft);
  write('clusters/guangzhou/index.mdx', validCluster);
}

function problems(): Problem[] {
  return checkContent(root).problems.filter((p) => !p.warning);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bg-check-'));
  seed();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('checkContent', () => {
  it('accepts the valid fixture records', () => {
    expect(problems()).toEqual([]);
  });

  it('checks captions beside a film: their name and their WebVTT, at the line', () => {
    write('crafts/guangcai/steps.mp4', Buffer.from('a film'));
    write('crafts/guangcai/steps.zh-Hans.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n上彩\n');
    write('crafts/guangcai/steps.en.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nPainting\n');
    write('crafts/guangcai/lost.en.vtt', 'WEBVTT\n');
    write('crafts/guangcai/steps.vtt', 'WEBVTT\n');
    expect(problems().map((p) => [p.file, p.line, p.en])).toEqual([
      [
        'content/crafts/guangcai/lost.en.vtt',
        undefined,
        expect.stringMatching(/no film or recording named lost/),
      ],
      ['content/crafts/guangcai/steps.en.vtt', 3, expect.stringMatching(/two digits/)],
      [
        'content/crafts/guangcai/steps.vtt',
        undefined,
        expect.stringMatching(/is named <film>\.zh-Hans\.vtt/),
      ],
    ]);
  });

  it('refuses a step clip of a film the record does not list under films', () => {
    write('crafts/guangcai/steps.mp4', Buffer.from('a film'));
    const step = (film: string) =>
      `steps: [{ title: { zh: 上彩, en: Painting }, text: { zh: 上彩。, en: Painting. }, clip: { film: ${film}, start: 0, end: 5 } }]\n`;
    const films =
      'films: [{ file: steps.mp4, title: { zh: 工序, en: Steps }, rights: { license: CC-BY-4.0, holder: 百工·云, credit: 百工·云 } }]\n';
    write('crafts/guangcai/index.mdx', validCraft.replace('added:', `${step('steps.mp4')}added:`));
    expect(problems().map((p) => [p.field, p.en])).toEqual([
      ['steps.0.clip.film', 'steps.mp4 is not listed under films'],
    ]);
    write(
      'crafts/guangcai/index.mdx',
      validCraft.replace('added:', `${step('steps.mp4')}${films}added:`),
    );
    expect(problems()).toEqual([]);
  });

  it('lists each review note of a work as a warning, not an error', () => {
    const review = [
      'review:',
      '  - field: period',
      '    note:',
      '      zh: 中文图注称“清”，但嘉靖是明代年号',
      '      en: The Chinese caption names the Qing, but Jiajing is a Ming reign',
      'added:',
    ].join('\n');
    write('works/guangcai-bowl/index.mdx', validWork.replace(/^added:/m, review));
    const all = checkContent(root).problems;
    expect(problems()).toEqual([]);
    expect(all).toEqual([
      expect.objectContaining({
        field: 'review.0',
        warning: true,
        en: 'needs review (period): The Chinese caption names the Qing, but Jiajing is a Ming reign',
        zh: '待核（period）：中文图注称“清”，但嘉靖是明代年号',
      }),
    ]);
    expect(formatProblem(all[0]!)).toMatch(
      /^content\/works\/guangcai-bowl\/index\.mdx: warning: review\.0: /,
    );
  });

  it('reports malformed YAML with its line', () => {
    write(
      'works/guangcai-bowl/index.mdx',
      validWork.replace('category: ceramics', 'category: [ceramics'),
    );
    const [problem] = problems();
    expect(problem?.field).toBe('(YAML)');
    expect(problem?.en).toMatch(/malformed YAML/);
    expect(problem?.line).toBeGreaterThan(1);
  });

  it('reports a wrong type with the field and line', () => {
    write('works/guangcai-bowl/index.mdx', validWork.replace('start: 1736', 'start: "about 1740"'));
    const [problem] = problems();
    expect(problem?.field).toBe('date.start');
    expect(problem?.en).toMatch(/expected number/);
    expect(problem?.line).toBe(8);
  });

  it('reports an unknown vocabulary term and lists the allowed ones', () => {
    write(
      'works/guangcai-bowl/index.mdx',
      validWork.replace('[porcelain, enamel]', '[porcelain, plastic]'),
    );
    const [problem] = problems();
    expect(problem?.field).toBe('materials.1');
    expect(problem?.en).toBe('unknown term "plastic"');
    expect(problem?.fix).toMatch(/porcelain/);
  });

  it('reports a missing required field', () => {
    write('works/guangcai-bowl/index.mdx', validWork.replace('category: ceramics\n', ''));
    expect(problems()).toMatchObject([{ field: 'category', en: 'required field is missing' }]);
  });

  it('reports a media file that does not exist', () => {
    write(
      'works/guangcai-bowl/index.mdx',
      validWork.replace(
        'added: 2026-11-30',
        `images:\n  - file: photo-1.jpg\n    alt: { zh: 碗, en: Bowl }\n    rights: { license: CC0-1.0, holder: x, credit: x }\nadded: 2026-11-30`,
      ),
    );
    expect(problems()).toMatchObject([
      { field: 'images.0.file', en: 'media file "photo-1.jpg" does not exist' },
    ]);
  });

  it('rejects a media path that leaves the record folder', () => {
    write(
      'works/guangcai-bowl/index.mdx',
      validWork.replace(
        'added: 2026-11-30',
        `images:\n  - file: ../other/photo.jpg\n    alt: { zh: 碗, en: Bowl }\n    rights: { license: CC0-1.0, holder: x, credit: x }\nadded: 2026-11-30`,
      ),
    );
    const [problem] = problems();
    expect(problem?.field).toBe('images.0.file');
    expect(problem?.en).toMatch(/inside the record's own folder/);
  });

  it('requires alt text in both languages for every image', () => {
    write('works/guangcai-bowl/photo.jpg', 'x');
    write(
      'works/guangcai-bowl/index.mdx',
      validWork.replace(
        'added: 2026-11-30',
        `images:\n  - file: photo.jpg\n    alt: { zh: 碗 }\n    rights: { license: CC0-1.0, holder: x, credit: x }\nadded: 2026-11-30`,
      ),
    );
    expect(problems()).toMatchObject([
      { field: 'images.0.alt.en', en: 'required field is missing' },
    ]);
  });

  it('rejects a cluster introduction over 300 characters', () => {
    write(
      'clusters/guangzhou/index.mdx',
      validCluster.replace('zh: 简介。', `zh: ${'工'.repeat(301)}`),
    );
    const [problem] = problems();
    expect(problem?.field).toBe('introduction.zh');
    expect(problem?.en).toMatch(/301 characters.*at most 300/);
  });

  it('rejects a cluster contact person with an explanation', () => {
    write(
      'clusters/guangzhou/index.mdx',
      validCluster.replace('added:', 'contactPerson: 张三\ncontactPhone: "020-12345678"\nadded:'),
    );
    const found = problems().map((p) => p.field);
    expect(found).toEqual(['contactPerson', 'contactPhone']);
    expect(problems()[0]?.en).toMatch(/not public content/);
  });

  it('reports duplicate IDs naming the first file', () => {
    write('works/copy/index.mdx', validWork);
    expect(problems()).toMatchObject([
      {
        file: 'content/works/guangcai-bowl/index.mdx',
        field: 'id',
        en: expect.stringMatching(/already used by content\/works\/copy/),
      },
    ]);
  });

  it('reports a reference to a record that does not exist', () => {
    write('works/guangcai-bowl/index.mdx', validWork.replace('[BGC-000001]', '[BGC-000099]'));
    expect(problems()).toMatchObject([
      { field: 'techniques.0', en: expect.stringMatching(/BGC-000099/) },
    ]);
  });

  it('reports a misspelt field name', () => {
    write('works/guangcai-bowl/index.mdx', validWork.replace('category:', 'catgory: x\ncategory:'));
    expect(problems()).toMatchObject([{ field: 'catgory', en: 'unknown field "catgory"' }]);
  });

  it('skips drafts whose folder starts with an underscore', () => {
    write('works/_draft/index.mdx', 'not even frontmatter');
    expect(problems()).toEqual([]);
  });

  it('rejects a heritage code that is not on the national list', () => {
    write('works/guangcai-bowl/index.mdx', validWork.replace('[VIII-97]', '[VIII-9999]'));
    expect(problems()).toMatchObject([
      { field: 'heritage.0', en: expect.stringMatching(/not a craft item on the national list/) },
    ]);
  });
});

describe('formatProblem', () => {
  it('prints file, line, field, both languages and the fix', () => {
    const line = formatProblem({
      file: 'content/works/a/index.mdx',
      line: 4,
      field: 'materials.0',
      en: 'bad',
      zh: '错',
      fix: 'fix it',
    });
    expect(line).toBe('content/works/a/index.mdx:4: materials.0: bad / 错 — fix it');
  });
});

describe('npm run check', () => {
  const run = () =>
    spawnSync(process.execPath, [join(repo, 'scripts/check-content.ts')], {
      env: { ...process.env, BAIGONG_ROOT: root },
      encoding: 'utf8',
    });

  it('exits 0 and prints a summary for valid content', () => {
    const result = run();
    expect(result.stdout).toMatch(/3 records checked: 0 error/);
    expect(result.status).toBe(0);
  });

  it('exits 1 with one line per problem and no stack trace', () => {
    write('works/guangcai-bowl/index.mdx', validWork.replace('[porcelain, enamel]', '[plastic]'));
    write('clusters/guangzhou/index.mdx', 'no frontmatter here');
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /content\/works\/guangcai-bowl\/index\.mdx:10: materials\.0: unknown term "plastic"/,
    );
    expect(result.stdout).toMatch(/content\/clusters\/guangzhou\/index\.mdx: \(frontmatter\)/);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('checkMdxBody', () => {
  const body = (text: string) => checkMdxBody(text, 20).problems;

  it('accepts Markdown, the allowed components and harmless HTML', () => {
    expect(
      body(
        '## 标题\n\n<Zh>\n\n中文 <abbr title="x">y</abbr>\n\n</Zh>\n\n<WorkCard id="BGW-000001" />\n\n{/* note */}\n',
      ),
    ).toEqual([]);
  });

  it('rejects import and export statements', () => {
    expect(body("import X from '../../x.astro'\n\ntext\n")).toMatchObject([
      { line: 20, en: expect.stringMatching(/import\/export/) },
    ]);
    expect(body('export const a = 1\n')).toHaveLength(1);
  });

  it('rejects expressions that would run code at build time', () => {
    expect(body('text\n\n{process.exit(1)}\n')).toMatchObject([
      { line: 22, en: expect.stringMatching(/expressions run code/) },
    ]);
    expect(body('inline {1 + 1} here\n')).toHaveLength(1);
  });

  it('rejects components that are not in src/components/mdx', () => {
    expect(body('<Danger />\n')).toMatchObject([
      { en: 'component <Danger> is not allowed in records' },
    ]);
  });

  it('rejects script elements and event handlers', () => {
    expect(body('<script>alert(1)</script>\n')).toMatchObject([
      { en: '<script> is not allowed in records' },
    ]);
    expect(body('<img src="a.png" onerror="alert(1)" />\n')).toMatchObject([
      { en: expect.stringMatching(/event handler/) },
    ]);
  });

  it('rejects expression attributes and unknown attributes', () => {
    expect(body('<WorkCard id={"BGW-000001"} />\n')).toMatchObject([
      { en: expect.stringMatching(/\{…\} attribute/) },
    ]);
    expect(body('<WorkCard id="BGW-000001" size="big" />\n')).toMatchObject([
      { en: '<WorkCard> has no attribute "size"' },
    ]);
  });

  it('reports a component without its required attribute', () => {
    expect(body('<Compare left="BGW-000001" />\n')).toMatchObject([
      { en: '<Compare> needs the attribute "right"' },
    ]);
  });

  it('reports a body that cannot be parsed, with its line', () => {
    const [problem] = body('text\n\n<Zh>\n\nunclosed\n');
    expect(problem?.en).toMatch(/cannot be read/);
  });

  it('collects the work IDs that components name', () => {
    expect(
      checkMdxBody('<Compare left="BGW-000001" right="BGW-000002" />\n', 5).references,
    ).toEqual([
      { component: 'Compare', attribute: 'left', id: 'BGW-000001', line: 5 },
      { component: 'Compare', attribute: 'right', id: 'BGW-000002', line: 5 },
    ]);
  });
});

describe('checkContent on bodies', () => {
  beforeEach(() => {
    rmSync(root, { recursive: true, force: true });
    root = mkdtempSync(join(tmpdir(), 'bg-check-'));
    seed();
  });

  it('reports a WorkCard naming a work that does not exist, with the file line', () => {
    write('works/guangcai-bowl/index.mdx', `${validWork}\n<WorkCard id="BGW-000042" />\n`);
    expect(problems()).toMatchObject([
      { field: '(body)', line: 22, en: expect.stringMatching(/BGW-000042/) },
    ]);
  });

  it('reports Model3D on a work without a model', () => {
    write('works/guangcai-bowl/index.mdx', `${validWork}\n<Model3D work="BGW-000001" />\n`);
    expect(problems()).toMatchObject([{ en: expect.stringMatching(/without a 3D model/) }]);
  });
});

describe('checkContent on figures', () => {
  beforeEach(() => {
    rmSync(root, { recursive: true, force: true });
    root = mkdtempSync(join(tmpdir(), 'bg-check-'));
    seed();
  });

  it('reports a Figure naming an image the work does not list', () => {
    write(
      'works/guangcai-bowl/index.mdx',
      `${validWork}\n<Figure work="BGW-000001" file="detail.png" />\n`,
    );
    expect(problems()).toMatchObject([
      { field: '(body)', en: expect.stringMatching(/detail\.png.*not among the images/) },
    ]);
  });
});

describe('checkContent on unsafe content', () => {
  beforeEach(() => {
    rmSync(root, { recursive: true, force: true });
    root = mkdtempSync(join(tmpdir(), 'bg-check-'));
    seed();
  });

  /** The work as an imported Markdown record, with `body` after the frontmatter. */
  const markdownWork = (body: string) =>
    validWork.replace(/\n---\n[\s\S]*$/, `\n---\n\n<div lang="en">\n\n${body}\n\n</div>\n`);

  it('refuses raw <script>, <iframe> and onerror= in a Markdown (.md) record', () => {
    rmSync(join(root, 'content/works/guangcai-bowl/index.mdx'));
    write(
      'works/guangcai-bowl/index.md',
      markdownWork(
        'Credit: <script>alert(1)</script>\n\n<iframe src="https://example.org"></iframe>\n\n<img src="photo.png" onerror="alert(1)">',
      ),
    );
    expect(problems()).toMatchObject([
      {
        file: 'content/works/guangcai-bowl/index.md',
        field: '(body)',
        line: 18,
        en: '<script> is not allowed in records',
      },
      { line: 20, en: '<iframe> is not allowed in records' },
      { line: 22, en: '<img> has an event handler "onerror"' },
    ]);
  });

  it('refuses a javascript: link in a Markdown link, a JSX <a href> and references[].url', () => {
    write(
      'works/guangcai-bowl/index.mdx',
      validWork.replace(
        '{ title: 国家级非物质文化遗产代表性项目名录 }',
        '{ title: x, url: "javascript:alert(1)" }',
      ),
    );
    expect(problems()).toMatchObject([
      { field: 'references.0.url', line: 12, en: '"javascript:alert(1)" is not a web address' },
    ]);
    write(
      'works/guangcai-bowl/index.mdx',
      validWork.replace(
        '中文。',
        '[点击](jav&#x61;script:alert(1)) <a href="javascript&#58;alert(1)">x</a>',
      ),
    );
    expect(problems()).toMatchObject([
      { field: '(body)', line: 18, en: expect.stringMatching(/the link links to "javascript:/) },
      { field: '(body)', line: 18, en: expect.stringMatching(/<a href> links to "javascript:/) },
    ]);
  });

  it('refuses a body image in a _ folder, which the ingest skips, and an SVG beside the record', () => {
    write(
      'works/guangcai-bowl/_private/evil.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    );
    write(
      'works/guangcai-bowl/evil.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    );
    write(
      'works/guangcai-bowl/index.mdx',
      validWork.replace('中文。', '![纹饰](./_private/evil.svg)\n\n![纹饰](evil.svg)'),
    );
    expect(problems()).toMatchObject([
      { field: '(body)', line: 18, en: expect.stringMatching(/hidden folder/) },
      { field: '(body)', line: 20, en: expect.stringMatching(/is an SVG/) },
    ]);
  });

  it('accepts a body image beside the record and reports one that is missing', () => {
    write('works/guangcai-bowl/detail.jpg', 'x');
    write(
      'works/guangcai-bowl/index.mdx',
      validWork.replace('中文。', '![纹饰](detail.jpg)\n\n![纹饰](detail-2.jpg)'),
    );
    expect(problems()).toMatchObject([
      { field: '(body)', line: 20, en: 'the image "detail-2.jpg" does not exist' },
    ]);
  });
});
