/**
 * A new curator follows CURATING.md on a copy of the project: `npm run new`, fill in the
 * template, add a photo, publish the draft, build, index — and finds the work in the gallery
 * and in search. The copy holds the curated records only (not the bulk imports) to keep the
 * build short; everything else is the real project.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { startMeili, type MeiliServer } from '../../scripts/lib/meili/server.ts';
import { attachSearch } from '../../scripts/lib/search-service.ts';
import { serveDist, type StaticServer } from '../../scripts/lib/serve-dist.ts';
import { copyProject } from './project-copy.ts';

function npm(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync('npm', args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0)
    throw new Error(`npm ${args.join(' ')} failed (${result.status}):\n${output}`);
  return output;
}

const title = { zh: '青花缠枝莲纹试样碗', en: 'Blue-and-white test bowl with lotus scrolls' };

/** What a curator types into the template, replacing its TODOs. */
function fillTemplate(text: string): string {
  const replacements: [string, string][] = [
    ['en: TODO English title', `en: ${title.en}`],
    ['zh: TODO 一两句简介', 'zh: 策展人手册端到端测试中添加的作品。'],
    ['en: TODO one or two sentences', 'en: A work added by the curating end-to-end test.'],
    ['category: TODO', 'category: ceramics'],
    ['period: TODO', 'period: ming'],
    ['start: TODO', 'start: 1500'],
    ['end: TODO', 'end: 1550'],
    ['  - TODO', '  - porcelain'],
    ['license: TODO', 'license: CC-BY-4.0'],
    ['holder: TODO 权利人 / rights holder', 'holder: 百工·云 Baigong Cloud'],
    ['credit: TODO 署名文字 / credit line', 'credit: 百工·云 Baigong Cloud, test photograph'],
    ['title: TODO 书名、网页或名录名称 / title of the book, page or list', 'title: CURATING.md'],
    [
      'images: []',
      [
        'images:',
        '  - file: photo-1.jpg',
        '    alt:',
        '      zh: 白地蓝色缠枝莲纹的小碗，正面视图',
        '      en: A small white bowl with blue lotus scrolls, seen from the front',
        '    rights:',
        '      license: CC-BY-4.0',
        '      holder: 百工·云 Baigong Cloud',
        '      credit: 百工·云 Baigong Cloud',
        '    illustration: true',
      ].join('\n'),
    ],
    ['TODO 在这里用中文介绍这件作品。可以使用的组件见 CURATING.md。', '这是一件测试作品。'],
    [
      'TODO Tell the story of the work in English here. The components you may use are listed in CURATING.md.',
      'This is a test work.',
    ],
  ];
  return replacements.reduce((t, [from, to]) => {
    if (!t.includes(from)) throw new Error(`the template no longer contains "${from}"`);
    return t.replace(from, to);
  }, text);
}

async function writePhoto(file: string): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
    <rect width="1600" height="1200" fill="#f4f1ea"/>
    <ellipse cx="800" cy="640" rx="520" ry="300" fill="#ffffff" stroke="#1d3f8f" stroke-width="24"/>
    <path d="M330 640 q120 -160 240 0 t240 0 t240 0 t240 0" fill="none" stroke="#1d3f8f" stroke-width="18"/>
  </svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(file);
}

test.describe('a curator following CURATING.md', () => {
  test.describe.configure({ timeout: 600_000 });
  let copy = '';
  let meili: MeiliServer | undefined;
  let site: StaticServer | undefined;

  test.afterAll(async () => {
    await site?.close();
    await meili?.stop();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  test('adds a work with a photo and finds it in the gallery and in search', async ({ page }) => {
    copy = mkdtempSync(join(tmpdir(), 'baigong-curator-'));
    copyProject(copy);

    // 1. npm run new -- work "…" creates a draft with the next free ID.
    npm(copy, ['run', 'new', '--', 'work', title.zh]);
    const draft = readdirSync(join(copy, 'content', 'works')).find((d) => d.startsWith('_'));
    expect(draft, 'npm run new created a draft folder').toBeTruthy();
    const dir = join(copy, 'content', 'works', draft ?? '');

    // 2–4. Fill in the template and put the photo beside it.
    const file = join(dir, 'index.mdx');
    writeFileSync(file, fillTemplate(readFileSync(file, 'utf8')));
    await writePhoto(join(dir, 'photo-1.jpg'));

    // 5–6. Publish the draft (it runs the check) and check everything.
    npm(copy, ['run', 'new', '--', 'publish', `works/${draft}`]);
    npm(copy, ['run', 'check']);

    // 7. Build with live search, index, serve: what `npm start` does, on free ports.
    meili = await startMeili({
      root: copy,
      port: 0,
      forceEmbedded: true,
      dataDir: join(copy, '.cache', 'meili', 'data'),
      keyFile: join(copy, '.cache', 'meili', 'master-key'),
    });
    // The curator's own `npm run index` fills the index; the key and build settings are the ones
    // `npm start` would use.
    const { env } = await attachSearch(copy, meili);
    npm(copy, ['run', 'build'], env);
    npm(copy, ['run', 'index'], { MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey });
    site = await serveDist(join(copy, 'dist'));

    // The gallery shows the new work with its photo.
    await page.goto(`${site.url}/works/`);
    const card = page.locator('.card', { has: page.getByRole('link', { name: title.zh }) });
    await expect(card).toBeVisible();
    await expect(card.locator('img')).toHaveAttribute('alt', '白地蓝色缠枝莲纹的小碗，正面视图');

    // Search finds it by its Chinese title and opens it.
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('缠枝莲纹试样')}`);
    const hit = page.getByRole('link', { name: title.zh }).first();
    await expect(hit).toBeVisible({ timeout: 30_000 });
    await hit.click();
    await expect(page.locator('h1')).toHaveText(title.zh);
    await expect(page.locator('picture source[type="image/avif"]').first()).toHaveAttribute(
      'srcset',
      /\.avif \d+w/,
    );
  });
});
