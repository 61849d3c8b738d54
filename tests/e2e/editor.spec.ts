/**
 * The web editor (`npm run cms`: Decap CMS with decap-server writing the files) on a copy of the
 * curated content, opened through the link the command prints (it carries the run's token): a
 * curator opens an existing record, changes one field and publishes. The file must change in
 * that field only (Decap rewrites the YAML layout, never the data or the body) and the content
 * must still pass `npm run check`. A new work filled in with only the required fields
 * must land in its own folder with the next free ID and pass the check as well, and a picture
 * uploaded to a record must land in that record's folder, listed with its alt text and rights.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { parse } from 'yaml';
import { checkContent } from '../../scripts/lib/check.ts';
import { IdAllocator } from '../../scripts/lib/import/registry.ts';
import { startEditor, type RunningEditor } from './editor-process.ts';
import { copyProject } from './project-copy.ts';

/** Frontmatter data and body of a record file. */
function readRecord(file: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file}: no frontmatter`);
  return { data: parse(match[1]!) as Record<string, unknown>, body: match[2]!.trim() };
}

/** The input `prefix-field-…` inside the editor's object field labelled `label`. */
function inputIn(page: Page, label: string, prefix: string) {
  return page
    .locator(
      `xpath=//label[contains(., "${label}")]/ancestor::div[.//input[starts-with(@id,"${prefix}-field")]][1]//input[starts-with(@id,"${prefix}-field")]`,
    )
    .first();
}

test.describe('the web editor', () => {
  test.describe.configure({ mode: 'serial' });
  let root: string;
  let editor: RunningEditor;
  let admin: string;

  test.beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'baigong-editor-'));
    copyProject(root);
    editor = await startEditor(root);
    admin = `${editor.origin}/admin/`;
  });

  /** Opens the editor as the curator does: through the printed link, then logs in. */
  async function openEditor(page: Page): Promise<void> {
    await page.goto(editor.link);
    // the token has left the address bar (it is kept as a cookie)
    await expect(page).toHaveURL((url) => url.pathname === '/admin/' && url.search === '');
    await page.getByRole('button', { name: '登录' }).click();
  }

  test.afterAll(() => {
    editor?.process.kill('SIGTERM');
    if (root) rmSync(root, { recursive: true, force: true });
  });

  for (const [collection, slug, field] of [
    ['works', 'chaozhou-carved-panel-illustration', 'title'],
    ['crafts', 'bronze-piece-mould-casting', 'name'],
    ['people', 'chen-mingyuan', 'name'],
    ['clusters', 'chaozhou-crafts', 'name'],
    ['exhibitions', 'guangcai-between-guangzhou-and-the-world', 'title'],
  ] as const) {
    test(`saves a change to one field of a record in ${collection}, and nothing else`, async ({
      page,
    }) => {
      const file = join(root, 'content', collection, slug, 'index.mdx');
      const before = readRecord(file);
      const old = (before.data[field] as { en: string }).en;
      const edited = `${old} (edited in the web editor)`;

      await openEditor(page);
      await page.goto(`${admin}#/collections/${collection}/entries/${slug}/index`);
      const input = page.locator(`input[value="${old.replace(/"/g, '\\"')}"]`);
      await input.fill(edited);
      await expect(page.getByText('含未保存的修改')).toBeVisible();
      await page.getByRole('button', { name: '发布' }).click();
      await page.getByText('立即发布', { exact: true }).click();
      await expect(page.getByText('修改已保存')).toBeVisible();

      await expect.poll(() => readRecord(file).data[field]).toMatchObject({ en: edited });
      const after = readRecord(file);
      expect(after.body).toBe(before.body);
      expect({ ...after.data, [field]: before.data[field] }).toEqual(before.data);
      expect(checkContent(root).problems).toEqual([]);
    });
  }

  test('creates a new work from its required fields, which passes the check', async ({ page }) => {
    const id = IdAllocator.forContent(join(root, 'content')).next('works');
    await openEditor(page);
    await page.goto(`${admin}#/collections/works/new`);
    const choose = async (label: string, value: string) => {
      await page.getByLabel(label, { exact: true }).fill(value);
      await page.keyboard.press('Enter');
    };
    await page.getByLabel('中文 Chinese', { exact: true }).first().fill('编辑器新建试样碗');
    await page.getByLabel('English', { exact: true }).first().fill('Test bowl made in the editor');
    await choose('工艺门类 Category', 'ceramics');
    await choose('时代 Period', 'ming');
    await page.getByLabel('起 Start year', { exact: true }).fill('1500');
    await page.getByLabel('止 End year', { exact: true }).fill('1550');
    await choose('材质 Materials', 'porcelain');
    await choose('许可 License', 'CC-BY-4.0');
    await page.getByLabel('权利人 Rights holder', { exact: true }).fill('百工·云 Baigong Cloud');
    await page.getByLabel('署名 Credit line', { exact: true }).fill('百工·云, test record');
    await page.getByRole('button', { name: /新增资料来源/ }).click();
    await page.getByLabel('题名 Title', { exact: true }).last().fill('CURATING.md');
    await page.locator('[contenteditable=true]').last().click();
    await page.keyboard.type('<Zh>编辑器测试。</Zh>');
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('立即发布', { exact: true }).click();

    const file = join(root, 'content', 'works', 'test-bowl-made-in-the-editor', 'index.mdx');
    await expect.poll(() => existsSync(file)).toBe(true);
    const { data, body } = readRecord(file);
    expect(data).toMatchObject({ id, category: 'ceramics', materials: ['porcelain'] });
    expect(body).toBe('<Zh>编辑器测试。</Zh>');
    expect(checkContent(root).problems).toEqual([]);
  });

  test('uploads a picture into the record’s own folder and lists it', async ({ page }) => {
    const slug = 'carved-wood-ruyi';
    const folder = join(root, 'content', 'works', slug);
    const picture = join(root, 'upload.jpg');
    await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#8b2e1f' } })
      .jpeg()
      .toFile(picture);
    await openEditor(page);
    await page.goto(`${admin}#/collections/works/entries/${slug}/index`);
    await page.getByRole('button', { name: /新增图片/ }).click();
    await page.getByRole('button', { name: '选择图片' }).click();
    await page.locator('input[type=file]').setInputFiles(picture);
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await inputIn(page, '替代文字 Alt text', 'zh').fill('朱红色测试图片');
    await inputIn(page, '替代文字 Alt text', 'en').fill('A vermilion test picture');
    await inputIn(page, '该文件的权利 Rights in this file', 'license').fill('CC0-1.0');
    await page.keyboard.press('Enter');
    await inputIn(page, '该文件的权利 Rights in this file', 'holder').fill('百工·云');
    await inputIn(page, '该文件的权利 Rights in this file', 'credit').fill('百工·云 test picture');
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('立即发布', { exact: true }).click();

    await expect.poll(() => existsSync(join(folder, 'upload.jpg'))).toBe(true);
    await expect
      .poll(() => readRecord(join(folder, 'index.mdx')).data['images'])
      .toEqual([
        expect.objectContaining({
          file: 'upload.jpg',
          alt: { zh: '朱红色测试图片', en: 'A vermilion test picture' },
          rights: expect.objectContaining({ license: 'CC0-1.0' }),
        }),
      ]);
    expect(checkContent(root).problems).toEqual([]);
  });
});
