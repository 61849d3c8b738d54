import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import { htmlToHast } from 'satteri';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../../scripts/lib/check.ts';
import {
  contentHash,
  runImport,
  type ImportOptions,
} from '../../../scripts/lib/import/importer.ts';
import { parseCsv } from '../../../scripts/lib/import/source.ts';
import { validCraft, validWork } from '../../fixtures/content/records.ts';
import { haveShared, ichSource, imaSource, repo, tempProject, writeFile } from './helpers.ts';

type Ima = Record<string, unknown> & { accession_number: string };

let project: ReturnType<typeof tempProject>;
beforeEach(() => {
  project = tempProject('bg-import-');
});
afterEach(() => project.cleanup());

const imaRows = (): Ima[] =>
  haveShared ? (JSON.parse(readFileSync(imaSource, 'utf8')) as Ima[]) : [];
const byAccession = (rows: Ima[], accession: string): Ima => {
  const row = rows.find((r) => r.accession_number === accession);
  if (!row) throw new Error(`no IMA object ${accession}`);
  return structuredClone(row);
};
/** Real IMA objects: a tomb guardian, a calligraphy fan, a pendant pair, a Han vase … */
const SAMPLE = ['1997.1', '73.61.42', '16.887A-B', '06.118A'];

function imaFile(rows: unknown[]): string {
  const path = join(project.root, 'ima-sample.json');
  writeFileSync(path, JSON.stringify(rows));
  return path;
}

function ichFile(lines: string[]): string {
  const path = join(project.root, 'ich-sample.csv');
  const header = readFileSync(ichSource, 'utf8').split('\n')[0] ?? '';
  writeFileSync(path, [header, ...lines].join('\n') + '\n');
  return path;
}

function run(mapping: 'ima' | 'ich', source: string, extra: Partial<ImportOptions> = {}) {
  return runImport({
    root: project.root,
    contentDir: project.content,
    mapping: join(repo, 'import-mappings', `${mapping}.json`),
    source,
    today: '2026-12-01',
    ...extra,
  });
}

const files = (collection: string) =>
  existsSync(join(project.content, collection))
    ? readdirSync(join(project.content, collection)).sort()
    : [];

