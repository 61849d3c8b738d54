import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../../scripts/lib/check.ts';
import { runImport, type ImportOptions } from '../../../scripts/lib/import/importer.ts';
import { groupPhotos } from '../../../scripts/lib/import/prepare/chinesenotes-photos.ts';
import { decorationOf, formOf, photoAlt } from '../../../scripts/lib/import/prepare/photo-alt.ts';
import { readFrontmatter } from '../../../scripts/lib/import/registry.ts';
import { repo, shared, tempProject } from './helpers.ts';

const photos = join(shared, 'photos', 'chinesenotes-amies');
const manifest = join(photos, 'manifest.json');
const haveManifest = existsSync(manifest);
const mapping = join(repo, 'import-mappings', 'chinesenotes-photos.json');

interface Item {
  file: string;
  title_zh: string | null;
  title_en: string | null;
  caption_raw: string | null;
  sha256: string;
}
const items = (): Item[] =>
  haveManifest ? (JSON.parse(readFileSync(manifest, 'utf8')) as { items: Item[] }).items : [];

let project: ReturnType<typeof tempProject>;
beforeEach(() => {
  project = tempProject('bg-photos-');
  // the curated crafts the photographs link to (techniques) must exist for the check
  cpSync(join(repo, 'content', 'crafts'), join(project.content, 'crafts'), {
    recursive: true,
    filter: (src) => !existsSync(join(src, 'index.md')),
  });
});
afterEach(() => project.cleanup());

const run = (source = manifest, extra: Partial<ImportOptions> = {}) =>
  runImport({
    root: project.root,
    contentDir: project.content,
    mapping,
    source,
    today: '2026-12-01',
    ...extra,
  });

/** The frontmatter fields these tests read. */
interface Work {
  title: { zh: string; en: string };
  period: string;
  rights: { license: string };
  holding?: unknown;
  reproduction?: boolean;
  references: { url: string }[];
  images: { rights: unknown }[];
  review?: { field: string; note: { zh: string; en: string } }[];
}

const record = (folder: string) => {
  const text = readFileSync(join(project.content, 'works', folder, 'index.md'), 'utf8');
  return { text, data: readFrontmatter(text) as unknown as Work };
};

describe('groupPhotos', () => {
  it('joins photos with the same caption and uncaptioned detail shots to their main photo', () => {
    const groups = groupPhotos([
      { file: 'cn-pou1000.jpg', title_zh: '瓿', title_en: 'Pou', caption_raw: '兽面纹瓿 | Pou' },
      { file: 'cn-pou_detail400.jpg', title_zh: '瓿', title_en: 'Pou', caption_raw: null },
      { file: 'cn-robe1000.jpg', title_zh: '龙袍', title_en: 'Robe', caption_raw: '龙袍 | Robe' },
      { file: 'cn-robe_b1000.jpg', title_zh: '袍', title_en: 'R', caption_raw: '龙袍 | Robe' },
      { file: 'cn-vase1000.jpg', title_zh: '瓶', title_en: 'Vase', caption_raw: '瓶 | Vase' },
      { file: 'cn-medallion_detail800.jpg', title_zh: '瓶', title_en: 'Vase', caption_raw: null },
      { file: 'cn-tiger1000.jpg', title_zh: '虎', title_en: 'Tiger', caption_raw: null },
    ]);
    expect(groups).toEqual([[0, 1], [2, 3], [4, 5], [6]]);
  });

  it.skipIf(!haveManifest)(
    'finds the five photos of the manifest that show an object already photographed',
    () => {
      const list = items();
      const joined = groupPhotos(list)
        .filter((g) => g.length > 1)
        .map((g) => g.map((i) => list[i]?.file));
      expect(joined).toEqual([
        ['cn-animal_mask_pou_shang1000.jpg', 'cn-animal_mask_pou_shang_detail400.jpg'],
        ['cn-shoumianwen_you_1000.jpg', 'cn-shoumianwen_you_detail1000.jpg'],
        ['cn-zun_chunqiu1000.jpg', 'cn-zun_chunqiu_detail1000.jpg'],
        ['cn-vase_gold_medallion_qing1000.jpg', 'cn-vase_medallions_detail800.jpg'],
        ['cn-robe_dragon_qing1000.jpg', 'cn-dragon_robe_qing1000.jpg'],
      ]);
    },
  );
});

describe('photo alt text', () => {
  const forms = { 炉: 'censer', 三足炉: 'tripod censer', 盘: 'plate' };
  it('says what the photo shows: kind of object, material, decoration, period, place', () => {
    const alt = photoAlt(
      {
        title: { zh: '斗彩八卦纹三足炉', en: 'Doucai censer with eight trigrams design' },
        materials: ['porcelain'],
        category: 'ceramics',
        period: 'ming',
        institution: { zh: '首都博物馆', en: 'Capital Museum, Beijing' },
        view: 'whole',
        reproduction: false,
      },
      forms,
    );
    expect(alt.en).toBe(
      'Photograph of a tripod censer in porcelain with eight trigrams design, Ming dynasty, titled “Doucai censer with eight trigrams design” in the caption. Taken in the galleries of the Capital Museum, Beijing.',
    );
    expect(alt.zh).toBe('照片：明代的斗彩八卦纹三足炉，材质为瓷。摄于首都博物馆展厅。');
  });

  it('stays generic where little is known, and says so for details and reproductions', () => {
    const alt = photoAlt(
      {
        title: { zh: '龙', en: 'Dragon' },
        materials: ['jade'],
        category: 'carving',
        period: undefined,
        view: 'detail',
        reproduction: true,
      },
      forms,
    );
    expect(alt.en).toBe(
      'Close-up photograph of a carving in jade (a modern reproduction), titled “Dragon” in the caption. Taken in a museum gallery.',
    );
    expect(alt.zh).toBe('局部照片：龙，是一件雕刻品，材质为玉，为现代复制品。摄于博物馆展厅。');
  });

  it('reads the form from the end of the Chinese name and the decoration from the English', () => {
    expect(formOf('青花云龙纹盘（局部）', forms)).toEqual({ zh: '盘', en: 'plate' });
    expect(decorationOf('Bi (jade disc) with a grain pattern')).toBe('a grain pattern');
    expect(decorationOf('Jue (a Wine Vessel)')).toBeUndefined();
  });
});

