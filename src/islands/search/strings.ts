/** The search page's interface texts and facet labels in the site's two languages. */
import craftCategories from '../../data/vocabularies/craft-categories.json';
import licenses from '../../data/vocabularies/licenses.json';
import materials from '../../data/vocabularies/materials.json';
import periods from '../../data/vocabularies/periods.json';
import type { FacetParam, FilterableAttribute } from '../../lib/search/document.ts';

export type Lang = 'zh' | 'en';

export const ui = {
  label: { zh: '检索百工·云', en: 'Search Baigong Cloud' },
  placeholder: {
    zh: '作品、技艺、人物…（可用拼音，如 guangcai）',
    en: 'Works, crafts, people… (pinyin works too)',
  },
  clear: { zh: '清除', en: 'Clear' },
  filters: { zh: '筛选', en: 'Filters' },
  current: { zh: '当前筛选', en: 'Active filters' },
  remove: { zh: '移除筛选', en: 'Remove filter' },
  clearAll: { zh: '清除全部筛选', en: 'Clear all filters' },
  sort: { zh: '排序', en: 'Sort by' },
  relevance: { zh: '相关度', en: 'Relevance' },
  dateAsc: { zh: '年代（早→晚）', en: 'Date (oldest first)' },
  dateDesc: { zh: '年代（晚→早）', en: 'Date (newest first)' },
  title: { zh: '标题（拼音序）', en: 'Title (A–Z)' },
  results: { zh: '检索结果', en: 'Results' },
  count: {
    zh: (n: number) => `共 ${n} 条结果`,
    en: (n: number) => `${n} result${n === 1 ? '' : 's'}`,
  },
  loading: { zh: '正在检索…', en: 'Searching…' },
  preparing: { zh: '正在准备检索…', en: 'Preparing search…' },
  browseAll: { zh: '浏览全部记录', en: 'Browse every record' },
  empty: {
    zh: '输入关键词开始检索，或用左侧筛选浏览全部记录。',
    en: 'Type to search, or use the filters to browse every record.',
  },
  none: {
    zh: (q: string) => `没有找到与“${q}”相符的记录。`,
    en: (q: string) => `Nothing matches “${q}”.`,
  },
  noneHint: {
    zh: '请检查拼写、换用其他名称或拼音，或清除筛选。',
    en: 'Check the spelling, try another name or pinyin, or clear the filters.',
  },
  more: { zh: '显示更多', en: 'Show more' },
  less: { zh: '收起', en: 'Show less' },
  model: { zh: '三维模型', en: '3D model' },
  filmMoment: {
    zh: (time: string) => `▶ 影片 ${time} 处的字幕`,
    en: (time: string) => `▶ In the film’s captions at ${time}`,
  },
  withModel: { zh: '有三维模型', en: 'With a 3D model' },
  withoutModel: { zh: '无三维模型', en: 'Without a 3D model' },
  pagination: { zh: '分页', en: 'Pagination' },
  unavailable: {
    zh: '检索服务暂时无法连接。下面是按标题和名称的简易查找（支持拼音与首字母）。',
    en: 'The search server cannot be reached right now. Below is a simple lookup by title and name (pinyin and initials work).',
  },
  fallbackFailed: {
    zh: '检索暂时不可用，请稍后再试，或从导航浏览作品、技艺与人物。',
    en: 'Search is unavailable at the moment. Please try again later, or browse works, crafts and people from the menu.',
  },
  fallbackPartial: {
    zh: (kept: number, total: number) =>
      `简易查找只收录 ${kept.toLocaleString('zh')} 条记录（全部 ${total.toLocaleString('zh')} 条）：各类名录与有照片的作品优先。`,
    en: (kept: number, total: number) =>
      `The simple lookup covers ${kept.toLocaleString('en')} of the ${total.toLocaleString('en')} records: crafts, people and places first, then photographed works.`,
  },
  search: { zh: '检索', en: 'Search' },
} as const;

/** The title of each facet (by URL parameter: src/lib/search/document.ts, `FACETS`). */
export const facetTitles = {
  type: { zh: '类型', en: 'Type' },
  object: { zh: '器物类型', en: 'Object type' },
  category: { zh: '门类', en: 'Category' },
  material: { zh: '材质', en: 'Material' },
  period: { zh: '年代', en: 'Period' },
  province: { zh: '省份', en: 'Province' },
  colour: { zh: '颜色', en: 'Colour' },
  shade: { zh: '色名', en: 'Colour name' },
  heritage: { zh: '非遗项目', en: 'Heritage item' },
  batch: { zh: '传承人批次', en: 'Inheritor batch' },
  ethnic: { zh: '民族', en: 'Ethnic group' },
  kind: { zh: '案例类型', en: 'Kind of case' },
  designation: { zh: '认定与称号', en: 'Designation' },
  model: { zh: '三维模型', en: '3D model' },
  license: { zh: '许可', en: 'License' },
} as const satisfies Record<FacetParam, { zh: string; en: string }>;

export const typeLabels: Record<string, { zh: string; en: string }> = {
  works: { zh: '作品', en: 'Works' },
  crafts: { zh: '技艺', en: 'Crafts' },
  people: { zh: '人物', en: 'People' },
  clusters: { zh: '聚集区', en: 'Clusters' },
  exhibitions: { zh: '展览', en: 'Exhibitions' },
  cases: { zh: '典型案例', en: 'Typical cases' },
};

type Labelled = { key: string; zh: string; en: string };
const byKey = (terms: Labelled[]) => new Map(terms.map((t) => [t.key, t]));
const vocab = {
  category: byKey(craftCategories),
  materials: byKey(materials),
  period: byKey(periods),
  license: byKey(licenses),
} satisfies Partial<Record<FilterableAttribute, Map<string, Labelled>>>;

/** Label of a facet value in the page's language. */
export function facetLabel(attribute: string, value: string, lang: Lang): string {
  if (attribute === ('type' satisfies FilterableAttribute))
    return typeLabels[value]?.[lang] ?? value;
  if (attribute === ('hasModel' satisfies FilterableAttribute))
    return value === 'true' ? ui.withModel[lang] : ui.withoutModel[lang];
  if (attribute === ('batch' satisfies FilterableAttribute))
    return lang === 'zh' ? `第${value}批` : `Batch ${value}`;
  if (attribute in vocab) return vocab[attribute as keyof typeof vocab].get(value)?.[lang] ?? value;
  return value;
}
