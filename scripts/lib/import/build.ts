/**
 * Turns one source row into a record's frontmatter data and Markdown body, as a mapping says.
 * A row that cannot be mapped raises a `RejectError` naming the field and the reason.
 */
import { escapeMarkdownText } from '../../../src/lib/content-safety/markdown-text.ts';
import type { VocabularyName } from '../../../src/lib/records/vocabularies.ts';
import { chineseTitle } from '../../../src/lib/thesaurus/title-zh.ts';
import { findTerm } from '../../../src/lib/records/vocabularies.ts';
import type { FieldSpec, Mapping, Rule, Step } from './mapping.ts';
import { valueAtPath, type Row } from './source.ts';
import {
  nameToEnglish,
  parseDimensions,
  knownDivisions,
  parseProvinces,
  parseYearRange,
  RejectError,
  SkipError,
  type YearRange,
} from './transforms.ts';

export { RejectError, SkipError };

/** A field value inside the record being built. */
export type Data = Record<string, unknown>;

/** Rejection of a row, with the field it concerns. */
export class FieldRejection extends Error {
  readonly field: string;
  readonly reason: string;
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.field = field;
    this.reason = reason;
  }
}

/** A row left out on purpose by a `skip` rule, with the field it concerns. */
export class FieldSkip extends FieldRejection {}

/** Vocabulary behind a record field, for `{@field:zh}` labels. */
const FIELD_VOCABULARY: Record<string, VocabularyName> = {
  period: 'periods',
  category: 'craftCategories',
  materials: 'materials',
  'rights.license': 'licenses',
};

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Sets `value` at a dot path, creating objects on the way. */
export function setPath(target: Data, path: string, value: unknown): void {
  const parts = path.split('.');
  let current = target;
  parts.slice(0, -1).forEach((part, i) => {
    // a numeric next part (`heritage.0.code`) makes a list
    if (current[part] === undefined || typeof current[part] !== 'object')
      current[part] = /^\d+$/.test(parts[i + 1] ?? '') ? [] : {};
    current = current[part] as Data;
  });
  current[parts.at(-1) ?? path] = value;
}

/** Values at a path where `[]` fans out over a list: `heritage[].code`. */
export function valuesAtPath(value: unknown, path: string): unknown[] {
  const [head, ...rest] = path.split('[]');
  const base = valueAtPath(value, (head ?? '').replace(/\.$/, ''));
  if (rest.length === 0) return isEmpty(base) ? [] : [base];
  if (!Array.isArray(base)) return [];
  const tail = rest.join('[]').replace(/^\./, '');
  return base.flatMap((item) => (tail ? valuesAtPath(item, tail) : [item]));
}

function display(value: unknown, lang: 'zh' | 'en'): string | undefined {
  if (isEmpty(value)) return undefined;
  if (Array.isArray(value)) {
    const parts = value.map((v) => display(v, lang)).filter((v) => v !== undefined);
    return parts.length ? parts.join(lang === 'zh' ? '、' : ', ') : undefined;
  }
  if (typeof value === 'object') return undefined;
  return String(value);
}

/**
 * Fills `{column}`, `{@field}` (a value computed earlier) and `{@field:zh}` / `{@field:en}` (the
 * vocabulary label of a term field). Undefined when any placeholder has no value. `escape`
 * turns each filled-in value into text for where the result goes (a Markdown body).
 */
export function renderTemplate(
  template: string,
  row: Row,
  data: Data,
  escape: (value: string) => string = (value) => value,
): string | undefined {
  let missing = false;
  const text = template.replace(
    /\{(@?)([^{}:]+)(?::(zh|en))?\}/g,
    (_, at: string, path: string, lang?: 'zh' | 'en') => {
      let value: unknown = at ? valueAtPath(data, path) : valueAtPath(row, path);
      if (at && lang) {
        const vocabulary = FIELD_VOCABULARY[path];
        const label = (key: unknown) =>
          vocabulary ? findTerm(vocabulary, String(key))?.[lang] : undefined;
        value = Array.isArray(value) ? value.map(label) : label(value);
      }
      const shown = display(value, lang ?? 'en');
      if (shown === undefined) missing = true;
      return shown === undefined ? '' : escape(shown);
    },
  );
  return missing ? undefined : text;
}

/** The value of the first rule matching `text` (`all`: of every rule, without repeats). */
export function matchRules(rules: Rule[], text: string, all: boolean, mapName: string): unknown {
  const found: unknown[] = [];
  for (const rule of rules) {
    if (!new RegExp(rule.match, 'iu').test(text)) continue;
    if (rule.reject !== undefined)
      throw new RejectError(`${rule.reject} ("${text}", map ${mapName})`);
    if (rule.skip !== undefined) throw new SkipError(`${rule.skip} ("${text}", map ${mapName})`);
    if (!all) return rule.value;
    for (const v of Array.isArray(rule.value) ? rule.value : [rule.value])
      if (!found.includes(v)) found.push(v);
  }
  return all ? found : undefined;
}

