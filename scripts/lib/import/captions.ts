/**
 * Reading a photographer's bilingual caption (`中文名 | 年代 收藏机构 | English title | date,
 * institution`): which parts are titles, dates, find-spots and holding institutions, and the years
 * a date text states. Nothing is guessed: a part that cannot be read is kept as it is, and a date
 * with no years gives none.
 */
import type { YearSpan } from '../../../src/lib/site/chronology.ts';
import type { Lang } from '../../../src/lib/records/vocabularies.ts';

const HAN = /\p{Script=Han}/u;

/** Names to find in caption text: alias (either language) → value. Longest alias wins. */
export type Gazetteer<T> = Record<string, T>;

/** What one language's half of a caption says. */
export interface CaptionHalf {
  /** The object's name, as the caption gives it. */
  title?: string | undefined;
  /** Further names or descriptions of the object (a fuller title, a kiln and glaze …). */
  descriptions: string[];
  /** The date as written, without institution, kiln, place or reproduction remark. */
  date?: string | undefined;
  /** Where it was excavated, as written. */
  found?: string | undefined;
  /** Every part as written, in order (the verbatim caption). */
  parts: string[];
  /** Aliases found, by gazetteer name (institution, kiln, place), in the language's own words. */
  named: Record<string, string[]>;
  /** The caption calls the object a (modern) reproduction. */
  reproduction: boolean;
}

export interface Caption {
  zh: CaptionHalf;
  en: CaptionHalf;
}

const REPRODUCTION: Record<Lang, RegExp> = {
  zh: /[（(]?复制件[）)]?/g,
  en: /\(?\breproduction\b\)?/gi,
};
const FOUND: Record<Lang, RegExp> = { zh: /出土|遗址|墓葬/, en: /^excavated\b/i };
const DATE_SIGNAL: Record<Lang, RegExp> = {
  zh: /\d|世纪|[朝代]|文化|[夏商周秦汉晋隋唐宋辽金元明清]/,
  en: /\d|centur|dynasty|period|culture|reign|\b(ming|qing|yuan|song|tang|han|shang|zhou|jin|liao|sui)\b/i,
};

function emptyHalf(): CaptionHalf {
  return { descriptions: [], parts: [], named: {}, reproduction: false };
}

/** Removes every gazetteer alias found in `text`, longest first; returns what is left. */
function takeNames(
  text: string,
  lang: Lang,
  gazetteers: Record<string, Gazetteer<unknown>>,
  half: CaptionHalf,
): string {
  let rest = text;
  for (const [kind, gazetteer] of Object.entries(gazetteers)) {
    const aliases = Object.keys(gazetteer)
      .filter((a) => HAN.test(a) === (lang === 'zh'))
      .sort((a, b) => b.length - a.length);
    for (const alias of aliases) {
      const at = rest.toLowerCase().indexOf(alias.toLowerCase());
      if (at < 0) continue;
      (half.named[kind] ??= []).push(alias);
      rest = `${rest.slice(0, at)} ${rest.slice(at + alias.length)}`;
    }
  }
  return rest;
}

const tidy = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/^[\s,，.。;；:：|]+|[\s,，.。;；:：|]+$/g, '')
    .replace(/\(\s*\)|（\s*）/g, '')
    .trim();

/**
 * Splits a caption into its Chinese and English halves. Parts with Han characters are Chinese;
 * the first part of each language is the title, a part naming an excavation is the find-spot,
 * a part with a date, dynasty or institution is the date (institutions, kilns and places found
 * by the gazetteers are taken out of it), anything else describes the object further.
 */
