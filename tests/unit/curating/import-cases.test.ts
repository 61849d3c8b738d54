/**
 * `npm run import -- --map ich-units`: the protection units of the national list's regional
 * entries become typical cases, on the real list (shared/data/ich/crafts-regional-entries.csv).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../../scripts/lib/check.ts';
import { runImport, type ImportReport } from '../../../scripts/lib/import/importer.ts';
import { parseCsv } from '../../../scripts/lib/import/source.ts';
import { splitOutsideBrackets } from '../../../scripts/lib/import/units.ts';
import { repo, shared, tempProject } from './helpers.ts';

const entriesSource = join(shared, 'ich', 'crafts-regional-entries.csv');
const haveEntries = existsSync(entriesSource);

let project: ReturnType<typeof tempProject>;
beforeEach(() => {
  project = tempProject('bg-import-cases-');
});
afterEach(() => project.cleanup());

const run = (): ImportReport =>
  runImport({
    root: repo,
    contentDir: project.content,
    mapping: join(repo, 'import-mappings', 'ich-units.json'),
    source: entriesSource,
    today: '2026-12-01',
  });

/** Every case written, by its Chinese name. */
function casesByName(): Map<string, string> {
  const folder = join(project.content, 'cases');
  const out = new Map<string, string>();
  for (const slug of readdirSync(folder)) {
    const text = readFileSync(join(folder, slug, 'index.md'), 'utf8');
    const name = /^name:\n {2}zh: (.+)$/m.exec(text)?.[1];
    if (name) out.set(name, text);
  }
  return out;
}

describe('splitting a cell of protection units', () => {
  it('splits at 、 but not inside brackets', () => {
    expect(
      splitOutsideBrackets('甲公司、苏州市公共文化中心(苏州美术馆、苏州市名人馆)、乙画社', '、'),
    ).toEqual(['甲公司', '苏州市公共文化中心(苏州美术馆、苏州市名人馆)', '乙画社']);
    expect(splitOutsideBrackets('某中心（甲馆、乙馆）', '、')).toEqual(['某中心（甲馆、乙馆）']);
  });
});

describe.skipIf(!haveEntries)('importing protection units as cases', () => {
  it('imports organisations once each, skips public bodies and other scopes, and is idempotent', () => {
    const first = run();
    const rows = parseCsv(readFileSync(entriesSource, 'utf8')).length;
    expect(first.units).toMatchObject({ rows });
    const units = first.units!;
    // every organisation is created or rejected with a reason; none silently lost
    expect(first.counts.created + first.counts.rejected).toBe(units.organisations);
    expect(first.counts['skipped-scope']).toBe(units.skipped);
    expect(units.merged).toBeGreaterThan(0);
    expect(units.outOfScope).toBeGreaterThan(0);

    const cases = casesByName();
    expect(cases.size).toBe(first.counts.created);
    // one organisation named by three entries is one record with three designations
    const chaozhou = cases.get('潮州市工艺美术研究院') ?? '';
    expect(chaozhou).toContain('kind: institute');
    expect(chaozhou.match(/type: ich-protection-unit/g)).toHaveLength(3);
    for (const code of ['VII-20', 'VII-91', 'VIII-218'])
      expect(chaozhou).toContain(`heritage: ${code}\n`);
    // the entry's official role, with the list as source
    const guangzhou = cases.get('广州木雕家具工艺厂') ?? '';
    expect(guangzhou).toContain('kind: enterprise');
    expect(guangzhou).toContain('heritage: VIII-45\n');
    expect(guangzhou).toContain('title: 国家级非物质文化遗产代表性项目名录');
    expect(guangzhou).toContain('province: "440000"');
    // the city of its entries, which the cluster indicators count by: all in one division …
    expect(chaozhou).toMatch(/region:\n {2}province: "440000"\n {2}division: "445100"\n/);
    // … and none where the entries lie in different divisions or the code is not a known one
    const region = (text: string) => /region:\n((?: {2}.*\n)+)/.exec(text)?.[1] ?? '';
    for (const text of cases.values()) {
      const division = /division: "(\d{6})"/.exec(region(text))?.[1];
      if (division === undefined) continue;
      const codes = [...text.matchAll(/entry: [^\n]*_(\d{6})\n/g)].map((m) => m[1]);
      expect(new Set(codes)).toEqual(new Set([division]));
    }
    // several units in one cell: the studio is a case, the public service centre is not
    expect(cases.get('天津杨柳青画社')).toContain('kind: studio');
    expect(cases.has('天津市西青区杨柳青镇综合便民服务中心')).toBe(false);
    // public cultural bodies are skipped with that reason, bracketed names kept whole
    const skipped = first.rows.filter((r) => r.action === 'skipped-scope');
    expect(skipped.find((r) => r.key === '武强年画博物馆')?.reason).toMatch(/public cultural body/);
    expect(
      skipped.find((r) => r.key === '苏州市公共文化中心(苏州美术馆、苏州市文化馆、苏州市名人馆)'),
    ).toBeDefined();
    expect([...cases.keys()].some((name) => name.includes('博物馆'))).toBe(false);
    // food is outside the craft scope of the item import (VIII-171 都一处烧麦制作技艺)
    expect(cases.has('北京便宜坊烤鸭集团有限公司')).toBe(false);

    expect(checkContent(project.root).problems).toEqual([]);

    const again = run();
    expect(again.counts).toMatchObject({ created: 0, updated: 0 });
    expect(again.counts.unchanged).toBe(first.counts.created);
    expect(again.units).toEqual(first.units);
    expect(casesByName()).toEqual(cases);
  });
});
