/**
 * Interface strings in both languages. Record text comes from the records, not from here.
 * Pure.
 */
import type { Lang } from '../records/vocabularies.ts';
import { SITE_NAME } from './urls.ts';

const strings = {
  siteName: SITE_NAME,
  siteTagline: {
    zh: '中国工艺美术数字博物馆与资源库',
    en: 'A digital museum and open resource library of Chinese arts and crafts',
  },
  skip: { zh: '跳到正文', en: 'Skip to content' },
  mainNav: { zh: '主导航', en: 'Main navigation' },
  home: { zh: '首页', en: 'Home' },
  works: { zh: '作品', en: 'Works' },
  crafts: { zh: '技艺', en: 'Crafts' },
  people: { zh: '人物', en: 'People' },
  clusters: { zh: '聚集区', en: 'Clusters' },
  cases: { zh: '典型案例', en: 'Typical cases' },
  caseKind: { zh: '类型', en: 'Kind' },
  designation: { zh: '认定与称号', en: 'Designation' },
  caseDesignations: { zh: '认定与称号', en: 'Official roles and designations' },
  designations: { zh: '称号', en: 'Titles' },
  caseNarrative: { zh: '典型经验', en: 'What makes it a typical case' },
  caseNarrativeMissing: {
    zh: '典型经验尚待策展人依据可引用的资料补充；本条目目前只记录有来源的官方身份。',
    en: 'What makes it a typical case is still to be written by curators, from sources they can cite; for now the record states only its sourced official roles.',
  },
  casesShowing: { zh: '个案例', en: 'cases' },
  noCaseMatches: { zh: '没有符合条件的案例。', en: 'No cases match these filters.' },
  casesIntro: {
    zh: '典型案例库收录工艺企业、研究院所、工作室与合作社。首批条目来自国家级非遗代表性项目名录所载的保护单位，只记录其官方身份；典型经验由策展人依据可引用的资料补充。',
    en: 'The typical-case library gathers craft enterprises, institutes, studios and cooperatives. The first records are the protection units named on the national list of intangible cultural heritage and state only that official role; curators add what makes each a typical case, with sources.',
  },
  source: { zh: '来源', en: 'Source' },
  regions: { zh: '地区', en: 'Regions' },
  thesaurus: { zh: '术语表', en: 'Thesaurus' },
  thesaurusLead: {
    zh: '百工·云的工艺术语表：器物类型与形制、纹样、题材、技法、釉色、窑口、材质和工艺门类，每个概念有中英文名称、拼音和出处。作品以它著录，检索以它贯通中英文。',
    en: 'The craft thesaurus of Baigong Cloud: object types and forms, motifs, subjects, techniques, glazes, wares, materials and craft categories, each concept with Chinese and English labels, pinyin and a source. Works are described with it, and search uses it to cross languages.',
  },
  thesaurusData: { zh: '下载', en: 'Download' },
  conceptCount: { zh: '个概念', en: 'concepts' },
  noConceptsYet: { zh: '这一类别尚无概念。', en: 'This scheme has no concepts yet.' },
  allConceptsOfScheme: { zh: '全部概念及其层级', en: 'All concepts and their hierarchy' },
  objectType: { zh: '器物类型', en: 'Object type' },
  concepts: { zh: '术语', en: 'Concepts' },
  prefLabelZh: { zh: '中文名称', en: 'Chinese' },
  prefLabelEn: { zh: '英文名称', en: 'English' },
  altLabelsZh: { zh: '中文异名', en: 'Other Chinese names' },
  altLabelsEn: { zh: '英文异名', en: 'Other English names' },
  scopeNote: { zh: '范围注释', en: 'Scope note' },
  broader: { zh: '上位概念', en: 'Broader concepts' },
  narrower: { zh: '下位概念', en: 'Narrower concepts' },
  relatedConcepts: { zh: '相关概念', en: 'Related concepts' },
  conceptSources: { zh: '出处', en: 'Sources' },
  conceptId: { zh: '概念编号', en: 'Concept ID' },
  conceptIri: { zh: '标识符（IRI）', en: 'Identifier (IRI)' },
  worksOfType: { zh: '此类器物', en: 'Objects of this type' },
  worksOfMaterial: { zh: '此材质的作品', en: 'Works in this material' },
  worksOfCategory: { zh: '此门类的作品', en: 'Works in this craft category' },
  worksTagged: { zh: '著录此概念的作品', en: 'Works described with this concept' },
  noWorksYet: {
    zh: '档案中尚无作品使用这一概念。',
    en: 'No work in the archive uses this concept yet.',
  },
  allInSearch: { zh: '在检索中查看全部', en: 'See all in search:' },
  eras: { zh: '年代', en: 'Timeline' },
  myCollection: { zh: '我的收藏夹', en: 'My collection' },
  exhibitions: { zh: '展览', en: 'Exhibitions' },
  search: { zh: '检索', en: 'Search' },
  about: { zh: '关于', en: 'About' },
  language: { zh: '语言', en: 'Language' },
  otherLanguage: { zh: 'English', en: '中文' },
  searchPlaceholder: { zh: '搜索作品、技艺、人物…', en: 'Search works, crafts, people…' },
  category: { zh: '门类', en: 'Category' },
  material: { zh: '材质', en: 'Material' },
  materials: { zh: '材质', en: 'Materials' },
  period: { zh: '年代', en: 'Period' },
  date: { zh: '年代', en: 'Date' },
  region: { zh: '地区', en: 'Region' },
  province: { zh: '省份', en: 'Province' },
  all: { zh: '全部', en: 'All' },
  filter: { zh: '筛选', en: 'Filter' },
  resetFilters: { zh: '清除筛选', en: 'Clear filters' },
  showing: { zh: '件作品', en: 'works' },
  noMatches: { zh: '没有符合条件的作品。', en: 'No works match these filters.' },
  dimensions: { zh: '尺寸', en: 'Dimensions' },
  makers: { zh: '制作者', en: 'Makers' },
  techniques: { zh: '技艺', en: 'Techniques' },
  heritage: { zh: '非遗项目', en: 'Heritage item' },
  cluster: { zh: '聚集区', en: 'Cluster' },
  holding: { zh: '收藏机构', en: 'Held by' },
  rights: { zh: '权利', en: 'Rights' },
  provenance: { zh: '来源', en: 'Provenance' },
  references: { zh: '参考文献', en: 'References' },
  otherNames: { zh: '别名', en: 'Other names' },
  recordId: { zh: '编号', en: 'Record ID' },
  added: { zh: '收录日期', en: 'Added' },
  modified: { zh: '最后修改', en: 'Last modified' },
  permalink: { zh: '永久链接', en: 'Permanent link' },
  related: { zh: '相关记录', en: 'Related records' },
  details: { zh: '基本信息', en: 'Details' },
  steps: { zh: '工序', en: 'Process' },
  tools: { zh: '工具', en: 'Tools' },
  stepTools: { zh: '工具', en: 'Tools' },
  stepMaterials: { zh: '材料', en: 'Materials' },
  duration: { zh: '所需时间', en: 'Time taken' },
  glossary: { zh: '行话术语', en: 'Terms of the trade' },
  transmission: { zh: '传承', en: 'Transmission' },
  protection: { zh: '保护', en: 'Protection' },
  termSource: { zh: '出处', en: 'Source' },
  history: { zh: '历史', en: 'History' },
  gender: { zh: '性别', en: 'Gender' },
  female: { zh: '女', en: 'Female' },
  male: { zh: '男', en: 'Male' },
  ethnicGroup: { zh: '民族', en: 'Ethnic group' },
  conferredBy: { zh: '授予', en: 'Conferred by' },
  listNumber: { zh: '名单编号', en: 'Number on the list' },
  declaredBy: { zh: '申报地区或单位', en: 'Declared by' },
  deceased: { zh: '已故', en: 'Deceased' },
  inheritors: { zh: '国家级非遗代表性传承人', en: 'National representative inheritors' },
  inheritorsLead: {
    zh: '文化和旅游部（原文化部）公布的国家级非物质文化遗产代表性传承人中，传统美术、传统技艺两类、其项目为本馆收录的技艺者。记录只录名单所载事实；名单不是在世者名单，未载明是否在世即为不详。',
    en: 'The national representative inheritors of intangible cultural heritage named by the Ministry of Culture and Tourism (formerly the Ministry of Culture), in traditional fine arts and craftsmanship, whose items are crafts of this archive. The records give only what the list states; the list is not a list of the living, and where it says nothing, whether a person is living is unknown.',
  },
  peopleInHistory: { zh: '历史人物', en: 'Makers in history' },
  inheritorCount: { zh: '位传承人', en: 'inheritors' },
  noInheritors: { zh: '没有符合条件的传承人。', en: 'No inheritors match these filters.' },
  batch: { zh: '批次', en: 'Batch' },
  page: { zh: '页', en: 'Page' },
  pages: { zh: '分页', en: 'Pages' },
  previous: { zh: '上一页', en: 'Previous' },
  next: { zh: '下一页', en: 'Next' },
  regionalEntries: { zh: '地区子项与代表性传承人', en: 'Regional entries and inheritors' },
  regionalEntriesLead: {
    zh: '国家级非物质文化遗产代表性项目名录中本技艺的地区子项（申报地区或单位、批次、保护单位）及其国家级代表性传承人。',
    en: 'The regional entries of this craft on the national list of intangible cultural heritage (declaring region or unit, batch, protection unit) and their national representative inheritors.',
  },
  protectionUnit: { zh: '保护单位', en: 'Protection unit' },
  entryNew: { zh: '新增项目', en: 'new item' },
  entryExtension: { zh: '扩展项目', en: 'extension' },
  otherInheritors: { zh: '其他代表性传承人', en: 'Other inheritors' },
  areaInheritors: {
    zh: '本地区的国家级非遗代表性传承人',
    en: 'National representative inheritors of the area',
  },
  importedFrom: { zh: '本条目据以下名单导入：', en: 'Imported from ' },
  reportError: { zh: '发现错误？请告诉我们', en: 'Found an error? Tell us' },
  life: { zh: '生卒', en: 'Life' },
  applicant: { zh: '申报主体', en: 'Applicant' },
  introduction: { zh: '产业简介', en: 'Introduction' },
  leadingCrafts: { zh: '主导技艺', en: 'Leading crafts' },
  representativeWorks: { zh: '代表作品', en: 'Representative works' },
  categoryPhotos: { zh: '同门类的实物照片', en: 'Photographs of the same category' },
  curator: { zh: '策展', en: 'Curator' },
  opened: { zh: '开幕', en: 'Opened' },
  worksShown: { zh: '展出作品', en: 'Works shown' },
  illustration: { zh: '示意图（本站生成）', en: 'Illustration (generated by this project)' },
  needsReview: { zh: '待核', en: 'Needs review' },
  needsReviewLead: {
    zh: '本条目所据资料前后不一，以下各处尚待核实，页面所列信息可能有误：',
    en: 'The sources of this record disagree with each other. Until a curator has checked the points below, the details on this page may be wrong:',
  },
  reproduction: { zh: '现代复制品', en: 'Modern reproduction' },
  reproductionNote: {
    zh: '此件为现代复制品；所列时期与年代为原件的时期与年代。',
    en: 'This is a modern reproduction; the period and date given are those of the original.',
  },
  noImage: { zh: '暂无图像', en: 'No image yet' },
  featured: { zh: '精选作品', en: 'Featured works' },
  recent: { zh: '最新收录', en: 'Recently added' },
  browseBy: { zh: '分类浏览', en: 'Browse by' },
  notFoundTitle: { zh: '页面不存在', en: 'Page not found' },
  notFoundText: {
    zh: '您要找的页面不存在或已移动。可以试试检索，或回到首页。',
    en: 'The page you are looking for does not exist or has moved. Try searching, or go back home.',
  },
  provinceGrid: {
    zh: '省级行政区示意网格（非地图）',
    en: 'Schematic grid of provinces (not a map)',
  },
  records: { zh: '条记录', en: 'records' },
  regionsLead: {
    zh: '按省级行政区浏览作品、技艺、人物与聚集区。下面的网格只示意各省的大致方位，不是地图。',
    en: 'Browse works, crafts, people and clusters by province. The grid below only suggests where each province lies; it is not a map.',
  },
  provincesWithRecords: { zh: '有记录的省份', en: 'Provinces with records' },
  model3d: { zh: '三维模型', en: '3D model' },
  sources: { zh: '数据来源与许可', en: 'Sources and licenses' },
  toc: { zh: '目录', en: 'Contents' },
  yearBce: { zh: '公元前', en: 'BCE' },
} as const;

