import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecords } from '../../../scripts/lib/content.ts';
import { searchSettings, synonymMap } from '../../../scripts/lib/meili/settings.ts';
import { toSearchDocuments } from '../../../src/lib/search/build-document.ts';
import { pinyinForms, traditionalForms } from '../../../src/lib/search/chinese-forms.ts';
import type { SearchDocument } from '../../../src/lib/search/document.ts';
import { toFallbackEntry } from '../../../src/lib/search/fallback.ts';
import { plainText } from '../../../src/lib/search/plain-text.ts';
import type { ImageEntry, MediaManifest } from '../../../src/lib/records/media-manifest.ts';
import { refLicense } from '../../../src/lib/records/record-ref.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const contentDir = join(root, 'tests', 'fixtures', 'search', 'content');
const { records, problems } = loadRecords(root, contentDir);

const media: MediaManifest = {
  version: 1,
  generatedAt: '2025-01-01T00:00:00Z',
  items: {
    'works/guangcai-punch-bowl/bowl.jpg': {
      kind: 'image',
      master: { sha256: 'x', bytes: 1, format: 'jpeg' },
      width: 2000,
      height: 1500,
      hasAlpha: false,
      placeholder: 'data:image/webp;base64,',
      derivatives: [
        { format: 'webp', width: 640, height: 480, url: '/media/bowl-640.webp', bytes: 2 },
        { format: 'avif', width: 320, height: 240, url: '/media/bowl-320.avif', bytes: 1 },
        { format: 'webp', width: 320, height: 240, url: '/media/bowl-320.webp', bytes: 1 },
      ],
      tags: {
        dominant: { hex: '#1f4e9c', name: { zh: '宝蓝', en: 'sapphire blue' } },
        palette: [],
        orientation: 'landscape',
        width: 2000,
        height: 1500,
        phash: '0000000000000000',
      },
      warnings: [],
    },
  },
};

const docs = toSearchDocuments(records, media);
const byId = (id: string): SearchDocument => {
  const doc = docs.find((d) => d.id === id);
  if (!doc) throw new Error(`no document ${id}`);
  return doc;
};

describe('fixture records', () => {
  it('load without problems, drafts left out', () => {
    expect(problems).toEqual([]);
    expect(records).toHaveLength(13);
    expect(records.some((r) => r.slug.startsWith('_'))).toBe(false);
  });
});

describe('pinyin', () => {
  it('gives spaced, joined, word and initial forms', () => {
    const forms = pinyinForms('广彩人物纹潘趣碗');
    expect(forms?.spaced).toBe('guang cai ren wu wen pan qu wan');
    expect(forms?.joined).toEqual(['guangcairenwuwenpanquwan']);
    expect(forms?.words.split(' ')).toContain('guangcai');
    expect(forms?.words.split(' ')).toContain('renwu');
    expect(forms?.initials).toEqual(['gcrwwpqw']);
  });
  it('ignores non-Chinese text and writes ü as v', () => {
    expect(pinyinForms('Canton bowl')).toBeUndefined();
    expect(pinyinForms('绿釉 bowl')?.joined).toEqual(['lvyou']);
  });
  it('covers titles and other names of every record', () => {
    const craft = byId('BGC-000001');
    expect(craft.pinyin).toContain('guangcai');
    expect(craft.initials).toContain('gc');
    expect(byId('BGC-000002').initials).toEqual(['yx', 'gx', 'cx']);
    expect(byId('BGP-000001').pinyin).toContain('chencaihua');
  });
});

describe('traditional script', () => {
  it('converts simplified to Taiwan and Hong Kong forms', () => {
    expect(traditionalForms('广彩')).toEqual(['廣彩']);
    expect(traditionalForms('景泰蓝')).toContain('景泰藍');
    expect(traditionalForms('Canton')).toEqual([]);
  });
  it('is stored for titles, other names and summaries', () => {
    const bowl = byId('BGW-000001');
    expect(bowl.title_traditional).toContain('廣彩人物紋潘趣碗');
    expect(bowl.summary_traditional).toContain('廣州');
    expect(byId('BGW-000005').title_traditional).toContain('銅胎掐絲琺琅纏枝蓮紋瓶');
  });
});

