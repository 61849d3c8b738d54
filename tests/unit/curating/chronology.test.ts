import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ceYearsUngrouped,
  enYears,
  splitCaption,
  zhYears,
} from '../../../scripts/lib/import/captions.ts';
import {
  dateDisagreements,
  dynasties,
  periodOf,
  readDate,
  reigns,
} from '../../../src/lib/site/chronology.ts';
import { findTerm } from '../../../src/lib/records/vocabularies.ts';
import { shared } from './helpers.ts';

const manifest = join(shared, 'photos', 'chinesenotes-amies', 'manifest.json');
const haveManifest = existsSync(manifest);

interface Item {
  file: string;
  caption_raw: string | null;
}
const item = (file: string): Item => {
  const items = (JSON.parse(readFileSync(manifest, 'utf8')) as { items: Item[] }).items;
  const found = items.find((i) => i.file === file);
  if (!found) throw new Error(`no photo ${file} in the manifest`);
  return found;
};

/** The date readings of a caption, as the photo import makes them. */
function readings(captionRaw: string) {
  const caption = splitCaption(captionRaw, {
    institutions: {
      北京首都博物馆: 1,
      首都博物馆: 1,
      'Capital Museum, Beijing': 1,
      上海博物馆: 1,
      'Shanghai Museum': 1,
    },
    kilns: { 景德镇窑: 1, 'Jingdezhen Kiln': 1 },
  });
  const zh = caption.zh.date;
  const en = caption.en.date;
  return {
    zh: zh ? readDate(zh, 'zh', zhYears(zh)) : undefined,
    en: en ? readDate(en, 'en', enYears(en)) : undefined,
  };
}

// The real caption of the carved lacquer box in the Capital Museum (cn-lacquerware_box1000.jpg).
const JIAJING_BOX =
  '红雕漆填花卉云鹤圆盒 | 清 嘉靖 （1521〜1567年在位） 北京首都博物馆 | Round carved lacquer box with floral and crane decoration | Jiājì\u200bng Reign, Qing Dynasty (1521－1567), Capital Museum, Beijing';

describe('chronology data', () => {
  it('maps every dynasty and reign onto the periods vocabulary, with ordered years', () => {
    for (const d of dynasties) {
      expect(findTerm('periods', d.period), d.key).toBeDefined();
      expect(d.start, d.key).toBeLessThanOrEqual(d.end);
    }
    for (const r of reigns) {
      const dynasty = dynasties.find((d) => d.key === r.dynasty);
      expect(dynasty, r.zh).toBeDefined();
      expect(r.start).toBeGreaterThanOrEqual(dynasty!.start);
      expect(r.end).toBeLessThanOrEqual(dynasty!.end);
    }
  });

  it('places Jiajing in the Ming, 1522–1566, as the standard tables do', () => {
    const jiajing = reigns.find((r) => r.zh === '嘉靖');
    expect(jiajing).toMatchObject({ dynasty: 'ming', start: 1522, end: 1566, pinyin: 'jia jing' });
  });
});

describe('reading a date text', () => {
  it('finds the dynasty and the reign in both languages, zero-width spaces and accents aside', () => {
    const { zh, en } = readings(JIAJING_BOX);
    expect(zh?.dynasties.map((m) => m[0]?.key)).toEqual(['qing']);
    expect(zh?.reigns.map((r) => r.zh)).toEqual(['嘉靖']);
    expect(en?.dynasties.map((m) => m[0]?.key)).toEqual(['qing']);
    expect(en?.reigns.map((r) => r.zh)).toEqual(['嘉靖']);
    expect(zh?.years).toEqual({ start: 1521, end: 1567, precision: 'year' });
    expect(en?.years).toEqual({ start: 1521, end: 1567, precision: 'year' });
  });

  it('reads no dynasty into 公元 (CE), a culture or a kiln name', () => {
    expect(readDate('商 公元前16〜前11世纪', 'zh').dynasties.map((m) => m[0]?.key)).toEqual([
      'shang',
    ]);
    expect(readDate('夏家店下层文化（约公元前2000〜前1500年）', 'zh')).toMatchObject({
      dynasties: [],
      cultures: [{ key: 'lower-xiajiadian' }],
    });
  });

  it('gives an English "Jin" both readings until the years decide', () => {
    const jin = readDate('Jin Dynasty (1115—1234)', 'en', enYears('Jin Dynasty (1115—1234)'));
    expect(jin.dynasties[0]?.map((d) => d.key)).toEqual(['jin-1115']);
    expect(
      readDate('Jin', 'en')
        .dynasties[0]?.map((d) => d.key)
        .sort(),
    ).toEqual(['jin-1115', 'jin-265']);
  });
});

describe('years stated in captions', () => {
  it.each([
    ['明嘉靖（1521〜1566）', { start: 1521, end: 1566, precision: 'year' }],
    ['商 公元前16〜前11世纪', { start: -1600, end: -1001, precision: 'century' }],
    ['战国（公元前475〜221年）', { start: -475, end: -221, precision: 'year' }],
    ['西汉（公元前206〜公元8年）', { start: -206, end: 8, precision: 'year' }],
    ['三国（吴）公元222〜280年', { start: 222, end: 280, precision: 'year' }],
    ['景德镇 十五世纪中期', { start: 1433, end: 1466, precision: 'century' }],
    ['20世纪上半叶 贵州台江施洞', { start: 1900, end: 1949, precision: 'century' }],
  ])('reads %s (Chinese)', (text, years) => {
    expect(zhYears(text)).toEqual(years);
  });

  it.each([
    ['Shang Dynasty (16th—11th century BCE)', { start: -1600, end: -1001, precision: 'century' }],
    ['Erlitou Culture (1,750—1,530 BCE)', { start: -1750, end: -1530, precision: 'year' }],
    ['Eastern Han (25—220 BC)', { start: -220, end: -25, precision: 'year' }],
    ['Liangzhu Culture (3,200—2,200)', { start: -3200, end: -2200, precision: 'year' }],
    ['Western Han (206 BCE — 25 CE)', { start: -206, end: 25, precision: 'year' }],
    ['Late 20th century. Taijiang, Guizhou', { start: 1967, end: 1999, precision: 'century' }],
    ['Jingdezhen, mid-fifteenth century', { start: 1433, end: 1466, precision: 'century' }],
  ])('reads %s (English)', (text, years) => {
    expect(enYears(text)).toEqual(years);
  });

  it('gives no years for a text without any', () => {
    expect(zhYears('北京首都博物馆')).toBeUndefined();
    expect(enYears('Capital Museum, Beijing')).toBeUndefined();
  });
});

