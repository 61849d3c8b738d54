/**
 * Previewing or building an untrusted change is safe: `astro dev` and `astro build` run on a copy
 * of the project (curated records only, as in the end-to-end tests) holding records that try to
 * run code or publish script. Each forbidden record fails its page, and what its body tried to do
 * (write a file) never happens; an imported record with hostile values shows them as text.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { htmlToHast } from 'satteri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../scripts/lib/import/importer.ts';
import { freePort } from '../../../scripts/lib/meili/server.ts';
import { astroEnv, copyProject, repo } from '../../e2e/project-copy.ts';

const astroBin = join(repo, 'node_modules', '.bin', 'astro');

/** Frontmatter of a valid work with its own ID, then `body`. */
function work(id: number, body: string, extra = ''): string {
  return `---
id: BGW-99${String(id).padStart(4, '0')}
title: { zh: 不可信记录 ${id}, en: Untrusted record ${id} }
category: ceramics
period: qing
date: { start: 1736, end: 1795 }
materials: [porcelain]
rights: { license: CC-BY-4.0, holder: Test, credit: Test }
references: [{ title: 测试 }]
${extra}added: 2026-11-30
---

${body}
`;
}

function write(root: string, path: string, text: string): void {
  const full = join(root, 'content', path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
}

/** Whether the record code named `name` ran: it writes a file of that name into `dir`. */
function ran(dir: string, name: string): boolean {
  return existsSync(join(dir, name));
}

/** Records that must not render, with the file each tries to write. */
function writeForbiddenRecords(root: string, traceDir: string): void {
  const touch = (name: string) =>
    `process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(join(traceDir, name))}, 'ran')`;
  write(
    root,
    'works/esm-export/index.mdx',
    work(1, `export const ran = ${touch('export')};\n\ntext`),
  );
  write(
    root,
    'works/expression/index.mdx',
    work(6, `<Zh>\n\n正文 {${touch('expression')}}\n\n</Zh>`),
  );
  write(root, 'works/named-layout/index.mdx', work(2, 'text', 'layout: ./layout.mjs\n'));
  write(root, 'works/named-layout/layout.mjs', `${touch('layout')};\nexport default () => '';\n`);
  write(
    root,
    'works/raw-script/index.md',
    work(
      3,
      '<div lang="en">\n\nCredit: <script>alert(1)</script>\n\n<iframe src="javascript:alert(2)"></iframe>\n\n<img src="x.png" onerror="alert(3)">\n\n</div>',
    ),
  );
  write(
    root,
    'works/javascript-link/index.mdx',
    work(5, '<a href="jav&#x61;script:alert(5)">click</a>'),
  );
}

interface PageElement {
  name: string;
  attributes: string[];
  href: string;
  type: string;
  text: string;
}

/** The elements (with attribute names) and the text of a page, as a browser parses it. */
function readHtml(html: string): { elements: PageElement[]; text: string } {
  interface Node {
    type: string;
    tagName?: string;
    value?: string;
    properties?: Record<string, unknown>;
    children?: Node[];
  }
  const textOf = (node: Node): string =>
    node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');
  const elements: PageElement[] = [];
  const walk = (node: Node) => {
    if (node.type === 'element') {
      const properties = node.properties ?? {};
      elements.push({
        name: node.tagName ?? '',
        attributes: Object.keys(properties),
        href: String(properties['href'] ?? properties['src'] ?? ''),
        type: String(properties['type'] ?? ''),
        text: textOf(node),
      });
    }
    (node.children ?? []).forEach(walk);
  };
  const tree = htmlToHast(html) as Node;
  walk(tree);
  return { elements, text: textOf(tree) };
}

/** Starts `astro dev` in `root` and resolves once it serves. */
async function startDev(
  root: string,
): Promise<{ url: string; child: ChildProcess; log: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [astroBin, 'dev', '--port', String(port)], {
    cwd: root,
    env: astroEnv(),
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (/ready in/.test(log)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`astro dev exited (${code}):\n${log}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, log: () => log };
}

describe('astro dev on untrusted records', { timeout: 300_000 }, () => {
  let root: string;
  let traceDir: string;
  let dev: Awaited<ReturnType<typeof startDev>>;
  const page = async (slug: string) => {
    const response = await fetch(`${dev.url}/works/${slug}/`);
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'bg-untrusted-'));
    traceDir = join(root, 'traces');
    copyProject(root);
    mkdirSync(traceDir);
    writeForbiddenRecords(root, traceDir);
    const imported = runImport({
      root,
      mapping: join(repo, 'import-mappings', 'ima.json'),
      source: join(repo, 'tests', 'fixtures', 'import', 'hostile-ima.json'),
      today: '2026-12-01',
    });
    expect(imported.counts.created).toBe(1);
    dev = await startDev(root);
  }, 300_000);

  afterAll(() => {
    dev?.child.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('fails the page of an MDX body with an export, and never runs it', async () => {
    const { status } = await page('esm-export');
    expect(ran(traceDir, 'export')).toBe(false);
    expect(status).toBe(500);
    expect(dev.log()).toMatch(/esm-export\/index\.mdx:13: \(body\): import\/export/);
  });

  it('fails the page of an MDX body with an {expression}, and never runs it', async () => {
    const { status } = await page('expression');
    expect(ran(traceDir, 'expression')).toBe(false);
    expect(status).toBe(500);
    expect(dev.log()).toMatch(/expression\/index\.mdx:15: \(body\): \{…\} expressions run code/);
  });

  it('fails the page of an MDX record that names a layout, and never imports it', async () => {
    const { status } = await page('named-layout');
    expect(ran(traceDir, 'layout')).toBe(false);
    expect(status).toBe(500);
    expect(dev.log()).toMatch(/named-layout\/index\.mdx: layout: a record may not name a layout/);
  });

  it('fails the page of a Markdown record with raw <script>, <iframe> and onerror=', async () => {
    const { status, html } = await page('raw-script');
    expect(status).toBe(500);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(dev.log()).toMatch(/raw-script\/index\.md:15: \(body\): <script> is not allowed/);
    expect(dev.log()).toMatch(/raw-script\/index\.md:17: \(body\): <iframe> is not allowed/);
    expect(dev.log()).toMatch(/raw-script\/index\.md:19: \(body\): <img> has an event handler/);
  });

  it('fails the page of a body with an entity-obfuscated javascript: link', async () => {
    expect((await page('javascript-link')).status).toBe(500);
    expect(dev.log()).toMatch(/javascript-link\/index\.mdx:13: \(body\): <a href> links to/);
  });

  it('shows the hostile values of an imported record as text', async () => {
    const [folder] = readdirSync(join(root, 'content', 'works')).filter((f) =>
      f.startsWith('ima-'),
    );
    const { status, html } = await page(folder ?? '');
    expect(status).toBe(200);
    const { elements, text } = readHtml(html);
    expect(elements.filter((e) => /^(iframe|svg|object|embed)$/.test(e.name))).toEqual([]);
    // scripts that run (JSON-LD data is not run, and holds the values escaped)
    const scripts = elements.filter((e) => e.name === 'script' && !/json/.test(e.type));
    expect(scripts.filter((e) => /alert/.test(e.text))).toEqual([]);
    expect(elements.flatMap((e) => e.attributes.filter((a) => /^on/i.test(a)))).toEqual([]);
    expect(elements.filter((e) => /^\s*javascript:/i.test(e.href))).toEqual([]);
    // the values are there, as text
    expect(text).toContain('Gift of <iframe src=');
    expect(text).toContain('<script>alert(');
    expect(text).toContain('![maker](https://example.org/tracker.png)');
  });
});

describe('astro build on untrusted records', { timeout: 300_000 }, () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'bg-untrusted-build-'));
    copyProject(root);
    write(
      root,
      'works/raw-script/index.md',
      work(3, '<div lang="en">\n\n<img src="x.png" onerror="alert(3)">\n\n</div>'),
    );
    // the ingest skips _ folders, and Astro would copy the SVG into dist/_astro/ as it is
    write(
      root,
      'works/hidden-svg/_private/evil.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(4)"/>',
    );
    write(root, 'works/hidden-svg/index.mdx', work(4, '![纹饰](./_private/evil.svg)'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  // Vite stops at the first module that fails, and which of the two it compiles first varies, so
  // the build names one of them; either way neither page nor the SVG is published.
  it('fails, naming the file, line and problem, and publishes no scripted SVG', async () => {
    const child = spawn(process.execPath, [astroBin, 'build'], { cwd: root, env: astroEnv() });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const assets = join(root, 'dist', '_astro');
    const svgs = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.svg')) : [];
    expect(svgs).toEqual([]);
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /raw-script\/index\.md:15: \(body\): <img> has an event handler "onerror"|hidden-svg\/index\.mdx:13: \(body\): the image ".\/_private\/evil.svg" is outside/,
    );
    expect(existsSync(join(root, 'dist', 'works', 'raw-script', 'index.html'))).toBe(false);
    expect(existsSync(join(root, 'dist', 'works', 'hidden-svg', 'index.html'))).toBe(false);
  });
});