/**
 * Applies a rule map of `mapping` to `text`: the value of the first matching rule, or a
 * `RejectError` when that rule rejects. Lets another mapping reuse these rules (a scope).
 */
export function applyRules(mapping: Mapping, mapName: string, text: string): unknown {
  const map = mapping.maps[mapName];
  if (!map || !('rules' in map))
    throw new Error(`map "${mapName}" of mapping "${mapping.name}" must have "rules"`);
  return matchRules(map.rules, text, false, mapName);
}

function within(candidate: unknown, range: YearRange | undefined): boolean {
  if (!range || candidate === null || typeof candidate !== 'object') return false;
  const c = candidate as { start?: number; end?: number };
  const middle = (range.start + range.end) / 2;
  return c.start !== undefined && c.end !== undefined && c.start <= middle && middle <= c.end;
}

function applyStep(value: unknown, step: Step, mapping: Mapping, data: Data, row: Row): unknown {
  if (isEmpty(value)) return value;
  const each = (fn: (v: unknown) => unknown) => (Array.isArray(value) ? value.map(fn) : fn(value));
  if (typeof step === 'string') {
    switch (step) {
      case 'trim':
        return each((v) => (typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : v));
      case 'capitalize':
        return each((v) => (typeof v === 'string' ? v.charAt(0).toUpperCase() + v.slice(1) : v));
      case 'dashes':
        // A typewriter "--" between numbers (1555--1636, a TeX habit of some collection
        // databases) is the en dash of a range; elsewhere "--" is left as the source wrote it.
        return each((v) => (typeof v === 'string' ? v.replace(/(\d)\s*--\s*(\d)/g, '$1–$2') : v));
      case 'lowercase':
        return each((v) => (typeof v === 'string' ? v.toLowerCase() : v));
      case 'number':
        return each((v) => {
          const n = Number(v);
          if (!Number.isFinite(n)) throw new RejectError(`"${String(v)}" is not a number`);
          return n;
        });
      case 'unique':
        return Array.isArray(value) ? [...new Set(value)] : value;
      case 'first':
        return Array.isArray(value) ? value[0] : value;
      case 'only': {
        // the one value a list agrees on (empty values aside), or nothing when it disagrees
        const values = new Set((Array.isArray(value) ? value : [value]).filter((v) => !isEmpty(v)));
        return values.size === 1 ? [...values][0] : undefined;
      }
      case 'as-range': {
        // a map entry such as {start: 25, end: 220, zh: 东汉, en: Eastern Han} → a date range
        const r = value as { start?: unknown; end?: unknown; zh?: unknown; en?: unknown };
        if (typeof r.start !== 'number' || typeof r.end !== 'number') return undefined;
        const shown =
          typeof r.zh === 'string' && typeof r.en === 'string'
            ? { display: { zh: r.zh, en: r.en } }
            : {};
        return { start: r.start, end: r.end, ...shown };
      }
    }
  }
  if ('split' in step)
    return String(value)
      .split(new RegExp(step.split))
      .map((s) => s.trim())
      .filter(Boolean);
  if ('join' in step) return Array.isArray(value) ? value.join(step.join) : value;
  if ('replace' in step) {
    const pattern = new RegExp(step.replace, 'u');
    return each((v) => (typeof v === 'string' ? v.replace(pattern, step.with) : v));
  }
  if ('each' in step) {
    const items = Array.isArray(value) ? value : [value];
    const spec = step.each;
    if (typeof spec === 'string')
      return items.map((v) => renderTemplate(spec, v as Row, data)).filter((v) => v !== undefined);
    const numbers = ('numbers' in step ? step.numbers : undefined) ?? [];
    return items.map((item) => {
      const out: Data = {};
      for (const [path, template] of Object.entries(spec)) {
        const text = renderTemplate(template, item as Row, data);
        if (text === undefined) continue; // an optional part the item does not have
        setPath(out, path, numbers.includes(path) ? Number(text) : text);
      }
      return out;
    });
  }
  if ('pick' in step) return each((v) => valueAtPath(v, step.pick));
  if ('lookup' in step) {
    const map = mapping.maps[step.lookup];
    if (!map || !('values' in map)) throw new Error(`map ${step.lookup} must have "values"`);
    const table = new Map(Object.entries(map.values).map(([k, v]) => [k.trim().toLowerCase(), v]));
    return each((v) => {
      const found = table.get(String(v).trim().toLowerCase());
      if (found === undefined) {
        throw new RejectError(
          `no entry for "${String(v)}" in map "${step.lookup}" (add one to ${mapping.name}'s mapping)`,
        );
      }
      if (!Array.isArray(found)) return found;
      const range = step.within
        ? (valueAtPath(data, step.within.replace(/^@/, '')) as YearRange | undefined)
        : undefined;
      const chosen = found.filter((c) => within(c, range));
      if (chosen.length !== 1) {
        throw new RejectError(
          range
            ? `"${String(v)}" (map "${step.lookup}") has no single reading for the years ${range.start}–${range.end}`
            : `"${String(v)}" is ambiguous (map "${step.lookup}") and the row gives no date to decide`,
        );
      }
      return chosen[0];
    });
  }
  if ('title-zh' in step) {
    const { materials, category } = step['title-zh'];
    const text = (path: string | undefined, from: unknown) => {
      const v = path ? valueAtPath(from, path.replace(/^@/, '')) : undefined;
      return typeof v === 'string' ? v : undefined;
    };
    return chineseTitle({
      title: String(value),
      materials: text(materials, row),
      category: text(category, category?.startsWith('@') ? data : row),
    });
  }
  if ('match' in step) {
    const map = mapping.maps[step.match];
    if (!map || !('rules' in map)) throw new Error(`map ${step.match} must have "rules"`);
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    return matchRules(map.rules, text, step.all ?? false, step.match);
  }
  switch (step.parse) {
    case 'year-range':
      return parseYearRange(value);
    case 'dimensions':
      return parseDimensions(value);
    case 'provinces':
      return parseProvinces(value);
    case 'divisions':
      return knownDivisions(value);
    case 'name-en': {
      const map = step.glossary ? mapping.maps[step.glossary] : undefined;
      return nameToEnglish(value, map && 'values' in map ? map.values : {});
    }
  }
}

