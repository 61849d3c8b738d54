/**
 * The cluster application form in Chromium: filled in by keyboard, a 301-character introduction
 * refused with its count, printed to PDF in the table's layout, and the draft record it makes
 * accepted by the content check (`checkContent`, what `npm run check` runs); the contact details
 * stay out of the draft and go to the contact sheet. The page passes axe.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { checkContent } from '../../scripts/lib/check.ts';
import { repo } from './project-copy.ts';

const phone = '0768-2345678';
const person = '林某某';

async function fillIn(page: Page) {
  const form = page.locator('#application');
  await expect(form).toHaveAttribute('data-ready', 'true');
  // Native controls only, so everything below also works by keyboard (the second check is sent
  // with Enter).
  await page.getByLabel('省（自治区、直辖市）').selectOption({ label: '广东省' });
  await page.getByLabel('市（地、州、盟）').selectOption({ label: '潮州市' });
  await page.getByLabel('县（市、区、旗）').selectOption({ label: '潮安区' });
  await page.getByLabel('申报单位', { exact: true }).fill('潮安区工艺美术行业协会');
  await page.getByLabel('聚集区名称', { exact: true }).fill('潮安工艺美术聚集区');
  await page.getByLabel('联系人', { exact: true }).fill(person);
  await page.getByLabel('职务', { exact: true }).fill('秘书长');
  await page.getByLabel('联系电话', { exact: true }).fill(phone);
  await page.getByLabel('聚集区英文名称').fill('Chao’an crafts cluster');
  await page.getByLabel('申报单位英文名称').fill('Chao’an Arts and Crafts Association');
  await page.getByLabel(/地区英文名称/).fill('Chao’an, Chaozhou, Guangdong');
  await page.getByLabel(/产业介绍英文/).fill('Wood carving, embroidery and porcelain.');
}

test.describe('cluster application form', () => {
  let scratch = '';
  test.afterEach(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('refuses 301 characters, prints, and makes a draft record the check accepts', async ({
    page,
  }) => {
    await page.goto('/apply/');
    await fillIn(page);
    const introduction = page.getByLabel(/产业介绍（300字以内）/);
    // Chinese characters and punctuation count one each.
    await introduction.fill(`${'潮'.repeat(299)}，。`);
    await expect(page.locator('#introduction-zh-count')).toHaveText('301 / 300');
    await page.getByRole('button', { name: '检查并生成文件' }).click();
    await expect(page.locator('#introduction-zh-error')).toContainText('301');
    await expect(introduction).toBeFocused();
    await expect(introduction).toHaveAttribute('aria-invalid', '');
    await expect(page.locator('#application-downloads')).toBeHidden();

    await introduction.press('End');
    await introduction.press('Backspace');
    await expect(page.locator('#introduction-zh-count')).toHaveText('300 / 300');
    await page.getByLabel('联系电话', { exact: true }).press('Enter');
    await expect(page.getByRole('status').filter({ hasText: '已检查' })).toBeVisible();

    const [draftFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载聚集区记录草稿' }).click(),
    ]);
    const draft = readFileSync(await draftFile.path(), 'utf8');
    expect(draft).toContain('county: "445103"');
    expect(draft).toContain('zh: "广东省潮州市潮安区"');
    expect(draft).not.toContain(phone);
    expect(draft).not.toContain(person);
    const [contactFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载联系单' }).click(),
    ]);
    const contact = readFileSync(await contactFile.path(), 'utf8');
    expect(contact).toContain(phone);
    expect(contact).toContain(person);

    // What `npm run check` runs, on the draft where a curator would put it.
    scratch = mkdtempSync(join(tmpdir(), 'baigong-apply-'));
    const folder = join(scratch, 'clusters', 'chao-an-crafts-cluster');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.md'), draft);
    const { records, problems } = checkContent(repo, scratch);
    expect(records).toBe(1);
    expect(problems.filter((p) => !p.warning)).toEqual([]);

    // Printed: the official table only, with what was filled in.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.record-fields')).toBeHidden();
    await expect(page.locator('.application-table caption')).toBeVisible();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  test('says what is missing, reads a wrong phone number, and passes axe in both languages', async ({
    page,
  }) => {
    await page.goto('/en/apply/');
    await expect(page.locator('#application')).toHaveAttribute('data-ready', 'true');
    await page.getByRole('button', { name: 'Check and make the files' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'things to fix' })).toBeVisible();
    await expect(page.locator('#province-error')).toHaveText('Please fill this in.');
    await page.getByLabel('Phone (联系电话)').fill('12345');
    await page.getByRole('button', { name: 'Check and make the files' }).click();
    await expect(page.locator('#contact-phone-error')).toContainText('Not a phone number');
    for (const path of ['/apply/', '/en/apply/']) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(violations.map((v) => v.id)).toEqual([]);
    }
  });
});
