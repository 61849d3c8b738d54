/**
 * Dynasties, cultures and reign names (年号) from `src/data/chronology.json`, found in the date
 * text of a source, and the mechanical cross-check of what a source says about a date: a reign
 * named under the wrong dynasty, years that do not fit the reign or dynasty named, and a Chinese
 * and an English caption that disagree. Pure: importers pass in the texts and the years they read.
 */
import chronology from '../../data/chronology.json' with { type: 'json' };
import type { Lang, Localized } from './i18n.ts';
import { formatYearRange } from './ui.ts';
import { vocabularies } from '../records/vocabularies.ts';

export interface Dynasty {
  key: string;
  /** Chinese names, the one to show first (清, 清朝). */
  zh: string[];
  /** English names, the usual one first. */
  en: string[];
  start: number;
  end: number;
  /** Key in `periods.json`. */
  period: string;
}

export interface Culture {
  key: string;
  zh: string[];
  en: string[];
  period: string;
}

export interface Reign {
  zh: string;
  /** Toneless pinyin, syllables separated by spaces (`jia jing`). */
  pinyin: string;
  /** Key of the dynasty in `dynasties`. */
  dynasty: string;
  start: number;
  end: number;
}

export const dynasties: readonly Dynasty[] = chronology.dynasties;
export const cultures: readonly Culture[] = chronology.cultures;
export const reigns: readonly Reign[] = chronology.reigns;

interface Span {
  start: number;
  end: number;
}

/** Years a source states. `century` when it only names centuries (then overlap is enough). */
export interface YearSpan {
  start: number;
  end: number;
  precision: 'year' | 'century';
}

/** What one caption (one language) says about when the object was made. */
export interface DateReading {
  lang: Lang;
  /** The date text as the source gives it. */
  text: string;
  /** Dynasties named, in order; a name with two readings (English "Jin") gives both. */
  dynasties: Dynasty[][];
  cultures: Culture[];
  reigns: Reign[];
  years?: YearSpan | undefined;
}

/** One thing a curator must check, on the record field it concerns. */
export interface ReviewNote {
  field: string;
  note: Localized;
}

/** Years of difference tolerated: a reign's accession year against its first full year. */
export const YEAR_TOLERANCE = 1;

/** English text compared without accents, zero-width characters or case (`Jiājìng` → jiajing). */
function plainLatin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u200b-\u200d\u2060\ufeff]/g, '')
    .toLowerCase();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Name<T> {
  pattern: RegExp;
  length: number;
  value: T;
}

function namesFor(lang: Lang) {
  const zh = (n: string) => new RegExp(escape(n), 'g');
  const en = (n: string) =>
    new RegExp(`\\b${n.toLowerCase().split(/\s+/).map(escape).join('[\\s-]*')}\\b`, 'g');
  const make = lang === 'zh' ? zh : en;
  const names: Name<{ kind: 'culture' | 'reign' | 'dynasty' | 'era'; key: string }>[] = [];
  // 公元 (CE) holds 元: read it as what it is, so that it names no dynasty
  if (lang === 'zh')
    for (const n of ['公元前', '公元'])
      names.push({ pattern: zh(n), length: n.length, value: { kind: 'era', key: n } });
  for (const c of cultures)
    for (const n of c[lang])
      names.push({ pattern: make(n), length: n.length, value: { kind: 'culture', key: c.key } });
  for (const r of reigns) {
    const n = lang === 'zh' ? r.zh : r.pinyin;
    names.push({ pattern: make(n), length: n.length, value: { kind: 'reign', key: r.zh } });
  }
  for (const d of dynasties)
    for (const n of d[lang])
      names.push({ pattern: make(n), length: n.length, value: { kind: 'dynasty', key: d.key } });
  // longest names first, so 北宋 is read before 宋 and 夏家店下层文化 before 夏
  return names.sort((a, b) => b.length - a.length);
}

const NAMES = { zh: namesFor('zh'), en: namesFor('en') };

/**
 * The dynasties, cultures and reigns named in `text` (the date part of a caption, not its title:
 * 景泰蓝 names a reign in a title). Each stretch of text is read once, longest name first.
 */
