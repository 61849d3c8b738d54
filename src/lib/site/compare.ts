/**
 * The comparison of two works (`/compare/?a=BGW-000001&b=BGW-000002`): which works the address
 * names, and their metadata aligned row by row from each record's JSON (`/api/works/<ID>.json`),
 * as plain text the page sets with `textContent` (record text never becomes markup).
 * Pure and light: the compare page's script imports it, with three small vocabularies.
 */
import categories from '../../data/vocabularies/craft-categories.json' with { type: 'json' };
import materials from '../../data/vocabularies/materials.json' with { type: 'json' };
import periods from '../../data/vocabularies/periods.json' with { type: 'json' };
import type { Work } from '../../schemas/work.ts';
import { dimensionText } from './dimensions.ts';
import { pathOf, type WorkJson } from './favourites.ts';
import { formatYearRange } from './ui.ts';

export type Lang = 'zh' | 'en';
const WORK_ID = /^BGW-\d{6}$/;

/** The two works an address names (`a` and `b`), each only if it is a work ID. */
export function compareIds(search: string): { a?: string; b?: string } {
  const params = new URLSearchParams(search);
  const valid = (v: string | null) => (v && WORK_ID.test(v.trim()) ? v.trim() : undefined);
  const a = valid(params.get('a'));
  const b = valid(params.get('b'));
  return { ...(a ? { a } : {}), ...(b ? { b } : {}) };
}

/** The compare page for two works (either may be missing: the page asks for it). */
export function comparePath(lang: Lang, a?: string, b?: string): string {
  const query = new URLSearchParams();
  if (a) query.set('a', a);
  if (b) query.set('b', b);
  const q = query.toString();
  return `${lang === 'en' ? '/en' : ''}/compare/${q ? `?${q}` : ''}`;
}

/** What the comparison reads of a work's JSON. */
export interface CompareJson extends WorkJson {
  media: {
    url: string;
    width: number;
    height: number;
    credit?: string;
    thumbnail?: { url: string; width: number; height: number };
    /** IIIF Image API info.json, where the ingest cut tiles. */
    iiifInfo?: string;
  }[];
  data: WorkJson['data'] & {
    title: { zh: string; en: string };
    category?: string;
    period?: string;
    materials?: string[];
    date?: { start: number; end: number; display?: { zh: string; en: string } };
    dimensions?: Work['dimensions'];
    holding?: { institution: { zh: string; en: string }; accession?: string };
    rights?: { credit: string };
  };
}

interface Term {
  key: string;
  zh: string;
  en: string;
}
const label = (terms: readonly Term[], key: string | undefined, lang: Lang) =>
  key ? (terms.find((t) => t.key === key)?.[lang] ?? key) : '';

const LABELS = {
  title: { zh: '名称', en: 'Title' },
  date: { zh: '年代', en: 'Date' },
  period: { zh: '时期', en: 'Period' },
  category: { zh: '门类', en: 'Category' },
  materials: { zh: '材质', en: 'Materials' },
  dimensions: { zh: '尺寸', en: 'Dimensions' },
  holding: { zh: '收藏', en: 'Held by' },
  credit: { zh: '署名', en: 'Credit' },
} as const;

/** The work's date as its page gives it: its own wording, else its years (BCE where negative). */
function dateOf(json: CompareJson, lang: Lang): string {
  const date = json.data.date;
  if (!date) return '';
  return date.display?.[lang] ?? formatYearRange(date.start, date.end, lang);
}

/** The measurements as the work page gives them, and the holder's own wording where there is one. */
function sizeOf(json: CompareJson, lang: Lang): string {
  const d = json.data.dimensions;
  return [dimensionText(d, lang), d?.note ?? ''].filter(Boolean).join('; ');
}

export interface CompareRow {
  label: string;
  values: [string, string];
}

/** The two works' metadata, row by row; rows empty for both works are left out. */
export function compareRows(a: CompareJson, b: CompareJson, lang: Lang): CompareRow[] {
  const row = (key: keyof typeof LABELS, value: (json: CompareJson) => string): CompareRow => ({
    label: LABELS[key][lang],
    values: [value(a), value(b)],
  });
  const sep = lang === 'zh' ? '、' : ', ';
  return [
    row('title', (j) => j.data.title[lang]),
    row('date', (j) => dateOf(j, lang)),
    row('period', (j) => label(periods, j.data.period, lang)),
    row('category', (j) => label(categories, j.data.category, lang)),
    row('materials', (j) =>
      (j.data.materials ?? []).map((m) => label(materials, m, lang)).join(sep),
    ),
    row('dimensions', (j) => sizeOf(j, lang)),
    row('holding', (j) =>
      j.data.holding
        ? [j.data.holding.institution[lang], j.data.holding.accession].filter(Boolean).join(' ')
        : '',
    ),
    row('credit', (j) => j.data.rights?.credit ?? ''),
  ].filter((r) => r.values.some(Boolean));
}

/** A work's first picture for the comparison: same-origin paths, and its tiles if any. */
export function comparePicture(json: CompareJson) {
  const first = json.media[0];
  if (!first) return undefined;
  return {
    url: pathOf(first.url),
    width: first.width,
    height: first.height,
    iiifInfo: first.iiifInfo ? pathOf(first.iiifInfo) : undefined,
  };
}
