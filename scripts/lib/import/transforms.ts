/**
 * The transforms a mapping can name in a `parse` step. Each takes the source value and returns
 * the field value, or undefined when the value cannot be read (then the field's `fallback`, if
 * any, is tried). None of them guesses: what is not stated in the source is left out.
 */
import { pinyin } from 'pinyin-pro';
import { findDivision, provinces } from '../../../src/lib/records/regions.ts';

// ---------------------------------------------------------------------------------------------
// Dates: "1870s", "about 1870", "1662-1722", "early 700s", "300s BCE", "19th century" …

export interface YearRange {
  start: number;
  end: number;
  display: { zh: string; en: string };
}

interface Part {
  start: number;
  end: number;
  zh: string;
  bce: boolean;
}

const QUALIFIER = /^(early|mid|late|later)\s*/;
const THIRD_ZH: Record<string, string> = {
  early: '前期',
  mid: '中期',
  late: '后期',
  later: '后期',
};

function third(start: number, end: number, q: string | undefined): [number, number] {
  if (!q) return [start, end];
  const span = end - start + 1;
  const size = Math.floor(span / 3);
  if (q === 'early') return [start, start + size - 1];
  if (q === 'mid') return [start + size, end - size];
  return [end - size + 1, end];
}

/** One side of a range, e.g. `early 1700s`, `300s bce`, `19th century`, `1694`. */
function parsePart(text: string, eraHint: boolean): Part | undefined {
  let rest = text.trim();
  const q = QUALIFIER.exec(rest)?.[1];
  if (q) rest = rest.slice(QUALIFIER.exec(rest)?.[0].length ?? 0);
  const bce = / bce$/.test(rest) || (eraHint && !/ ce$/.test(rest));
  rest = rest.replace(/ (bce|ce)$/, '').trim();
  const sign = bce ? -1 : 1;
  const era = bce ? '公元前' : '';
  const suffix = q ? THIRD_ZH[q] : '';

  let m = /^(\d{1,2})(?:st|nd|rd|th) century$/.exec(rest);
  if (m) {
    const n = Number(m[1]);
    const [a, b] = bce
      ? [-(n * 100) + 1 - 1, -((n - 1) * 100 + 1)]
      : [(n - 1) * 100, (n - 1) * 100 + 99];
    const [start, end] = third(a, b, q);
    return { start, end, zh: `${era}${n}世纪${suffix}`, bce };
  }
  m = /^(\d+)s$/.exec(rest);
  if (m) {
    const base = Number(m[1]);
    const century = base % 100 === 0;
    const span = century ? 100 : 10;
    const [a, b] = bce ? [-(base + span - 1), -base] : [base, base + span - 1];
    const [start, end] = third(a, b, q);
    const zh = century ? `${era}${base / 100 + 1}世纪${suffix}` : `${era}${base}年代${suffix}`;
    return { start, end, zh, bce };
  }
  m = /^(\d+)$/.exec(rest);
  if (m && !q) {
    const year = Number(m[1]) * sign;
    return { start: year, end: year, zh: `${era}${m[1]}年`, bce };
  }
  return undefined;
}