describe.skipIf(!haveShared)('IMA import (real rows)', () => {
  it('creates Markdown records that pass the check, then re-runs without changes', () => {
    const rows = imaRows();
    const source = imaFile(SAMPLE.map((a) => byAccession(rows, a)));
    const first = run('ima', source);
    expect(first.counts.created).toBe(4);
    expect(first.counts.rejected).toBe(0);
    expect(files('works')).toEqual([
      'ima-06-118a-rank-insignia-sixth-degree-civil-egret',
      'ima-16-887a-b-pair-of-pendants-with-trigrams',
      'ima-1997-1-tomb-guardian',
      'ima-73-61-42-fan-calligraphy-of-a-poem-composed-by-shen-zhou',
    ]);
    const check = checkContent(project.root);
    expect(check.problems).toEqual([]);
    expect(check.records).toBe(4);

    const guardian = readFileSync(
      join(project.content, 'works', 'ima-1997-1-tomb-guardian', 'index.md'),
      'utf8',
    );
    expect(guardian).toContain('id: BGW-000001');
    expect(guardian).toMatch(/period: tang\n/);
    expect(guardian).toMatch(
      /date:\n {2}start: 700\n {2}end: 732\n {2}display:\n {4}zh: 8世纪前期\n {4}en: early 700s\n/,
    );
    expect(guardian).toMatch(/materials:\n {2}- earthenware\n {2}- glaze\n {2}- gold\n {2}- ink\n/);
    expect(guardian).toMatch(
      /height: 107\n {2}width: 48.3\n {2}depth: 22.9\n {2}note: 42 1\/8 x 19 x 9 \(approx.\) in./,
    );
    expect(guardian).toContain('license: CC-BY-3.0');
    expect(guardian).toContain(
      'credit: Indianapolis Museum of Art, Anonymous Art Fund. Metadata CC BY 3.0',
    );
    expect(guardian).toMatch(
      /holding:\n {2}institution:\n {4}zh: 印第安纳波利斯艺术博物馆\n {4}en: Indianapolis Museum of Art\n {2}accession: "?1997.1"?\n/,
    );
    expect(guardian).toMatch(
      /imported:\n {2}mapping: ima\n {2}key: "?1997.1"?\n {2}hash: [0-9a-f]{64}\n/,
    );
    expect(guardian).toContain('<div lang="zh-Hans">');

    const again = run('ima', source);
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    const after = readFileSync(
      join(project.content, 'works', 'ima-1997-1-tomb-guardian', 'index.md'),
      'utf8',
    );
    expect(after).toBe(guardian);
  });

  it('updates the same folder and ID when the input changes', () => {
    const rows = SAMPLE.map((a) => byAccession(imaRows(), a));
    run('ima', imaFile(rows));
    const guardian = rows.find((r) => r.accession_number === '1997.1');
    if (guardian) guardian['title'] = 'tomb guardian figure';
    const result = run('ima', imaFile(rows), { today: '2027-01-02' });
    expect(result.counts).toMatchObject({ updated: 1, unchanged: 3, created: 0 });
    const text = readFileSync(
      join(project.content, 'works', 'ima-1997-1-tomb-guardian', 'index.md'),
      'utf8',
    );
    expect(text).toContain('en: Tomb guardian figure');
    expect(text).toContain('id: BGW-000001');
    expect(text).toContain('added: 2026-12-01');
    expect(text).toContain('modified: 2027-01-02');
    expect(files('works')).toHaveLength(4);
  });

  it('shows a typewriter range "1555--1636" with an en dash, and keeps the source title verbatim', () => {
    run('ima', imaFile([byAccession(imaRows(), '73.61.13')]));
    const [folder] = files('works');
    const text = readFileSync(join(project.content, 'works', folder ?? '', 'index.md'), 'utf8');
    expect(text).toContain('en: Landscape after Dong Qichang (1555–1636)\n');
    expect(text).toContain('英文原名 “Landscape after Dong Qichang (1555–1636)”');
    expect(text).toContain('sourceTitle:\n  text: Landscape after Dong Qichang (1555--1636)\n');
  });

  it('leaves a record edited by a curator alone unless --force', () => {
    const rows = SAMPLE.map((a) => byAccession(imaRows(), a));
    const source = imaFile(rows);
    run('ima', source);
    const path = join(project.content, 'works', 'ima-1997-1-tomb-guardian', 'index.md');
    const edited = readFileSync(path, 'utf8').replace(
      'en: Tomb guardian',
      'en: Tomb guardian (zhenmushou)',
    );
    writeFileSync(path, edited);
    const guardian = rows.find((r) => r.accession_number === '1997.1');
    if (guardian) guardian['credit_line'] = 'Anonymous Art Fund (changed)';

    const skipped = run('ima', imaFile(rows));
    expect(skipped.counts['skipped-edited']).toBe(1);
    expect(skipped.rows.find((r) => r.key === '1997.1')?.reason).toMatch(/--force/);
    expect(readFileSync(path, 'utf8')).toBe(edited);

    const forced = run('ima', imaFile(rows), { force: true });
    expect(forced.rows.find((r) => r.key === '1997.1')?.action).toBe('updated');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('Anonymous Art Fund (changed)');
    expect(text).not.toContain('zhenmushou');
    expect(text).toContain('id: BGW-000001');
  });

  it('--dry-run reports the plan and writes nothing; --limit takes the first rows', () => {
    const source = imaFile(SAMPLE.map((a) => byAccession(imaRows(), a)));
    const planned = run('ima', source, { dryRun: true });
    expect(planned.dryRun).toBe(true);
    expect(planned.counts.created).toBe(4);
    expect(planned.rows[0]?.file).toMatch(/^content\/works\/ima-.*\/index\.md$/);
    expect(files('works')).toEqual([]);
    const limited = run('ima', source, { limit: 2 });
    expect(limited.counts.created).toBe(2);
    expect(files('works')).toHaveLength(2);
  });

  it('skips objects that a hand-written record already holds (same accession)', () => {
    writeFile(
      join(project.content, 'works', 'tomb-guardian', 'index.mdx'),
      validWork
        .replace('techniques: [BGC-000001]\n', '')
        .replace(
          'added:',
          'holding: { institution: { zh: 印第安纳波利斯艺术博物馆, en: Indianapolis Museum of Art }, accession: "1997.1" }\nadded:',
        ),
    );
    const result = run('ima', imaFile(SAMPLE.map((a) => byAccession(imaRows(), a))));
    const row = result.rows.find((r) => r.key === '1997.1');
    expect(row?.action).toBe('skipped-existing');
    expect(row?.file).toBe('content/works/tomb-guardian/index.mdx');
    expect(result.counts.created).toBe(3);
    // the hand-written record keeps its ID; new records get the next ones
    expect(result.rows.filter((r) => r.action === 'created').map((r) => r.id)).toEqual([
      'BGW-000002',
      'BGW-000003',
      'BGW-000004',
    ]);
  });

  it('does not bring back a retired key', () => {
    writeFileSync(
      join(project.content, 'retired-ids.json'),
      JSON.stringify([
        {
          id: 'BGW-000009',
          mapping: 'ima',
          key: '1997.1',
          reason: 'duplicate of a curated record',
        },
      ]),
    );
    const result = run('ima', imaFile(SAMPLE.map((a) => byAccession(imaRows(), a))));
    expect(result.rows.find((r) => r.key === '1997.1')?.action).toBe('skipped-retired');
    expect(result.rows.filter((r) => r.action === 'created').map((r) => r.id)[0]).toBe(
      'BGW-000010',
    );
  });

  describe('rejected rows, each with its reason', () => {
    const reject = (row: Ima, extra: Ima[] = []) => {
      const result = run('ima', imaFile([...extra, row]));
      const rejected = result.rows.filter((r) => r.action === 'rejected');
      expect(rejected).toHaveLength(1);
      expect(files('works').length).toBe(extra.length);
      return rejected[0];
    };
    const base = () => byAccession(imaRows(), '1997.1');

    it('empty key', () => {
      const r = reject({ ...base(), accession_number: '' });
      expect(r?.field).toBe('accession_number');
      expect(r?.reason).toMatch(/key column "accession_number" is empty/);
    });
    it('duplicate key in the file', () => {
      const r = reject(base(), [base()]);
      expect(r?.reason).toMatch(/appears more than once/);
      expect(r?.row).toBe(2);
    });
    it('dynasty missing from the map', () => {
      const r = reject({ ...base(), dynasty: 'Late Edo' });
      expect(r?.field).toBe('_dynasty');
      expect(r?.reason).toMatch(/no entry for "Late Edo" in map "dynasties"/);
    });
    it('no dynasty at all', () => {
      const r = reject({ ...base(), dynasty: null });
      expect(r?.reason).toMatch(/no dynasty/);
    });
    it('ambiguous dynasty and no date', () => {
      const r = reject({ ...base(), dynasty: 'Jin dynasty', creation_date: null });
      expect(r?.reason).toMatch(/ambiguous/);
    });
    it('dynasty that does not fit the date', () => {
      const r = reject({ ...base(), dynasty: 'Modern {Chinese period}', creation_date: '1880' });
      expect(r?.reason).toMatch(/no single reading for the years 1880–1880/);
    });
    it('materials with no vocabulary term', () => {
      const r = reject({ ...base(), materials: 'ivory' });
      expect(r?.field).toBe('materials');
      expect(r?.reason).toMatch(/none of the words in "ivory"/);
    });
    it('no materials at all', () => {
      const r = reject({ ...base(), materials: null });
      expect(r?.field).toBe('materials');
      expect(r?.reason).toMatch(/no value/);
    });
    it('no category rule matches', () => {
      const r = reject({ ...base(), title: 'object', materials: 'feather' });
      expect(r?.field).toBe('category');
      expect(r?.reason).toMatch(/no category rule/);
    });
  });
});