describe('facets and fields', () => {
  it('has both languages, the type and the URLs', () => {
    const bowl = byId('BGW-000001');
    expect(bowl).toMatchObject({
      type: 'works',
      title_zh: '广彩人物纹潘趣碗',
      title_en: 'Canton famille rose punch bowl with figures',
      url_zh: '/works/guangcai-punch-bowl/',
      url_en: '/en/works/guangcai-punch-bowl/',
    });
  });
  it('resolves vocabulary labels, province, cluster and heritage', () => {
    const bowl = byId('BGW-000001');
    expect(bowl).toMatchObject({
      category: 'ceramics',
      category_zh: '陶瓷',
      category_en: 'Ceramics',
      materials: ['porcelain', 'enamel'],
      period: 'qing',
      province: ['440000'],
      province_zh: ['广东省'],
      province_en: ['Guangdong'],
      cluster: 'BGJ-000001',
      cluster_zh: '广州广彩特色聚集区',
      heritage: ['VIII-97'],
      heritage_label: ['VIII-97 广彩瓷烧制技艺'],
      hasModel: true,
      license: 'CC0-1.0',
      date_start: 1760,
      date_end: 1780,
    });
    expect(bowl.related_zh).toContain('广彩瓷烧制技艺');
    expect(byId('BGW-000002').province).toEqual(['440000']); // a district resolves to its province
    expect(byId('BGC-000002').province_en).toEqual(['Guangdong']);
    expect(byId('BGJ-000001').province).toEqual(['440000']);
  });
  it('gives every record the licence its JSON-LD and open data state', () => {
    const licenses = new Map(docs.map((d) => [d.id, d.license]));
    for (const record of records) {
      expect(licenses.get(record.data.id), record.data.id).toBe(refLicense(record));
    }
    expect(byId('BGC-000001').license).toBe('CC-BY-4.0');
    expect(byId('BGP-000001').license).toBe('CC-BY-4.0');
    expect(byId('BGW-000001').license).toBe('CC0-1.0');
  });
  it('gives people and exhibitions a date range and sortable titles', () => {
    expect(byId('BGP-000001')).toMatchObject({ date_start: 1901, date_end: 1980 });
    expect(byId('BGE-000001')).toMatchObject({ date_start: 2024, date_end: 2024 });
    expect(byId('BGW-000006').sort_title_zh).toBe('zi sha seng mao hu');
    expect(byId('BGW-000006').sort_title_en).toBe("yixing teapot in the shape of a monk's cap");
  });
  it('uses the smallest WebP derivative and the ingest colour tags', () => {
    const bowl = byId('BGW-000001');
    expect(bowl.thumbnail).toBe('/media/bowl-320.webp');
    expect(bowl.thumbnail_alt_en).toBe('Front of the punch bowl');
    // the colour's names and its family's, all searchable; the facets per language
    expect(bowl.colours).toEqual(['宝蓝', 'sapphire blue', '蓝', 'Blue']);
    expect(bowl).toMatchObject({
      colour_zh: '宝蓝',
      colour_en: 'sapphire blue',
      colour_family: 'blue',
      colour_family_zh: '蓝',
      colour_family_en: 'Blue',
    });
    expect(byId('BGW-000002').thumbnail).toBeUndefined();
    expect(byId('BGW-000002').colour_family).toBeUndefined();
  });
  it('names the object’s own colour where the ingest told it from the background', () => {
    const bowlImage = media.items['works/guangcai-punch-bowl/bowl.jpg'] as ImageEntry;
    const withObject: MediaManifest = {
      ...media,
      items: {
        'works/guangcai-punch-bowl/bowl.jpg': {
          ...bowlImage,
          tags: {
            ...bowlImage.tags,
            object: {
              share: 0.4,
              palette: [{ hex: '#8fb59f', name: { zh: '青瓷绿', en: 'celadon' }, share: 1 }],
            },
          },
        },
      },
    };
    const doc = toSearchDocuments(records, withObject).find((d) => d.id === 'BGW-000001');
    expect(doc?.colours).toEqual(['青瓷绿', 'celadon', '绿', 'Green']);
    expect(doc?.colour_family).toBe('green');
  });
  it('works without a media manifest', () => {
    const plain = toSearchDocuments(records);
    expect(plain.every((d) => d.thumbnail === undefined)).toBe(true);
    expect(plain.every((d) => d.photographed === 0)).toBe(true);
  });
  it('marks records whose first image is a processed photograph, not an illustration', () => {
    expect(byId('BGW-000001').photographed).toBe(1);
    expect(byId('BGW-000002').photographed).toBe(0);
    const bowl = records.find((r) => r.data.id === 'BGW-000001')!;
    const drawn = structuredClone(bowl);
    if (drawn.collection !== 'works') throw new Error('BGW-000001 is a work');
    drawn.data.images = drawn.data.images.map((img) => ({ ...img, illustration: true }));
    expect(toSearchDocuments([drawn], media)[0]?.photographed).toBe(0);
  });
  it('ranks photographed records first among equal matches, after every relevance rule', () => {
    expect(searchSettings().rankingRules?.at(-1)).toBe('photographed:desc');
  });
  it('keeps only text of the MDX body', () => {
    const body = byId('BGW-000001').body;
    expect(body).toContain('碗外壁以金彩勾勒开光');
    expect(body).toContain('the catalogue');
    expect(body).not.toMatch(/import|<Figure|\*\*|https:|##/);
    expect(plainText('# T\n\n- a {x}\n<!-- c -->')).toBe('T a');
  });
  it('has stable, unique ids', () => {
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
  });
});

describe('fallback entries', () => {
  it('keep titles, joined pinyin, initials and traditional forms', () => {
    const entry = toFallbackEntry(byId('BGC-000001'));
    expect(entry.pinyin).toContain('guangcai');
    expect(entry.pinyin.every((p) => !p.includes(' '))).toBe(true);
    expect(entry.initials).toContain('gc');
    expect(entry.traditional).toContain('廣彩');
    expect(Object.keys(entry).sort()).toEqual(
      [
        'id',
        'initials',
        'otherNames',
        'pinyin',
        'title_en',
        'title_zh',
        'traditional',
        'type',
        'url_en',
        'url_zh',
      ].sort(),
    );
  });
});

describe('settings', () => {
  it('turns synonym groups into a symmetric map', () => {
    const map = synonymMap([{ terms: ['粤绣', '广绣', '潮绣'] }]);
    expect(map['广绣']).toEqual(['粤绣', '潮绣']);
    expect(searchSettings().synonyms?.['景泰蓝']).toContain('cloisonné');
  });
  it('ranks titles before body text and keeps helper fields hidden', () => {
    const s = searchSettings();
    const searchable = s.searchableAttributes ?? [];
    expect(searchable.indexOf('title_zh')).toBeLessThan(searchable.indexOf('body'));
    expect(searchable.at(-1)).toBe('body');
    expect(s.displayedAttributes).not.toContain('pinyin');
  });
});
