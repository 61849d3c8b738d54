/**
 * `npm run new`: creates a record as a draft and publishes it once it is complete.
 *
 * A new record starts as a draft folder, `content/<collection>/_<slug>/index.mdx`: the site and
 * `npm run check` ignore drafts, so a half-filled record never reaches the public site, while its
 * ID is already reserved (the next free ID counts drafts and `content/retired-ids.json`).
 * `publish` validates the draft with the same loader and checks as `npm run check`, refuses while
 * any TODO placeholder is left, and then renames `_<slug>` to `<slug>`.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { romaniseName } from '../../src/lib/records/person-names.ts';
import { collections, type Collection } from '../../src/schemas/index.ts';
import {
  draftFolder,
  isDraftFolder,
  publishedSlug,
  recordFileIn,
} from '../../src/lib/records/record-files.ts';
import { vocabularies, type VocabularyName } from '../../src/lib/records/vocabularies.ts';
import { checkContent } from './check.ts';
import { loadRecordFile } from './content.ts';
import { IdAllocator, scanCollection, scanContent } from './import/registry.ts';
import { slugify, uniqueSlug } from './import/slug.ts';
import type { Problem } from './problems.ts';

const TEMPLATES = resolve(import.meta.dirname, '..', 'templates');

/** What curators may type for each record type. */
export const TYPE_NAMES: Record<string, Collection> = {
  work: 'works',
  works: 'works',
  作品: 'works',
  craft: 'crafts',
  crafts: 'crafts',
  技艺: 'crafts',
  person: 'people',
  people: 'people',
  人物: 'people',
  cluster: 'clusters',
  clusters: 'clusters',
  聚集区: 'clusters',
  exhibition: 'exhibitions',
  exhibitions: 'exhibitions',
  展览: 'exhibitions',
};

export function collectionOf(type: string): Collection | undefined {
  return TYPE_NAMES[type.trim().toLowerCase()];
}

const HAN = /\p{Script=Han}/u;

/** Name in pinyin with tone marks, surname first: 赵丽华 → Zhào Lìhuá (src/lib/records/person-names.ts). */
export function personPinyin(name: string, tones = true): string {
  const romanised = romaniseName(name);
  return tones ? romanised.pinyin : romanised.en;
}

function vocabularyLine(name: VocabularyName): string {
  return vocabularies[name].map((t) => `${t.key}（${t.zh}）`).join(' | ');
}

/** YAML scalar for a title: quoted as JSON, which YAML reads as a double-quoted string. */
const yamlString = (text: string) => JSON.stringify(text);

export interface CreatedRecord {
  collection: Collection;
  id: string;
  /** Draft folder name, starting with `_`. */
  folder: string;
  /** Published folder name (the slug in URLs). */
  slug: string;
  /** The record file. */
  file: string;
}

export interface CreateOptions {
  contentDir: string;
  collection: Collection;
  title: string;
  /** YYYY-MM-DD; default today. */
  today?: string | undefined;
}

/** Creates a draft record with the next free ID and a commented template. */
export function createRecord(options: CreateOptions): CreatedRecord {
  const { contentDir, collection } = options;
  const title = options.title.trim();
  if (!title) throw new Error('give the record a title / 请提供记录名称');
  const chinese = HAN.test(title);
  const base = slugify(title) || collection.slice(0, -1);
  const taken = new Set(scanCollection(contentDir, collection).map((r) => r.folder));
  const slug = uniqueSlug(base, taken);
  const folder = draftFolder(slug);
  const id = IdAllocator.forContent(contentDir, scanContent(contentDir)).next(collection);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const fill: Record<string, string> = {
    id,
    collection,
    folder,
    today,
    titleZh: chinese ? yamlString(title) : 'TODO 中文名称',
    titleEn:
      collection === 'people' && chinese
        ? yamlString(personPinyin(title, false))
        : chinese
          ? 'TODO English title'
          : yamlString(title),
    pinyin: chinese ? yamlString(personPinyin(title)) : 'TODO pinyin',
    craftCategories: vocabularyLine('craftCategories'),
    periods: vocabularyLine('periods'),
    materials: vocabularyLine('materials'),
    tools: vocabularyLine('tools'),
    licenses: vocabularies.licenses.map((t) => t.key).join(' | '),
  };
  const template = readFileSync(join(TEMPLATES, `${collection}.mdx`), 'utf8');
  const text = template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => fill[name] ?? whole);
  const dir = join(contentDir, collection, folder);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.mdx');
  writeFileSync(file, text, { flag: 'wx' });
  return { collection, id, folder, slug, file };
}

