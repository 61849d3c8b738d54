/**
 * The regional entries and the national representative inheritors, imported from the real
 * shared/data files into a temp project with the archive's real hand-written craft records:
 * joins, scope, rejections with reasons, what a person record may say, and idempotence.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../../../scripts/lib/check.ts';
import { contentHash, runImport, type ImportReport } from '../../../scripts/lib/import/importer.ts';
import { readFrontmatter } from '../../../scripts/lib/import/registry.ts';
import {
  entriesSource,
  haveShared,
  ichSource,
  inheritorsSource,
  repo,
  tempProject,
  writeFile,
} from './helpers.ts';

let project: ReturnType<typeof tempProject>;
beforeEach(() => {
  project = tempProject('bg-national-list-');
  // the archive's own hand-written records of these crafts
  for (const folder of [
    'guangcai-porcelain',
    'yue-embroidery',
    'shiwan-ceramic-sculpture',
    'guangdong-paper-cutting',
  ]) {
    const text = readFileSync(join(repo, 'content', 'crafts', folder, 'index.mdx'), 'utf8');
    // as the curators wrote them, before any import filled their entries
    writeFile(join(project.content, 'crafts', folder, 'index.mdx'), withoutEntries(text));
  }
});
afterEach(() => project.cleanup());

/** The frontmatter's `entries:` block (the import's part of a hand-written record). */
const ENTRIES_BLOCK = /\nentries:\n(?: {2}.*\n)+/;
const withoutEntries = (text: string) => text.replace(ENTRIES_BLOCK, '\n');

/** Lines of a real CSV whose first cell (or `column`) is one of `keys`, under its header. */
function sample(source: string, name: string, keys: string[], column = 0): string {
  const [header = '', ...lines] = readFileSync(source, 'utf8').split('\n');
  const picked = keys.map((key) => {
    const line = lines.find((l) => l.split(',')[column]?.trim() === key);
    if (!line) throw new Error(`no row ${key} in ${source}`);
    return line;
  });
  const path = join(project.root, name);
  writeFileSync(path, [header, ...picked].join('\n') + '\n');
  return path;
}

const run = (mapping: string, source: string) =>
  runImport({
    root: project.root,
    contentDir: project.content,
    mapping: join(repo, 'import-mappings', `${mapping}.json`),
    source,
    today: '2026-12-01',
  });

const rowOf = (report: ImportReport, key: string) => {
  const row = report.rows.find((r) => r.key === key);
  if (!row) throw new Error(`no result for ${key}`);
  return row;
};

const crafts = (folder: string, file = 'index.mdx') =>
  join(project.content, 'crafts', folder, file);
const person = (report: ImportReport, key: string) => {
  const file = rowOf(report, key).file;
  if (!file) throw new Error(`no file for ${key}`);
  const text = readFileSync(join(project.root, file), 'utf8');
  return { text, data: readFrontmatter(text) as Record<string, unknown> };
};

// items: Yangliuqing prints (imported), Fengxi porcelain (imported), Luzhou laojiao (drink: out of
// scope), Guangcai and Yue embroidery (hand-written records hold them)
const ITEMS = ['VII-1', 'VIII-96', 'VIII-58', 'VIII-97', 'VII-20'];
// regional entries: the imported item's, the hand-written records' (粤绣 three, 剪纸 only the
// Guangdong ones), 蔚县剪纸 (no record holds it), 泸州老窖 (out of scope), one key twice
const ENTRIES = [
  'VII-001_01_120000',
  'VII-016_01_440600',
  'VII-016_01_130726',
  'VII-020_01_440100',
  'VII-020_01_445100',
  'VII-020_10_445100',
  'VIII-003_01_440600',
  'VIII-058_01_510500',
  'VIII-096_02_445100',
  'VIII-097_02_440100',
  'VIII-110_10_320682',
];

function importCraftsAndEntries() {
  run('ich', sample(ichSource, 'items.csv', ITEMS));
  return run('ich-entries', sample(entriesSource, 'entries.csv', ENTRIES));
}