export function splitCaption(
  raw: string | null | undefined,
  gazetteers: Record<string, Gazetteer<unknown>> = {},
): Caption {
  const caption: Caption = { zh: emptyHalf(), en: emptyHalf() };
  if (!raw) return caption;
  const parts = raw
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    const lang: Lang = HAN.test(part) ? 'zh' : 'en';
    const half = caption[lang];
    half.parts.push(part);
    if (half.title === undefined) {
      half.title = tidy(part);
      takeNames(part, lang, gazetteers, half);
      continue;
    }
    const plain = part.replace(REPRODUCTION[lang], ' ');
    if (plain !== part) half.reproduction = true;
    const rest = tidy(takeNames(plain, lang, gazetteers, half));
    if (FOUND[lang].test(part)) half.found = rest;
    else if (half.date === undefined && DATE_SIGNAL[lang].test(rest)) half.date = rest;
    else if (rest) half.descriptions.push(rest);
  }
  return caption;
}

// ---------------------------------------------------------------------------------------------
// Years stated in a date text

const ZH_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十五 → 15, 二十 → 20 (the small numbers centuries need). */
function zhNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return undefined;
  const tens = m[2] ? (m[1] ? (ZH_DIGITS[m[1]] ?? 0) : 1) : 0;
  const ones = m[2] ? (m[3] ? (ZH_DIGITS[m[3]] ?? 0) : 0) : m[1] ? (ZH_DIGITS[m[1]] ?? 0) : 0;
  const n = tens * 10 + ones;
  return n > 0 ? n : undefined;
}

const EN_ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

type Part = 'early' | 'mid' | 'late' | 'first-half' | 'second-half' | undefined;

interface Side {
  n: number;
  century: boolean;
  /** true: BCE, false: CE, undefined: not said. */
  bce: boolean | undefined;
  part: Part;
}

function centuryYears(n: number, bce: boolean, part: Part): [number, number] {
  const [a, b] = bce ? [-(n * 100), -((n - 1) * 100 + 1)] : [(n - 1) * 100, (n - 1) * 100 + 99];
  const size = Math.floor((b - a + 1) / 3);
  switch (part) {
    case 'early':
      return [a, a + size - 1];
    case 'mid':
      return [a + size, b - size];
    case 'late':
      return [b - size + 1, b];
    case 'first-half':
      return [a, a + 49];
    case 'second-half':
      return [a + 50, b];
    default:
      return [a, b];
  }
}

function toSpan(sides: Side[]): YearSpan | undefined {
  if (sides.length === 0 || sides.length > 2) return undefined;
  const [first, second] = sides;
  if (!first) return undefined;
  // "16th—11th century BCE": a bare first side borrows the second's unit and era
  if (second) {
    if (second.century && !first.century && first.n < 100) first.century = true;
    if (first.bce === undefined) first.bce = second.bce;
    // 公元前475〜221年: an unmarked end after a BCE start is BCE too
    if (second.bce === undefined) second.bce = first.bce === true ? true : undefined;
    // (3,200—2,200), (1045—771): descending years without an era can only be BCE
    if (first.bce === undefined && second.bce === undefined && first.n > second.n)
      first.bce = second.bce = true;
  }
  const years = sides.flatMap((s) =>
    s.century ? centuryYears(s.n, s.bce === true, s.part) : [s.bce ? -s.n : s.n],
  );
  const start = Math.min(...years);
  const end = Math.max(...years);
  if (end > 2100) return undefined;
  return { start, end, precision: sides.some((s) => s.century) ? 'century' : 'year' };
}

const ZH_PART: [RegExp, Part][] = [
  [/上半叶/, 'first-half'],
  [/下半叶/, 'second-half'],
  [/初|早期|前期/, 'early'],
  [/中叶|中期|中/, 'mid'],
  [/末|晚期|后期/, 'late'],
];

