/**
 * Chinese titles from English source titles through the thesaurus: the pure function, and the
 * real IMA import (a dry run over shared/data/museum against the real content folder).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../scripts/lib/import/importer.ts';
import { chineseTitle } from '../../../src/lib/thesaurus/title-zh.ts';

const root = join(import.meta.dirname, '..', '..', '..');

describe('chineseTitle', () => {
  it.each([
    [
      'Vase with horses on water design',
      'porcelain with underglaze blue',
      'ceramics',
      '青花海水马纹瓶',
      'vase',
    ],
    [
      'vase with painted peony design (meiping)',
      'stoneware, Cizhou-type ware',
      'ceramics',
      '磁州窑彩绘牡丹纹梅瓶',
      'meiping',
    ],
    [
      'rank insignia, sixth degree civil, egret',
      'satin',
      'textiles',
      '六品文官鹭鸶补子',
      'rank-badge',
    ],
    ['jar with two loop handles', 'stoneware with brown glaze', 'ceramics', '酱釉双系罐', 'jar'],
    ['pair of sleeve facings', 'silk', 'textiles', '挽袖（一对）', 'sleeve-bands'],
    ['seated Buddha', 'Gilt Bronze', 'metal', '鎏金铜佛坐像', 'figure'],
    [
      'Landscape after Ni Zan',
      'ink on paper. fan painting.',
      'painting',
      '仿倪瓒山水图扇面',
      'fan-painting',
    ],
    [
      'bowl with carved lotus design',
      'stoneware with celadon glaze',
      'ceramics',
      '青釉刻花莲纹碗',
      'bowl',
    ],
  ])('%s → %s', (title, materials, category, zh, objectType) => {
    const result = chineseTitle({ title, materials, category });
    expect(result.zh).toBe(zh);
    expect(result.objectType).toBe(objectType);
    expect(result.translation).toBe('working');
  });

  it('names the concepts it used, the object type apart', () => {
    const result = chineseTitle({
      title: 'Vase with dragon and cloud design',
      category: 'ceramics',
    });
    expect(result).toMatchObject({ objectType: 'vase', concepts: ['cloud-dragon'] });
  });

  it('translates no title with a word the thesaurus lacks, and names the word', () => {
    const result = chineseTitle({ title: 'ewer with abstract design', category: 'ceramics' });
    expect(result.zh).toBeUndefined();
    expect(result.missing).toEqual(['abstract']);
  });

  it('reads misspellings kept as hidden labels', () => {
    expect(chineseTitle({ title: 'standing Bodisattva', materials: 'Gilt Bronze' }).zh).toBe(
      '鎏金铜菩萨立像',
    );
  });
});

const source = join(root, '..', 'shared', 'data', 'museum', 'ima-chinese-objects.json');

describe.skipIf(!existsSync(source))('the IMA import (real data)', () => {
  const report = runImport({ root, mapping: 'ima', source, dryRun: true, today: '2026-01-01' });
  const imported = report.rows.filter(
    (r) =>
      r.action !== 'rejected' && r.action !== 'skipped-existing' && r.action !== 'skipped-retired',
  );

  it('imports the 1,196 works', () => {
    expect(imported).toHaveLength(1196);
  });

  it('gives at least 80% of them a specific Chinese title', () => {
    const specific = imported.filter((r) => r.title?.zh !== undefined);
    expect(specific.length / imported.length).toBeGreaterThanOrEqual(0.8);
  });

  it('gives different objects the same Chinese title only when their source titles are the same', () => {
    const sources = new Map<string, Set<string>>();
    for (const r of imported) {
      if (!r.title?.zh) continue;
      const same = sources.get(r.title.zh) ?? new Set<string>();
      same.add(r.title.source.trim().toLowerCase());
      sources.set(r.title.zh, same);
    }
    const clashes = [...sources].filter(([, s]) => s.size > 1);
    expect(clashes).toEqual([]);
  });

  it('reports every untranslated title with its source title, and the words it lacks', () => {
    const untranslated = imported.filter((r) => r.title?.zh === undefined);
    expect(untranslated.length).toBeGreaterThan(0);
    expect(untranslated.every((r) => r.title?.source)).toBe(true);
    const named = untranslated.filter((r) => (r.title?.missing.length ?? 0) > 0);
    expect(named.length / untranslated.length).toBeGreaterThan(0.9);
    expect(
      untranslated.find((r) => r.title?.source === 'ewer with abstract design')?.title?.missing,
    ).toEqual(['abstract']);
  });
});