describe.skipIf(!haveShared)('regional entries import (real rows)', () => {
  it('puts each entry into the craft records that hold it, and skips or rejects the rest with reasons', () => {
    const report = importCraftsAndEntries();
    expect(report.collection).toBe('crafts.entries');
    const yue = parse(readFileSync(crafts('yue-embroidery'), 'utf8').split('---')[1] ?? '') as {
      entries: { entry: string; type: string; protectionUnit?: string; region?: unknown }[];
    };
    expect(yue.entries.map((e) => e.entry)).toEqual([
      'VII-020_01_440100',
      'VII-020_01_445100',
      'VII-020_10_445100',
    ]);
    expect(yue.entries[2]).toMatchObject({
      type: 'extension',
      protectionUnit: '潮州百师园文化产业有限公司',
      region: { code: '445100', place: { zh: '广东省潮州市', en: 'Chaozhou, Guangdong' } },
    });
    const paperCut = readFrontmatter(readFileSync(crafts('guangdong-paper-cutting'), 'utf8'));
    expect((paperCut?.['entries'] as { entry: string }[]).map((e) => e.entry)).toEqual([
      'VII-016_01_440600',
    ]);
    expect(rowOf(report, 'VII-016_01_130726')).toMatchObject({ action: 'skipped-scope' });
    expect(rowOf(report, 'VII-016_01_130726').reason).toMatch(/hold other entries only/);
    expect(rowOf(report, 'VIII-058_01_510500')).toMatchObject({ action: 'skipped-scope' });
    expect(rowOf(report, 'VIII-058_01_510500').reason).toMatch(/not a craft of objects/);
    expect(rowOf(report, 'VIII-110_10_320682')).toMatchObject({ action: 'rejected' });
    expect(rowOf(report, 'VIII-110_10_320682').reason).toMatch(/no craft record .* VIII-110/);
    expect(rowOf(report, 'VII-001_01_120000')).toMatchObject({ action: 'created' });
    expect(checkContent(project.root).problems).toEqual([]);
  });

  it('gives an item that a hand-written record lists under a regional name its own record, which holds every entry', () => {
    // 广东剪纸 lists VII-16 as 剪纸(广东剪纸): one tradition of the item, not the item itself.
    const items = run('ich', sample(ichSource, 'items-paper-cut.csv', ['VII-16', 'VII-20']));
    expect(rowOf(items, 'VII-16')).toMatchObject({ action: 'created' });
    // 粤绣 lists VII-20 under the item's own name: it is the item's record, nothing is made.
    expect(rowOf(items, 'VII-20')).toMatchObject({ action: 'skipped-existing' });
    const whole = readFrontmatter(
      readFileSync(join(project.root, rowOf(items, 'VII-16').file ?? ''), 'utf8'),
    );
    expect(whole?.['heritage']).toEqual([{ code: 'VII-16', batch: 1, name: '剪纸(蔚县剪纸)' }]);

    const entries = run(
      'ich-entries',
      sample(entriesSource, 'entries-paper-cut.csv', ['VII-016_01_130726', 'VII-016_01_440600']),
    );
    // 蔚县剪纸 now has a record; the Guangdong entry is in both, the regional one keeps its own.
    expect(rowOf(entries, 'VII-016_01_130726')).toMatchObject({ action: 'created' });
    const wholeAfter = readFrontmatter(
      readFileSync(join(project.root, rowOf(items, 'VII-16').file ?? ''), 'utf8'),
    );
    expect((wholeAfter?.['entries'] as { entry: string }[]).map((e) => e.entry)).toEqual([
      'VII-016_01_130726',
      'VII-016_01_440600',
    ]);
    const paperCut = readFrontmatter(readFileSync(crafts('guangdong-paper-cutting'), 'utf8'));
    expect((paperCut?.['entries'] as { entry: string }[]).map((e) => e.entry)).toEqual([
      'VII-016_01_440600',
    ]);
    expect(checkContent(project.root).problems).toEqual([]);
  });

  it('edits only the entries block of a hand-written record', () => {
    const before = readFileSync(crafts('shiwan-ceramic-sculpture'), 'utf8');
    importCraftsAndEntries();
    const after = readFileSync(crafts('shiwan-ceramic-sculpture'), 'utf8');
    expect(after).toMatch(/\nheritage:\n(?: {2}.*\n)+entries:\n {2}- entry: VIII-003_01_440600\n/);
    expect(withoutEntries(after)).toBe(before);
  });

  it('changes nothing on a second run, and the item import keeps the entries it did not make', () => {
    importCraftsAndEntries();
    const files = ['yue-embroidery', 'guangcai-porcelain'].map((f) =>
      readFileSync(crafts(f), 'utf8'),
    );
    const again = run('ich-entries', sample(entriesSource, 'entries.csv', ENTRIES));
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
    expect(
      ['yue-embroidery', 'guangcai-porcelain'].map((f) => readFileSync(crafts(f), 'utf8')),
    ).toEqual(files);
    const items = run('ich', sample(ichSource, 'items.csv', ITEMS));
    const yangliuqing = rowOf(items, 'VII-1');
    expect(yangliuqing.action).toBe('unchanged');
    const text = readFileSync(join(project.root, yangliuqing.file ?? ''), 'utf8');
    expect(text).toContain('entry: VII-001_01_120000');
  });

  it('leaves an imported record edited by hand to the curator: its hash stays stale', () => {
    importCraftsAndEntries();
    const items = run('ich', sample(ichSource, 'items.csv', ITEMS));
    const path = join(project.root, rowOf(items, 'VII-1').file ?? '');
    const edited = readFileSync(path, 'utf8').replace('首次列入：', '首次列入名录：');
    expect(edited).not.toBe(readFileSync(path, 'utf8'));
    writeFileSync(path, edited);
    const source = sample(entriesSource, 'entries.csv', ENTRIES);
    writeFileSync(
      source,
      readFileSync(source, 'utf8').replace('天津杨柳青画社', '天津杨柳青画社（更名）'),
    );
    expect(rowOf(run('ich-entries', source), 'VII-001_01_120000').action).toBe('updated');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('天津杨柳青画社（更名）');
    const stored = (readFrontmatter(text)?.['imported'] as { hash: string }).hash;
    expect(stored).not.toBe(contentHash(text));
    expect(rowOf(run('ich', sample(ichSource, 'items.csv', ITEMS)), 'VII-1').action).toBe(
      'skipped-edited',
    );
  });
});