describe.skipIf(!haveManifest)('chinesenotes-photos import (the real manifest)', () => {
  it('creates one record per object with its photos beside it, then re-runs without changes', () => {
    const first = run();
    expect(first.counts.created).toBe(148);
    expect(first.counts.rejected).toBe(30);
    const published = first.rows
      .filter((r) => r.action === 'created')
      .reduce((n, r) => n + 1 + (r.joined?.length ?? 0), 0);
    expect(published).toBeGreaterThanOrEqual(150);
    for (const r of first.rows.filter((row) => row.action === 'rejected')) {
      expect(r.reason, r.key).toMatch(/\S/);
      expect(r.field, r.key).toMatch(/^(period|materials|category)$/);
    }

    const folders = readdirSync(join(project.content, 'works'));
    const byFile = new Map(items().map((i) => [i.file, i.sha256]));
    let copied = 0;
    for (const folder of folders) {
      for (const file of readdirSync(join(project.content, 'works', folder))) {
        if (file === 'index.md') continue;
        const hash = createHash('sha256')
          .update(readFileSync(join(project.content, 'works', folder, file)))
          .digest('hex');
        expect(hash, file).toBe(byFile.get(file));
        copied++;
      }
    }
    expect(copied).toBe(published);

    const check = checkContent(project.root);
    expect(check.problems.filter((p) => !p.warning)).toEqual([]);
    expect(check.problems.every((p) => p.field.startsWith('review.'))).toBe(true);

    const second = run();
    expect(second.counts.unchanged).toBe(148);
    expect(second.counts.created + second.counts.updated).toBe(0);
  });

  it('marks the Jiajing lacquer box for review, places it in the Ming and credits the photo', () => {
    run();
    const { data, text } = record('round-carved-lacquer-box-with-floral-and-crane-decoration');
    expect(data.period).toBe('ming');
    expect(data.review).toHaveLength(2);
    expect(data.review?.[0]?.note.zh).toBe('中文图注称“清”，但嘉靖（1522年—1566年）是明代年号');
    expect(data.images[0]?.rights).toEqual({
      license: 'CC-BY-2.5',
      holder: 'Alex Amies',
      credit: 'Photo: Alex Amies, CC BY 2.5, via chinesenotes.com',
    });
    expect(data.rights.license).toBe('CC-BY-4.0');
    expect(data.references[0]?.url).toContain('corpus/decorative_designs_lacquer_ware.html');
    expect(text).toContain('清 嘉靖 （1521〜1567年在位） 北京首都博物馆');
  });

  it('leaves out an institution the two captions disagree on, and says so', () => {
    run();
    const { data } = record('dragon-robe-with-flat-gold-petit-point-embroidery');
    expect(data.holding).toBeUndefined();
    expect(data.images).toHaveLength(2);
    expect(data.review).toEqual([
      {
        field: 'holding',
        note: {
          zh: '中文图注的收藏机构为“首都博物馆”，英文图注为“Suzhou Silk Museum”（苏州丝绸博物馆）',
          en: 'The Chinese caption gives the holding institution as 首都博物馆 (Capital Museum, Beijing), the English caption as Suzhou Silk Museum',
        },
      },
    ]);
  });

  it('marks the modern reproductions flagged in the manifest', () => {
    run();
    const reproductions = readdirSync(join(project.content, 'works')).filter(
      (f) => record(f).data.reproduction === true,
    );
    expect(reproductions).toHaveLength(5);
    for (const f of reproductions) {
      expect(record(f).data.title.zh).toMatch(/（复制品）$/);
      expect(record(f).data.title.en).toMatch(/\(modern reproduction\)$/);
    }
  });

  it('rejects a photo whose file no longer matches the hash in the manifest', () => {
    const dir = join(project.root, 'photos');
    cpSync(photos, dir, { recursive: true });
    const target = join(dir, 'cn-porcelain_censer_bagua1000.jpg');
    const bytes = readFileSync(target);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    writeFileSync(target, bytes);
    const report = run(join(dir, 'manifest.json'));
    const censer = report.rows.find((r) => r.key === 'cn-porcelain_censer_bagua1000.jpg');
    expect(censer).toMatchObject({ action: 'rejected', field: 'images.0.file' });
    expect(censer?.reason).toContain('has SHA-256');
    expect(report.counts.created).toBe(147);
    expect(
      existsSync(join(project.content, 'works', 'doucai-censer-with-eight-trigrams-design')),
    ).toBe(false);
  });

  it('never overwrites a photo replaced by hand in the record folder', () => {
    run();
    const master = join(
      project.content,
      'works',
      'doucai-censer-with-eight-trigrams-design',
      'cn-porcelain_censer_bagua1000.jpg',
    );
    writeFileSync(master, 'replaced');
    const report = run();
    const censer = report.rows.find((r) => r.key === 'cn-porcelain_censer_bagua1000.jpg');
    expect(censer?.action).toBe('skipped-edited');
    expect(readFileSync(master, 'utf8')).toBe('replaced');
  });
});