/** Strings still holding a TODO placeholder, with their field paths. */
function placeholders(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return /\bTODO\b/.test(value) ? [path.join('.') || '(value)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholders(v, [...path, String(i)]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => placeholders(v, [...path, k]));
  }
  return [];
}

export interface PublishResult {
  /** Problems that keep the draft from being published (empty when it was published). */
  problems: Problem[];
  /** The published record file, when published. */
  file?: string;
}

/**
 * Publishes a draft (`works/_slug`, a folder path or an index file): validates it, refuses while
 * TODO placeholders remain, renames the folder without its `_`, then runs the full check so
 * references and media are verified too (a failing check moves the folder back).
 */
export function publishDraft(root: string, contentDir: string, target: string): PublishResult {
  const candidates = [target, join(contentDir, target), join(root, target)].map((p) => resolve(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    return {
      problems: [
        {
          field: '(draft)',
          en: `no draft at ${target}`,
          zh: `找不到草稿 ${target}`,
          fix: 'give the folder as works/_slug / 请写成 works/_文件夹名',
        },
      ],
    };
  }
  const dir = /index\.mdx?$/.test(found) ? resolve(found, '..') : found;
  const folder = dir.split(sep).pop() ?? '';
  const collection = dir.split(sep).at(-2) as Collection;
  const file = recordFileIn(dir);
  const problem = (en: string, zh: string, fix: string): PublishResult => ({
    problems: [{ file: relative(root, dir), field: '(draft)', en, zh, fix }],
  });
  if (!collections.includes(collection) || !file) {
    return problem(
      'not a record folder',
      '不是记录文件夹',
      'give content/<collection>/_<slug> / 请指定 content/<类型>/_<名称>',
    );
  }
  if (!isDraftFolder(folder))
    return problem('already published', '已发布', 'nothing to do / 无需操作');
  const loaded = loadRecordFile(root, collection, file);
  const todo = loaded.record
    ? placeholders(loaded.record.data).concat(/\bTODO\b/.test(loaded.record.body) ? ['(body)'] : [])
    : [];
  const problems: Problem[] = [
    ...loaded.problems,
    ...todo.map((field) => ({
      file: relative(root, file).split(sep).join('/'),
      field,
      en: 'still holds a TODO placeholder',
      zh: '仍有 TODO 占位内容',
      fix: 'replace the TODO text with real content, or delete the optional field / 请填写真实内容或删除该可选字段',
    })),
  ];
  if (problems.some((p) => !p.warning)) return { problems };
  const slug = publishedSlug(folder);
  const published = join(dir, '..', slug);
  if (existsSync(published))
    return problem(
      `${slug} already exists`,
      `${slug} 已存在`,
      'rename the draft folder / 请重命名草稿文件夹',
    );
  renameSync(dir, published);
  const publishedFile = join(published, file.split(sep).pop() ?? 'index.mdx');
  const rel = relative(root, publishedFile).split(sep).join('/');
  const after = checkContent(root, contentDir).problems.filter(
    (p) => !p.warning && (p.file === rel || p.file?.endsWith(`/${collection}/${slug}/index.mdx`)),
  );
  if (after.length > 0) {
    renameSync(published, dir);
    return { problems: after };
  }
  return { problems: [], file: publishedFile };
}