// ihchina_id of real inheritors: 霍庆顺 (born 1952), 霍庆有 (sources disagree on the birth
// year), 余培锡 (died 2013, from the official biography), 廖洪标 (no agreed birth year),
// 潘伯林（潘柏林） (batch 6, another form of the name), 许炽光 (粤绣), 王龙才 (an entry number not on
// the list), 高腊梅 (entry and item code contradict), 赖高淮 (drink: out of scope), 周兆明
// (蔚县剪纸: no record holds it)
const INHERITORS = [
  '2596',
  '2597',
  '3102',
  '3191',
  '30458',
  '2851',
  '3101',
  '2751',
  '3028',
  '2614',
];

function importInheritors() {
  run('ich', sample(ichSource, 'items.csv', [...ITEMS, 'VIII-3', 'VII-8']));
  run('ich-entries', sample(entriesSource, 'entries.csv', ENTRIES));
  const ids = (readFileSync(inheritorsSource, 'utf8').split('\n')[0] ?? '')
    .split(',')
    .map((c) => c.trim());
  return run(
    'ich-inheritors',
    sample(inheritorsSource, 'inheritors.csv', INHERITORS, ids.indexOf('ihchina_id')),
  );
}

describe.skipIf(!haveShared)('national representative inheritors import (real rows)', () => {
  it('records what the list states, linked to the craft and its regional entry', () => {
    const report = importInheritors();
    const huo = person(report, '2596').data;
    expect(huo).toMatchObject({
      name: { zh: '霍庆顺', en: 'Huo Qingshun', pinyin: 'Huò Qìngshùn' },
      gender: 'male',
      ethnicGroup: 'han',
      life: { born: 1952 },
      region: { code: '120000', place: { zh: '天津市', en: 'Tianjin' } },
      designations: [
        {
          title: { zh: '国家级非物质文化遗产代表性项目代表性传承人' },
          conferredBy: { zh: '文化部' },
          year: 2007,
          batch: 1,
          number: '01-0048',
          heritage: { code: 'VII-1', entry: 'VII-001_01_120000', name: '杨柳青木版年画' },
          declaredBy: '天津市',
        },
      ],
    });
    expect(huo['references']).toEqual([
      expect.objectContaining({ title: '国家级非物质文化遗产代表性项目代表性传承人名单' }),
    ]);
    expect(huo['crafts']).toHaveLength(1);
    const xu = person(report, '2851').data;
    expect(xu['crafts']).toEqual([
      readFrontmatter(readFileSync(crafts('yue-embroidery'), 'utf8'))?.['id'],
    ]);
    expect(checkContent(project.root).problems).toEqual([]);
  });

  it('gives a birth year only where the sources agree, and a death only from a source', () => {
    const report = importInheritors();
    for (const key of ['2597', '3191']) {
      const { data, text } = person(report, key);
      expect(data['life'], key).toBeUndefined();
      expect(data['living'], key).toBeUndefined();
      expect(text, key).not.toMatch(/出生年份：|去世年份：|Birth year:|Year of death:/);
    }
    // the list gives 霍庆有's birth as 1954, his biography 1952: neither is published
    expect(person(report, '2597').text).not.toMatch(/195[24]/);
    const yu = person(report, '3102');
    expect(yu.data).toMatchObject({ life: { born: 1929, died: 2013 }, living: false });
    expect(person(report, '2596').data['living']).toBeUndefined();
  });

  it('keeps the other form of a name, and the batch 6 inheritor without a list number', () => {
    const pan = person(importInheritors(), '30458').data;
    expect(pan).toMatchObject({
      name: { zh: '潘伯林', en: 'Pan Bolin' },
      otherNames: ['潘柏林'],
      designations: [{ batch: 6, year: 2025 }],
    });
    expect((pan['designations'] as Record<string, unknown>[])[0]?.['number']).toBeUndefined();
  });

  it('reports every row that cannot be joined or is outside the archive, with its reason', () => {
    const report = importInheritors();
    const wang = rowOf(report, '3101');
    expect(wang.action).toBe('created');
    expect(wang.reason).toMatch(/not on the list of regional entries/);
    const heritage = (person(report, '3101').data['designations'] as { heritage: object }[])[0]
      ?.heritage;
    expect(heritage).toEqual({ code: 'VIII-96', name: '枫溪瓷烧制技艺' });
    expect(rowOf(report, '2751')).toMatchObject({ action: 'rejected', field: 'entry_no' });
    expect(rowOf(report, '2751').reason).toMatch(/contradicts/);
    expect(rowOf(report, '3028')).toMatchObject({ action: 'skipped-scope' });
    expect(rowOf(report, '3028').reason).toMatch(/not a craft of objects/);
    expect(rowOf(report, '2614')).toMatchObject({ action: 'skipped-scope' });
    expect(rowOf(report, '2614').reason).toMatch(/hold other entries only/);
  });

  it('changes nothing on a second run', () => {
    const first = importInheritors();
    const texts = first.rows.filter((r) => r.file).map((r) => person(first, r.key ?? '').text);
    const again = run('ich-inheritors', join(project.root, 'inheritors.csv'));
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: first.counts.created });
    expect(first.rows.filter((r) => r.file).map((r) => person(first, r.key ?? '').text)).toEqual(
      texts,
    );
  });
});