export type UiKey = keyof typeof strings;

/** The interface string `key` in `lang`. */
export function t(lang: Lang, key: UiKey): string {
  return strings[key][lang];
}

/** A year for display: negative years are BCE. */
export function formatYear(year: number, lang: Lang): string {
  if (year >= 0) return lang === 'zh' ? `${year}年` : String(year);
  return lang === 'zh' ? `公元前${-year}年` : `${-year} BCE`;
}

/**
 * A person's life dates as a source gives them: both years, or only the one known (`born 1952`),
 * or `deceased` when a source says so without a year. Nothing when nothing is known: an unknown
 * is never shown as living.
 */
export function formatLife(
  life: { born?: number | undefined; died?: number | undefined } | undefined,
  living: boolean | undefined,
  lang: Lang,
): string | undefined {
  const born = life?.born;
  const died = life?.died;
  if (born !== undefined && died !== undefined)
    return lang === 'zh'
      ? `${formatYear(born, lang)}—${formatYear(died, lang)}`
      : `${formatYear(born, lang)}–${formatYear(died, lang)}`;
  if (born !== undefined) return lang === 'zh' ? `${formatYear(born, lang)}生` : `born ${born}`;
  if (died !== undefined) return lang === 'zh' ? `卒于${formatYear(died, lang)}` : `died ${died}`;
  return living === false ? strings.deceased[lang] : undefined;
}

/** A batch of the national list: 第3批（2009年） / batch 3 (2009). */
export function formatBatch(batch: number, year: number | undefined, lang: Lang): string {
  if (lang === 'zh') return year ? `第${batch}批（${year}年）` : `第${batch}批`;
  return year ? `batch ${batch} (${year})` : `batch ${batch}`;
}

/** A number of works: 12件 / 12 works. */
export function formatWorkCount(count: number, lang: Lang): string {
  if (lang === 'zh') return `${count}件`;
  return `${count} ${count === 1 ? 'work' : 'works'}`;
}

/** A span of years for display. */
export function formatYearRange(start: number, end: number, lang: Lang): string {
  if (start === end) return formatYear(start, lang);
  if (lang === 'zh') return `${formatYear(start, lang)}—${formatYear(end, lang)}`;
  if (start < 0 && end < 0) return `${-start}–${-end} BCE`;
  return `${formatYear(start, lang)}–${formatYear(end, lang)}`;
}

/** A date as YYYY-MM-DD (what researchers cite), independent of the reader's time zone. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