describe.skipIf(!haveShared)('national list import (real rows)', () => {
  const lines = () => readFileSync(ichSource, 'utf8').split('\n').slice(1).filter(Boolean);
  const line = (code: string) => {
    const found = lines().find((l) => l.startsWith(`${code},`));
    if (!found) throw new Error(`no list item ${code}`);
    return found;
  };

  it('creates craft records with listing, category, regions and source, and is idempotent', () => {
    const source = ichFile(['VII-1', 'VIII-1', 'VIII-43', 'VII-16'].map(line));
    const result = run('ich', source);
    expect(result.counts.created).toBe(4);
    expect(checkContent(project.root).problems).toEqual([]);
    const [yangliuqing] = files('crafts').filter((f) => f.startsWith('yangliuqing'));
    const text = readFileSync(
      join(project.content, 'crafts', yangliuqing ?? '', 'index.md'),
      'utf8',
    );
    expect(text).toMatch(
      /name:\n {2}zh: 杨柳青木版年画\n {2}en: Yangliuqing woodblock New Year prints\n/,
    );
    expect(text).toMatch(/category: paper\n/);
    expect(text).toMatch(/heritage:\n {2}- code: VII-1\n {4}batch: 1\n {4}name: 杨柳青木版年画\n/);
    expect(text).toMatch(
      /regions:\n {2}- code: "120000"\n {4}place:\n {6}zh: 天津市\n {6}en: Tianjin\n/,
    );
    expect(text).toContain('title: 国家级非物质文化遗产代表性项目名录');
    expect(text).toContain('note: VII-1，第1批（2006年）公布');
    expect(run('ich', source).counts.unchanged).toBe(4);
  });

  it('links to the hand-written craft that lists the item under its own name instead of duplicating it', () => {
    // The whole item, not a regional tradition of it: the craft names the item as the list does.
    const wholeItem = validCraft.replace(
      '{ code: VIII-97, batch: 2 }',
      '{ code: VIII-97, batch: 2, name: 广彩瓷烧制技艺 }',
    );
    expect(wholeItem).not.toBe(validCraft);
    writeFile(join(project.content, 'crafts', 'guangcai-porcelain', 'index.mdx'), wholeItem);
    const result = run('ich', ichFile([line('VIII-97'), line('VII-1')]));
    expect(result.rows[0]).toMatchObject({
      action: 'skipped-existing',
      file: 'content/crafts/guangcai-porcelain/index.mdx',
      id: 'BGC-000001',
    });
    expect(result.rows[1]).toMatchObject({ action: 'created', id: 'BGC-000002' });
  });

  it('skips items that are not crafts of objects; rejects unknown categories, unknown provinces and bad batches', () => {
    const rows = [
      line('VIII-58'), // 茅台酒酿制技艺: food and drink
      line('VII-101'), // 平遥纱阁戏人: no category rule
      line('VII-1').replace(',天津市,', ',火星省,'),
      line('VII-1').replace('VII-1,', 'VII-1X,').replace(',1,1,2006,', ',1,1,2006,'),
      line('VII-2').replace(',1,1,2006,', ',9,9,2006,'),
      line('VII-3').replace(',江苏省,', ',,'),
    ];
    const result = run('ich', ichFile(rows));
    const reasons = result.rows.map((r) => `${r.action} ${r.field ?? ''}: ${r.reason ?? ''}`);
    expect(reasons[0]).toMatch(/^skipped-scope category: not a craft of objects/);
    expect(reasons[1]).toMatch(/^rejected category: no craft category rule matches "平遥纱阁戏人"/);
    expect(reasons[2]).toMatch(/^rejected regions: "火星省" is not a province-level division/);
    expect(reasons[3]).toMatch(/^rejected heritage.0.code: .*national list/);
    expect(reasons[4]).toMatch(/^rejected heritage.0.batch: /);
    expect(reasons[5]).toMatch(/^rejected regions: the row names no province/);
    expect(files('crafts')).toEqual([]);
  });
});