/** Reads a date string as a range of years; undefined when it is not a date it understands. */
export function parseYearRange(input: unknown): YearRange | undefined {
  if (typeof input !== 'string' || input.trim() === '') return undefined;
  const original = input.trim();
  let text = original
    .toLowerCase()
    .replace(/[()]/g, ' ')
    .replace(/\babour\b/g, 'about')
    .replace(/['’]s\b/g, 's')
    .replace(/\b(b\.c\.e?\.?|bce|bc)(?=\s|$|-)/g, ' bce')
    .replace(/\b(a\.d\.|ad|ce)(?=\s|$|-)/g, ' ce')
    .replace(/(\d)(bce|ce)\b/g, '$1 $2')
    .replace(/(early|mid|late|later)(\d)/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
  const approx = /^(about|around|circa|ca\.?|c\.) /.test(text);
  if (approx) text = text.replace(/^(about|around|circa|ca\.?|c\.) /, '');
  const sides = text.split(/\s*(?:-|–|—| or | to )\s*/);
  if (sides.length > 2 || sides.some((s) => s === '')) return undefined;
  const lastBce = / bce$/.test(sides.at(-1) ?? '');
  const parts: Part[] = [];
  for (const [i, side] of sides.entries()) {
    const part = parsePart(side, i < sides.length - 1 && lastBce);
    if (!part) return undefined;
    parts.push(part);
  }
  const [first, second] = parts;
  if (!first) return undefined;
  // "1736-95": the second year written short
  if (second && !first.bce && !second.bce && second.end < first.start) {
    const short = sides[1] ?? '';
    if (/^\d{1,2}$/.test(short)) {
      const full = Number(String(first.start).slice(0, 4 - short.length) + short);
      second.start = full;
      second.end = full;
      second.zh = `${full}年`;
    }
  }
  const start = Math.min(...parts.map((p) => p.start));
  const end = Math.max(...parts.map((p) => p.end));
  if (start > end || end > 2100) return undefined;
  const zh = parts.length === 2 ? `${first.zh}至${second?.zh ?? ''}` : first.zh;
  return { start, end, display: { zh: `${approx ? '约' : ''}${zh}`, en: original } };
}

// ---------------------------------------------------------------------------------------------
// Dimensions: "15 1/8 x 9 1/2 in.", "H: 7 1/4 in.", "Diam: 8 in.", "L: 22 in."

export interface Dimensions {
  height?: number;
  width?: number;
  depth?: number;
  diameter?: number;
  length?: number;
  note?: string;
}

const LABELS: Record<string, keyof Omit<Dimensions, 'note'>> = {
  h: 'height',
  height: 'height',
  w: 'width',
  width: 'width',
  d: 'depth',
  depth: 'depth',
  l: 'length',
  length: 'length',
  diam: 'diameter',
  dia: 'diameter',
  diameter: 'diameter',
};
const NUMBER = String.raw`(\d+(?:\.\d+)?(?:\s+\d+/\d+)?|\d+/\d+)`;

function readNumber(text: string): number {
  return text
    .trim()
    .split(/\s+/)
    .reduce((sum, piece) => {
      const [a, b] = piece.split('/').map(Number);
      return sum + (b ? (a ?? 0) / b : (a ?? 0));
    }, 0);
}

/**
 * Dimensions in centimetres. Unlabelled measurements follow the museum convention height ×
 * width × depth. A string with no stated unit (in. or cm) is not converted: it is kept as a note.
 * A qualifier such as "(approx.)", "(each)" or "(image)" is kept as a note beside the numbers.
 */
export function parseDimensions(input: unknown): Dimensions | undefined {
  if (typeof input !== 'string' || input.trim() === '') return undefined;
  const original = input.trim().replace(/\s+/g, ' ');
  const keepNote = { note: original };
  let text = original.toLowerCase();
  const qualifiers = [...text.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]);
  text = text.replace(/\([^)]*\)/g, ' ');
  const unit = /\bcm\.?\b/.test(text)
    ? 'cm'
    : /\b(in\.?|inches)(?=\s|$|[,;x])/.test(text)
      ? 'in'
      : undefined;
  if (!unit) return keepNote;
  text = text
    .replace(/\b(in\.?|inches|cm\.?)(?=\s|$|[,;x])/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const segments = text.split(/\s*(?:\bx\b|×|;|,)\s*/).filter((s) => s !== '');
  const result: Dimensions = {};
  const unlabelled: number[] = [];
  const labelled = new RegExp(`^(?:([a-z]+)\\s*:?\\s*${NUMBER}|${NUMBER}\\s*([a-z]+))$`);
  const plain = new RegExp(`^${NUMBER}$`);
  for (const segment of segments) {
    const m = labelled.exec(segment);
    const p = plain.exec(segment);
    if (p?.[1]) unlabelled.push(readNumber(p[1]));
    else if (m) {
      const label = LABELS[m[1] ?? m[4] ?? ''];
      const value = readNumber(m[2] ?? m[3] ?? '');
      if (!label || result[label] !== undefined) return keepNote;
      result[label] = value;
    } else return keepNote;
  }
  if (unlabelled.length > 0) {
    if (Object.keys(result).length > 0 || unlabelled.length > 3) return keepNote;
    const order = ['height', 'width', 'depth'] as const;
    unlabelled.forEach((value, i) => (result[order[i] ?? 'depth'] = value));
  }
  const factor = unit === 'in' ? 2.54 : 1;
  const out: Dimensions = {};
  for (const [k, v] of Object.entries(result) as [keyof Omit<Dimensions, 'note'>, number][]) {
    if (!(v > 0)) return keepNote;
    out[k] = Math.round(v * factor * 10) / 10;
  }
  if (Object.keys(out).length === 0) return keepNote;
  if (qualifiers.length > 0 || /approx|each|image/.test(text)) out.note = original;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Provinces: "北京市、河北省" → regions with GB/T 2260 codes

export interface RegionValue {
  code: string;
  place: { zh: string; en: string };
}

const NOT_A_REGION = ['中直单位'];

/** Regions for a list of province names; throws with the unknown name. */
export function parseProvinces(input: unknown): RegionValue[] | undefined {
  const names = (
    Array.isArray(input) ? input.map(String) : String(input ?? '').split(/[、,，;；/]/)
  )
    .map((s) => s.trim())
    .filter(Boolean);
  // 中直单位 (bodies under the central government) is not a region: keep the provinces beside it
  const places = names.filter((name) => !NOT_A_REGION.includes(name));
  if (places.length === 0) {
    if (names.length > 0)
      throw new RejectError(`"${names.join('、')}" names no province-level division`);
    return undefined;
  }
  return places.map((name) => {
    const province = provinces.find(
      (p) => p.zh === name || p.zh.startsWith(name) || name.startsWith(p.zh),
    );
    if (!province) throw new RejectError(`"${name}" is not a province-level division (GB/T 2260)`);
    return { code: province.code, place: { zh: province.zh, en: province.en } };
  });
}

// ---------------------------------------------------------------------------------------------
// English names of list items: glossary words from the end of the name, pinyin for the rest

function romanisedWord(text: string): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', v: true }).join('');
  return syllables.charAt(0).toUpperCase() + syllables.slice(1);
}

function translatePhrase(text: string, glossary: [string, string][]): string {
  const words: string[] = [];
  let rest = text.trim();
  while (rest !== '') {
    const tail = /[、,，]\s*$/.exec(rest);
    if (tail) {
      rest = rest.slice(0, tail.index);
      words.unshift(',');
      continue;
    }
    const entry = glossary.find(([zh]) => rest.endsWith(zh));
    if (entry) {
      words.unshift(entry[1]);
      rest = rest.slice(0, rest.length - entry[0].length);
      continue;
    }
    // no glossary word at the end: romanise back to the previous glossary word or separator
    let cut = rest.length - 1;
    while (
      cut > 0 &&
      !glossary.some(([zh]) => rest.slice(0, cut).endsWith(zh)) &&
      !/[、,，]/.test(rest[cut - 1] ?? '')
    )
      cut--;
    words.unshift(romanisedWord(rest.slice(cut)));
    rest = rest.slice(0, cut);
  }
  const joined = words.join(' ').replace(/ ,/g, ',');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/**
 * An English name for a Chinese list item: known words from the mapping's glossary, other parts
 * in pinyin. `剪纸(蔚县剪纸)` → `Paper-cut (Yuxian paper-cut)`. Not a published translation, and
 * the records say so.
 */
/**
 * The GB/T 2260 codes among `input` (a code or a list) that name a known city or county: a code
 * the project's division data does not hold (renamed or abolished since), or a province, is left
 * out rather than rejected, since it only refines a place the record already has.
 */
export function knownDivisions(input: unknown): string[] {
  const codes = (Array.isArray(input) ? input : [input]).map((v) => String(v ?? '').trim());
  return codes.filter((code) => {
    const division = /^\d{6}$/.test(code) ? findDivision(code) : undefined;
    return division !== undefined && division.depth !== 'province';
  });
}

export function nameToEnglish(
  input: unknown,
  glossary: Record<string, unknown>,
): string | undefined {
  if (typeof input !== 'string' || input.trim() === '') return undefined;
  const entries = Object.entries(glossary)
    .map(([zh, en]): [string, string] => [zh, String(en)])
    .sort((a, b) => b[0].length - a[0].length);
  const m = /^(.*?)[(（](.*)[)）]\s*$/.exec(input.trim());
  if (m) return `${translatePhrase(m[1] ?? '', entries)} (${translatePhrase(m[2] ?? '', entries)})`;
  return translatePhrase(input, entries);
}

/** A row-level rejection raised inside a transform. */
export class RejectError extends Error {}

/** A row left out on purpose (outside what the archive collects), raised by a `skip` rule. */
export class SkipError extends RejectError {}