describe('dateDisagreements', () => {
  it('flags the Jiajing reign under the Qing dynasty, in both captions, and dates it Ming', () => {
    const r = readings(JIAJING_BOX);
    const notes = dateDisagreements(r);
    expect(notes).toHaveLength(2);
    expect(notes.every((n) => n.field === 'period')).toBe(true);
    expect(notes[0]?.note.zh).toBe('中文图注称“清”，但嘉靖（1522年—1566年）是明代年号');
    expect(notes[1]?.note.en).toBe(
      'The English caption names the Qing (清), but Jiajing (嘉靖, 1522–1566) is a reign of the Ming (明)',
    );
    expect(periodOf([r.zh, r.en])).toBe('ming');
  });

  it('accepts a Jiajing date under the Ming, the accession year included', () => {
    const r = readings(
      '斗彩八卦纹三足炉 | 明嘉靖（1521〜1566） 北京首都博物馆 | Doucai censer with eight trigrams design | Jiajing Reign, Ming Dynasty (1521—1566), Capital Museum, Beijing',
    );
    expect(dateDisagreements(r)).toEqual([]);
  });

  it('flags Yongle years given to the Hongwu reign, and the two captions that differ', () => {
    const notes = dateDisagreements(
      readings(
        '青花云龙纹“春寿”瓶 | 景德镇窑 明洪武（公元1368〜1398年） 上海博物馆 | Blue and white porcelain vase with cloud and dragon design | Jingdezhen Kiln, Hongwu Reign, Ming Dynasty (1403—1424), Shanghai Museum',
      ),
    );
    expect(notes.map((n) => n.note.en)).toEqual([
      'The English caption gives 1403–1424 for the Hongwu reign (洪武), which ran 1368–1398',
      "The Chinese caption's “明洪武（公元1368〜1398年）” (read as 1368–1398) differs from the English caption's “Hongwu Reign, Ming Dynasty (1403—1424)” (read as 1403–1424)",
    ]);
  });

  it('flags a reign named differently in the two captions', () => {
    const notes = dateDisagreements({
      zh: readDate('明永乐（公元1403〜1424年）', 'zh', zhYears('明永乐（公元1403〜1424年）')),
      en: readDate('Zhengtong Reign, Ming Dynasty (1403—1424)', 'en', enYears('(1403—1424)')),
    });
    expect(notes.map((n) => n.note.zh)).toContain(
      '中文图注记为永乐，英文图注记为正统（Zhengtong）',
    );
  });

  it('flags years outside the dynasty named, but not a century that only overlaps it', () => {
    const song = readDate('Song (906—1279)', 'en', enYears('Song (906—1279)'));
    expect(dateDisagreements({ en: song }).map((n) => n.field)).toEqual(['date']);
    const zhou = readDate('西周成王（公元前11世纪上半叶）', 'zh', zhYears('公元前11世纪上半叶'));
    expect(dateDisagreements({ zh: zhou })).toEqual([]);
  });

  it('flags a first half of a century against a late one, between captions', () => {
    const notes = dateDisagreements({
      zh: readDate('20世纪上半叶', 'zh', zhYears('20世纪上半叶')),
      en: readDate('Late 20th century', 'en', enYears('Late 20th century')),
    });
    expect(notes).toHaveLength(1);
  });
});

describe.skipIf(!haveManifest)('the real manifest', () => {
  it('flags the lacquer box of the Capital Museum: Jiajing is a Ming reign', () => {
    const box = item('cn-lacquerware_box1000.jpg');
    const r = readings(box.caption_raw ?? '');
    const notes = dateDisagreements(r);
    expect(notes.map((n) => n.note.en)).toEqual([
      'The Chinese caption names the Qing (清), but Jiajing (嘉靖, 1522–1566) is a reign of the Ming (明)',
      'The English caption names the Qing (清), but Jiajing (嘉靖, 1522–1566) is a reign of the Ming (明)',
    ]);
    expect(periodOf([r.zh, r.en])).toBe('ming');
  });
});

describe('showing a caption date', () => {
  it('writes CE years without the thousands separator some captions print', () => {
    expect(ceYearsUngrouped('Qing Dynasty (1,644—1,911)')).toBe('Qing Dynasty (1644—1911)');
  });
  it('leaves BCE figures and other numbers as written', () => {
    expect(ceYearsUngrouped('Neolithic (c. 3,800—3,300 BCE)')).toBe(
      'Neolithic (c. 3,800—3,300 BCE)',
    );
    expect(ceYearsUngrouped('Lower Xiajiadian Culture (c. 2,000—1,500 BCE)')).toBe(
      'Lower Xiajiadian Culture (c. 2,000—1,500 BCE)',
    );
    expect(ceYearsUngrouped('Height 12,500 mm')).toBe('Height 12,500 mm');
  });
});