describe('sources and hashes', () => {
  it('reads quoted CSV cells with commas, quotes and newlines', () => {
    const rows = parseCsv('\uFEFFcode,name\r\n"VII-1","杨柳青, ""年画""\n第二行"\n\nVII-2,武强\n');
    expect(rows).toEqual([
      { row: 1, line: 2, data: { code: 'VII-1', name: '杨柳青, "年画"\n第二行' } },
      { row: 2, line: 5, data: { code: 'VII-2', name: '武强' } },
    ]);
  });
  it('hashes a file without its own hash line', () => {
    const a = 'imported:\n  mapping: ima\n  key: "1"\n  hash: ' + 'a'.repeat(64) + '\n---\n';
    const b = a.replace('a'.repeat(64), 'b'.repeat(64));
    expect(contentHash(a)).toBe(contentHash(b));
  });
});

describe('import of hostile source values', () => {
  const hostileSource = join(repo, 'tests', 'fixtures', 'import', 'hostile-ima.json');

  /** Elements (`name` or `a href`) in the HTML Astro's Markdown renderer makes of a body. */
  async function renderedElements(body: string): Promise<string[]> {
    const renderer = await satteri().createRenderer({});
    const { code } = await renderer.render(body);
    const names: string[] = [];
    const walk = (node: { type: string; tagName?: string; properties?: object; children?: [] }) => {
      if (node.type === 'element' && node.tagName)
        names.push([node.tagName, ...Object.entries(node.properties ?? {}).flat()].join(' '));
      (node.children ?? []).forEach(walk);
    };
    walk(htmlToHast(code, { fragment: true }) as Parameters<typeof walk>[0]);
    return [...new Set(names)].sort();
  }

  it('writes every value into the body as text: the page shows no script, frame or image', async () => {
    const result = run('ima', hostileSource);
    expect(result.counts).toMatchObject({ created: 1, rejected: 0 });
    const [folder] = files('works');
    const text = readFileSync(join(project.content, 'works', folder ?? '', 'index.md'), 'utf8');
    const body = text.slice(text.indexOf('\n---\n', 4) + 5);
    // a bare web address still shows as a link to itself (GitHub-flavoured Markdown)
    expect(await renderedElements(body)).toEqual([
      'a href https://example.org/tracker.png',
      'div lang en',
      'div lang zh-Hans',
      'p',
      'strong',
    ]);
    expect(body).toContain('\\<iframe src="javascript:alert(\'credit\')"\\>');
    expect(checkContent(project.root).problems).toEqual([]);
  });

  it('rejects a row whose body would still hold a link that is not a web address', () => {
    const [row] = JSON.parse(readFileSync(hostileSource, 'utf8')) as Ima[];
    const result = run('ima', imaFile([{ ...row, credit_line: 'write to someone@example.org' }]));
    expect(result.rows[0]).toMatchObject({
      action: 'rejected',
      field: '(body)',
      reason: expect.stringMatching(/mailto:someone@example.org.*not a web address/),
    });
    expect(files('works')).toEqual([]);
  });
});