/** Years in a Chinese date text: 公元前16〜前11世纪, 约公元前1750〜前1530年, 清（1644〜1911年）, 十五世纪中期. */
export function zhYears(text: string | undefined): YearSpan | undefined {
  if (!text) return undefined;
  const inParens = /[（(]([^（()）]*(?:\d|世纪)[^（()）]*)[）)]/.exec(text)?.[1];
  const body = (inParens ?? text).replace(/年在位|约|左右/g, '').replace(/\s+/g, '');
  const RANGE =
    /(?:公元前|公元|前)?[\d一二三四五六七八九十]+(?:年|世纪[^〜～~—－-]*)?(?:[〜～~—－-](?:公元前|公元|前)?[\d一二三四五六七八九十]+(?:年|世纪\S*)?)?/g;
  // the first stretch that is a date (三国 starts with a numeral too)
  const rangeText = [...body.matchAll(RANGE)].map((m) => m[0]).find((m) => /\d|世纪/.test(m));
  if (!rangeText) return undefined;
  const sides = rangeText.split(/[〜～~—－-]/).map((side): Side | undefined => {
    const m = /^(公元前|公元|前)?([\d一二三四五六七八九十]+)(年|世纪)?(.*)$/.exec(side);
    const n = m?.[2] ? zhNumber(m[2]) : undefined;
    if (!m || n === undefined) return undefined;
    const century = m[3] === '世纪';
    const part = century ? ZH_PART.find(([re]) => re.test(m[4] ?? ''))?.[1] : undefined;
    const bce = m[1] === '公元前' || m[1] === '前' ? true : m[1] === '公元' ? false : undefined;
    return { n, century, bce, part };
  });
  if (sides.some((s) => s === undefined)) return undefined;
  return toSpan(sides as Side[]);
}

/**
 * CE years printed with a thousands separator, as some captions do ("Qing Dynasty (1,644—1,911)"),
 * written as years are (1644—1911) for display; the quoted caption keeps the original. Figures of
 * a BCE date keep theirs (c. 3,800—3,300 BCE), as English writes them.
 */
export function ceYearsUngrouped(text: string): string {
  if (/\bb\.?c/i.test(text)) return text;
  return text.replace(/\b(\d),(\d{3})\b/g, (all, a: string, b: string) =>
    Number(a + b) <= 2100 ? a + b : all,
  );
}

/** Years in an English date text: (16th—11th century BCE), (c. 3,800—3,300 BCE), Late 20th century. */
export function enYears(text: string | undefined): YearSpan | undefined {
  if (!text) return undefined;
  let body = text.toLowerCase().replace(/(\d),(\d{3})/g, '$1$2');
  EN_ORDINALS.forEach((word, i) => {
    body = body.replace(new RegExp(`\\b${word}\\b`, 'g'), `${i + 1}th`);
  });
  const inParens = /\(([^()]*\d[^()]*)\)/.exec(body)?.[1];
  const segment =
    inParens ?? body.split(/[,;]|\.\s/).find((s) => /\d/.test(s) && /centur|\d{3}/.test(s)) ?? '';
  const cleaned = segment
    .replace(/\b(b\.?c\.?e?\.?)(?=\s|$|[—–－~-])/g, ' bce')
    .replace(/\b(a\.?d\.?|c\.?e\.?)(?=\s|$|[—–－~-])/g, ' ce')
    .replace(/\b(c\.|ca\.|about|circa)\s*/g, '')
    .replace(/\bmid-/g, 'mid ')
    .trim();
  const sides = cleaned
    .split(/\s*[—–－~]\s*|\s+-\s*|(?<=\d)-(?=\d)/)
    .filter(Boolean)
    .map((side): Side | undefined => {
      const m =
        /^(early|mid|late)?\s*(\d+)(st|nd|rd|th)?\s*(century|centuries)?\s*(bce|ce)?\.?$/.exec(
          side.trim(),
        );
      if (!m?.[2]) return undefined;
      const century = Boolean(m[3] || m[4]);
      const part = (m[1] as Part) ?? undefined;
      const bce = m[5] === 'bce' ? true : m[5] === 'ce' ? false : undefined;
      return { n: Number(m[2]), century, bce, part: century ? part : undefined };
    });
  if (sides.length === 0 || sides.some((s) => s === undefined)) return undefined;
  // "(25—220 BC)": an era written once at the end is the era of the whole range
  const last = sides.at(-1);
  if (last?.bce !== undefined)
    for (const s of sides) if (s && s.bce === undefined) s.bce = last.bce;
  return toSpan(sides as Side[]);
}