export function readDate(text: string, lang: Lang, years?: YearSpan): DateReading {
  const haystack = lang === 'zh' ? text : plainLatin(text);
  const taken = new Array<boolean>(haystack.length).fill(false);
  const found: { at: number; kind: string; key: string }[] = [];
  for (const name of NAMES[lang]) {
    for (const m of haystack.matchAll(name.pattern)) {
      const from = m.index;
      const to = from + m[0].length;
      if (taken.slice(from, to).some(Boolean)) continue;
      taken.fill(true, from, to);
      found.push({ at: from, ...name.value });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  const reading: DateReading = { lang, text, dynasties: [], cultures: [], reigns: [], years };
  for (const f of found) {
    // the same name twice (清朝 … 清) is one mention
    const id = `${f.kind}:${f.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (f.kind === 'culture') reading.cultures.push(cultures.find((c) => c.key === f.key)!);
    if (f.kind === 'reign') reading.reigns.push(reigns.find((r) => r.zh === f.key)!);
    if (f.kind === 'dynasty') reading.dynasties.push(readingsOf(f.key, lang));
  }
  reading.dynasties = reading.dynasties.map((options) => narrow(options, reading));
  return reading;
}

/** Every dynasty an English name can mean ("Jin": 晋 and 金); a Chinese name means one. */
function readingsOf(key: string, lang: Lang): Dynasty[] {
  const own = dynasties.find((d) => d.key === key)!;
  if (lang === 'zh') return [own];
  return dynasties.filter((d) => d.en.some((n) => own.en.includes(n)));
}

/** Of several readings of a name, those the reign or the years named beside it allow. */
function narrow(options: Dynasty[], reading: DateReading): Dynasty[] {
  if (options.length < 2) return options;
  const byReign = options.filter((d) => reading.reigns.some((r) => r.dynasty === d.key));
  if (byReign.length > 0) return byReign;
  const years = reading.years;
  const byYears = years ? options.filter((d) => overlaps(d, years)) : [];
  return byYears.length > 0 ? byYears : options;
}

/** A century or half-century is approximate: it is widened by this many years on each side. */
export const CENTURY_TOLERANCE = 25;

function overlaps(a: Span, b: Span, tolerance = YEAR_TOLERANCE): boolean {
  return a.start <= b.end + tolerance && b.start <= a.end + tolerance;
}

/** Whether stated years fit a span: inside it (to the tolerance), or overlapping for centuries. */
export function fitsYears(span: Span, years: YearSpan): boolean {
  if (years.precision === 'century') return overlaps(span, years, CENTURY_TOLERANCE);
  return years.start >= span.start - YEAR_TOLERANCE && years.end <= span.end + YEAR_TOLERANCE;
}

const CAPTION: Record<Lang, Localized> = {
  zh: { zh: '中文图注', en: 'The Chinese caption' },
  en: { zh: '英文图注', en: 'The English caption' },
};

const dynastyOf = (key: string) => dynasties.find((d) => d.key === key);
const zhName = (d: Dynasty) => d.zh[0] ?? d.key;
const enName = (d: Dynasty) => `${d.en[0] ?? d.key} (${zhName(d)})`;
const reignEn = (r: Reign) => r.pinyin.replace(/ /g, '').replace(/^./, (c) => c.toUpperCase());

/** Years for a note; a span across the start of the era says so on both ends. */
function span(s: Span, lang: Lang): string {
  if (s.start < 0 && s.end > 0)
    return lang === 'zh' ? `公元前${-s.start}年—公元${s.end}年` : `${-s.start} BCE–${s.end} CE`;
  return formatYearRange(s.start, s.end, lang);
}

function reignNotes(reading: DateReading): ReviewNote[] {
  const cap = CAPTION[reading.lang];
  const notes: ReviewNote[] = [];
  for (const reign of reading.reigns) {
    const own = dynastyOf(reign.dynasty);
    if (!own) continue;
    for (const mention of reading.dynasties) {
      if (mention.some((d) => d.key === own.key || (d.period === own.period && overlaps(d, own))))
        continue;
      const named = mention[0]!;
      notes.push({
        field: 'period',
        note: {
          zh: `${cap.zh}称“${zhName(named)}”，但${reign.zh}（${span(reign, 'zh')}）是${zhName(own)}代年号`,
          en: `${cap.en} names the ${enName(named)}, but ${reignEn(reign)} (${reign.zh}, ${span(reign, 'en')}) is a reign of the ${enName(own)}`,
        },
      });
    }
    if (reading.years && !fitsYears(reign, reading.years)) {
      notes.push({
        field: 'date',
        note: {
          zh: `${cap.zh}所记年份（${span(reading.years, 'zh')}）与${reign.zh}年号（${span(reign, 'zh')}）不符`,
          en: `${cap.en} gives ${span(reading.years, 'en')} for the ${reignEn(reign)} reign (${reign.zh}), which ran ${span(reign, 'en')}`,
        },
      });
    }
  }
  return notes;
}

/** Years outside every dynasty named (a range such as 金〜元 spans both). */
function dynastyYearNotes(reading: DateReading): ReviewNote[] {
  const years = reading.years;
  if (!years || reading.reigns.length > 0 || reading.dynasties.length === 0) return [];
  const chosen = reading.dynasties.map((options) => options[0]!);
  const union = {
    start: Math.min(...chosen.map((d) => d.start)),
    end: Math.max(...chosen.map((d) => d.end)),
  };
  if (fitsYears(union, years)) return [];
  const cap = CAPTION[reading.lang];
  return [
    {
      field: 'date',
      note: {
        zh: `${cap.zh}所记年份（${span(years, 'zh')}）超出${chosen.map(zhName).join('至')}的年代范围（${span(union, 'zh')}）`,
        en: `${cap.en} gives ${span(years, 'en')}, outside the ${chosen.map(enName).join(' to the ')}, ${span(union, 'en')}`,
      },
    },
  ];
}

function compatible(a: Dynasty, b: Dynasty): boolean {
  if (a.key === b.key) return true;
  const contains = (x: Dynasty, y: Dynasty) => x.start <= y.start && y.end <= x.end;
  return a.period === b.period && (contains(a, b) || contains(b, a));
}

function betweenCaptions(zh: DateReading, en: DateReading): ReviewNote[] {
  const notes: ReviewNote[] = [];
  const zhReigns = zh.reigns.map((r) => r.zh);
  const enReigns = en.reigns.map((r) => r.zh);
  if (zhReigns.length > 0 && enReigns.length > 0 && zhReigns.join() !== enReigns.join()) {
    notes.push({
      field: 'date',
      note: {
        zh: `中文图注记为${zhReigns.join('、')}，英文图注记为${en.reigns.map((r) => `${r.zh}（${reignEn(r)}）`).join('、')}`,
        en: `The Chinese caption says ${zh.reigns.map((r) => `${reignEn(r)} (${r.zh})`).join(', ')}, the English caption ${en.reigns.map((r) => `${reignEn(r)} (${r.zh})`).join(', ')}`,
      },
    });
  }
  if (zh.dynasties.length > 0 && en.dynasties.length > 0) {
    const unmatched = (from: DateReading, to: DateReading) =>
      from.dynasties.filter(
        (mention) =>
          !to.dynasties.some((other) => mention.some((d) => other.some((o) => compatible(d, o)))),
      );
    if (unmatched(zh, en).length > 0 || unmatched(en, zh).length > 0) {
      const names = (r: DateReading, f: (d: Dynasty) => string) =>
        r.dynasties.map((m) => f(m[0]!)).join(' – ');
      notes.push({
        field: 'period',
        note: {
          zh: `中文图注记为“${names(zh, zhName)}”，英文图注记为“${names(en, (d) => d.en[0] ?? d.key)}”`,
          en: `The Chinese caption names the ${names(zh, enName)}, the English caption the ${names(en, enName)}`,
        },
      });
    }
  }
  if (zh.years && en.years) {
    const a = zh.years;
    const b = en.years;
    const agree =
      a.precision === 'year' && b.precision === 'year'
        ? Math.abs(a.start - b.start) <= YEAR_TOLERANCE && Math.abs(a.end - b.end) <= YEAR_TOLERANCE
        : overlaps(a, b);
    if (!agree) {
      // quoted as written: how a caption's years are read is itself worth checking
      notes.push({
        field: 'date',
        note: {
          zh: `中文图注“${zh.text}”（读作${span(a, 'zh')}）与英文图注“${en.text}”（读作${span(b, 'zh')}）年代不同`,
          en: `The Chinese caption's “${zh.text}” (read as ${span(a, 'en')}) differs from the English caption's “${en.text}” (read as ${span(b, 'en')})`,
        },
      });
    }
  }
  return notes;
}

/**
 * Everything that disagrees in what the captions say about the date: within each caption
 * (reign against dynasty, reign or dynasty against the years) and between the Chinese and the
 * English caption (reign, dynasty, years). Differences of a year are tolerated.
 */
export function dateDisagreements(readings: {
  zh?: DateReading | undefined;
  en?: DateReading | undefined;
}): ReviewNote[] {
  const own = [readings.zh, readings.en].flatMap((r) =>
    r ? [...reignNotes(r), ...dynastyYearNotes(r)] : [],
  );
  const between = readings.zh && readings.en ? betweenCaptions(readings.zh, readings.en) : [];
  return [...own, ...between];
}

/**
 * The period (`periods.json` key) the captions give, most specific statement first: a reign's
 * dynasty, then a dynasty named, then a culture, then the years (the period holding their middle).
 */
export function periodOf(readings: (DateReading | undefined)[]): string | undefined {
  const list = readings.filter((r): r is DateReading => r !== undefined);
  for (const r of list) {
    const reign = r.reigns[0];
    if (reign) return dynastyOf(reign.dynasty)?.period;
  }
  for (const r of list) {
    const first = r.dynasties[0]?.[0];
    if (first) return first.period;
  }
  for (const r of list) if (r.cultures[0]) return r.cultures[0].period;
  for (const r of list) {
    if (!r.years) continue;
    const middle = (r.years.start + r.years.end) / 2;
    return vocabularies.periods.find((p) => p.start <= middle && middle <= p.end)?.key;
  }
  return undefined;
}
