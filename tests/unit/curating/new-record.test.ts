import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../../scripts/lib/check.ts';
import { IdAllocator, RETIRED_FILE } from '../../../scripts/lib/import/registry.ts';
import { slugify, uniqueSlug } from '../../../scripts/lib/import/slug.ts';
import { createRecord, personPinyin, publishDraft } from '../../../scripts/lib/scaffold.ts';
import { validCraft, validWork } from '../../fixtures/content/records.ts';
import { tempProject, writeFile } from './helpers.ts';

let project: ReturnType<typeof tempProject>;
beforeEach(() => {
  project = tempProject('bg-new-');
});
afterEach(() => project.cleanup());

/** Fills the work template's placeholders the way a curator would. */
function fillWork(text: string): string {
  return text
    .replace('en: TODO English title', 'en: Guangcai punch bowl with figures')
    .replace('zh: TODO 一两句简介', 'zh: 广州加彩的外销大碗。')
    .replace('en: TODO one or two sentences', 'en: An export punch bowl painted in Guangzhou.')
    .replace('category: TODO', 'category: ceramics')
    .replace('period: TODO', 'period: qing')
    .replace('start: TODO', 'start: 1736')
    .replace('end: TODO', 'end: 1795')
    .replace('  - TODO', '  - porcelain\n  - enamel')
    .replace('license: TODO', 'license: CC-BY-4.0')
    .replace('holder: TODO 权利人 / rights holder', 'holder: Baigong Cloud')
    .replace('credit: TODO 署名文字 / credit line', 'credit: Baigong Cloud')
    .replace(
      'title: TODO 书名、网页或名录名称 / title of the book, page or list',
      'title: 广彩瓷器研究',
    )
    .replace(/TODO 在这里[^\n]*/, '一件清代广彩大碗。')
    .replace(/TODO Tell the story[^\n]*/, 'A Qing-dynasty Guangcai bowl.');
}

describe('slugs', () => {
  it('writes Chinese titles in toneless pinyin, ASCII and hyphens only', () => {
    expect(slugify('广彩人物纹大碗')).toBe('guang-cai-ren-wu-wen-da-wan');
    expect(slugify('剪纸(蔚县剪纸)')).toBe('jian-zhi-wei-xian-jian-zhi');
    expect(slugify('Café — Tomb guardian 1997.1')).toBe('cafe-tomb-guardian-1997-1');
    expect(slugify('绿釉')).toMatch(/^[a-z0-9-]+$/);
  });
  it('makes a name unique against published records and drafts', () => {
    expect(uniqueSlug('bowl', new Set(['bowl', '_bowl-2']))).toBe('bowl-3');
  });
});

describe('IDs', () => {
  it('hands out one more than the highest ID in use, drafts and retired IDs included', () => {
    writeFile(join(project.content, 'works', 'a', 'index.mdx'), validWork); // BGW-000001
    writeFile(
      join(project.content, 'works', '_draft', 'index.mdx'),
      validWork.replace('BGW-000001', 'BGW-000007'),
    );
    expect(IdAllocator.forContent(project.content).next('works')).toBe('BGW-000008');
    writeFileSync(
      join(project.content, RETIRED_FILE),
      JSON.stringify([{ id: 'BGW-000012', reason: 'deleted' }]),
    );
    const ids = IdAllocator.forContent(project.content);
    expect(ids.next('works')).toBe('BGW-000013');
    expect(ids.next('works')).toBe('BGW-000014');
    expect(ids.next('crafts')).toBe('BGC-000001');
  });
});

describe('npm run new', () => {
  it('creates a commented draft with the next free ID', () => {
    writeFile(
      join(project.content, 'works', 'old', 'index.mdx'),
      validWork.replace('BGW-000001', 'BGW-000041'),
    );
    const created = createRecord({
      contentDir: project.content,
      collection: 'works',
      title: '广彩人物纹大碗',
    });
    expect(created.id).toBe('BGW-000042');
    expect(created.folder).toBe('_guang-cai-ren-wu-wen-da-wan');
    const text = readFileSync(created.file, 'utf8');
    expect(text).toContain('id: BGW-000042');
    expect(text).toContain('zh: "广彩人物纹大碗"');
    // every field has a comment in both languages
    expect(text).toMatch(/# 工艺门类，取下列之一 \/ Craft category, one of:/);
    expect(text).toContain('ceramics（陶瓷）');
    // a draft: the site and the check leave it out
    expect(checkContent(project.root).records).toBe(1);
    // a second record gets the next ID and another folder
    const second = createRecord({
      contentDir: project.content,
      collection: 'works',
      title: '广彩人物纹大碗',
    });
    expect(second.id).toBe('BGW-000043');
    expect(second.folder).toBe('_guang-cai-ren-wu-wen-da-wan-2');
  });

  it('refuses to publish while placeholders remain, then publishes a filled record that passes check', () => {
    writeFile(join(project.content, 'crafts', 'guangcai', 'index.mdx'), validCraft);
    const created = createRecord({
      contentDir: project.content,
      collection: 'works',
      title: '广彩人物纹大碗',
    });
    const refused = publishDraft(project.root, project.content, `works/${created.folder}`);
    expect(refused.file).toBeUndefined();
    expect(refused.problems.map((p) => p.field)).toContain('category');
    expect(existsSync(created.file)).toBe(true);

    // schema-valid but a TODO left in the summary: still refused
    const filled = fillWork(readFileSync(created.file, 'utf8'));
    writeFileSync(created.file, filled.replace('zh: 广州加彩的外销大碗。', 'zh: TODO 一两句简介'));
    const todo = publishDraft(project.root, project.content, `works/${created.folder}`);
    expect(todo.problems.map((p) => p.field)).toEqual(['summary.zh']);

    writeFileSync(created.file, filled);
    const published = publishDraft(project.root, project.content, `works/${created.folder}`);
    expect(published.problems).toEqual([]);
    expect(published.file).toBe(join(project.content, 'works', created.slug, 'index.mdx'));
    const check = checkContent(project.root);
    expect(check.problems.filter((p) => !p.warning)).toEqual([]);
    expect(check.records).toBe(2);
  });

  it('creates every record type from its template', () => {
    for (const collection of ['crafts', 'people', 'clusters', 'exhibitions'] as const) {
      const created = createRecord({ contentDir: project.content, collection, title: '赵丽华' });
      expect(readFileSync(created.file, 'utf8')).toMatch(
        /^---\n[\s\S]*\nadded: \d{4}-\d{2}-\d{2}\n---\n/,
      );
    }
    expect(personPinyin('赵丽华')).toBe('Zhào Lìhuá');
  });
});