function evaluate(spec: FieldSpec, mapping: Mapping, row: Row, data: Data): unknown {
  const column = spec.column ?? '';
  let value: unknown =
    spec.template !== undefined
      ? renderTemplate(spec.template, row, data)
      : column.startsWith('@')
        ? valueAtPath(data, column.slice(1))
        : valueAtPath(row, column);
  for (const step of spec.steps ?? []) value = applyStep(value, step, mapping, data, row);
  if (isEmpty(value) && spec.fallback) value = evaluate(spec.fallback, mapping, row, data);
  if (isEmpty(value) && spec.required) {
    const reason = renderTemplate(spec.required, row, data);
    if (reason !== undefined) throw new RejectError(reason);
    const source = spec.column ?? spec.template ?? '';
    throw new RejectError(
      `the row has no value for ${source.includes('{') ? source : `"${source}"`} / 源数据缺少该项`,
    );
  }
  return value;
}

function fillConstants(value: unknown, row: Row, data: Data): unknown {
  if (typeof value === 'string' && /\{[^{}]+\}/.test(value))
    return renderTemplate(value, row, data);
  if (Array.isArray(value))
    return value.map((v) => fillConstants(v, row, data)).filter((v) => v !== undefined);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, fillConstants(v, row, data)])
        .filter(([, v]) => v !== undefined),
    );
  }
  return value;
}

export interface BuiltRecord {
  /** Frontmatter fields from the mapping (without id, dates and `imported`). */
  data: Data;
  /** Markdown body. */
  body: string;
  /** The working values (fields starting with `_`), which are not written. */
  working: Data;
}

/** Builds a record from a row; throws `FieldRejection` when the row cannot be mapped. */
export function buildRecord(mapping: Mapping, row: Row): BuiltRecord {
  const data: Data = {};
  for (const [path, value] of Object.entries(mapping.constants)) {
    const filled = fillConstants(value, row, data);
    if (!isEmpty(filled)) setPath(data, path, filled);
  }
  for (const [path, spec] of Object.entries(mapping.fields)) {
    try {
      const value = evaluate(spec, mapping, row, data);
      if (!isEmpty(value)) setPath(data, path, value);
    } catch (error) {
      if (error instanceof SkipError) throw new FieldSkip(path, error.message);
      if (error instanceof RejectError) throw new FieldRejection(path, error.message);
      throw error;
    }
  }
  // constants may name computed fields ({@…}): fill them again now that every field is known
  for (const [path, value] of Object.entries(mapping.constants)) {
    const filled = fillConstants(value, row, data);
    if (!isEmpty(filled)) setPath(data, path, filled);
  }
  // source values are untrusted: in the body they become Markdown text, never markup
  const section = (lang: 'zh' | 'en') =>
    mapping.body[lang]
      .map((line) => renderTemplate(line, row, data, escapeMarkdownText))
      .filter((line): line is string => line !== undefined)
      .join('\n\n');
  const body = `<div lang="zh-Hans">\n\n${section('zh')}\n\n</div>\n\n<div lang="en">\n\n${section('en')}\n\n</div>\n`;
  // fields whose name starts with _ are working values for templates, not record fields
  const working: Data = {};
  for (const key of Object.keys(data)) {
    if (!key.startsWith('_')) continue;
    working[key] = data[key];
    delete data[key];
  }
  return { data, body, working };
}
