/**
 * Chinese as readers type it. Meilisearch segments Chinese but does not match pinyin, and
 * traditional-script queries find simplified text poorly. So each search document also carries
 * the pinyin (spaced, joined, two- and three-syllable words) and initials of its Chinese names,
 * and the traditional-script forms of its Chinese text; these functions make them.
 * Pure.
 */
import { Converter } from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { nameSyllables } from '../records/person-names.ts';
import { unique } from './lists.ts';

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const HAS_HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Whether `text` holds any Chinese character. */
export function hasHan(text: string): boolean {
  return HAS_HAN.test(text);
}

let toTw: ((text: string) => string) | undefined;
let toHk: ((text: string) => string) | undefined;

/** Traditional-script forms of `text` (Taiwan and Hong Kong standards), without repeats. */
export function traditionalForms(text: string): string[] {
  if (!hasHan(text)) return [];
  // Built on first use: the converters' dictionaries are large.
  toTw ??= Converter({ from: 'cn', to: 'tw' });
  toHk ??= Converter({ from: 'cn', to: 'hk' });
  return unique([toTw(text), toHk(text)].filter((form) => form !== text));
}

export interface PinyinForms {
  /** `guang cai ren wu` */
  spaced: string;
  /** `guangcairenwu` (one per run of Chinese characters) */
  joined: string[];
  /** `guangcai cairen renwu guangcairen cairenwu` */
  words: string;
  /** `gcrw` (one per run) */
  initials: string[];
}

/** Plain syllables of a run of Chinese characters, `v` for ü. */
type Syllables = (run: string) => string[];

// `v: true` writes ü as v (lv, nv), which is how it is typed on a keyboard.
const plainSyllables: Syllables = (run) =>
  pinyin(run, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());

/**
 * Pinyin of the Chinese characters in `text` (other characters are ignored). `syllables` reads
 * each run; a person's name is read with surname readings (`nameSyllables`: 单 shan, not dan).
 */
export function pinyinForms(
  text: string,
  syllablesOf: Syllables = plainSyllables,
): PinyinForms | undefined {
  const runs = text.match(HAN);
  if (!runs) return undefined;
  const spaced: string[] = [];
  const joined: string[] = [];
  const words: string[] = [];
  const initials: string[] = [];
  for (const run of runs) {
    const syllables = syllablesOf(run);
    spaced.push(syllables.join(' '));
    joined.push(syllables.join(''));
    initials.push(syllables.map((s) => s[0] ?? '').join(''));
    for (const size of [2, 3]) {
      if (syllables.length <= size) continue;
      for (let i = 0; i + size <= syllables.length; i++) {
        words.push(syllables.slice(i, i + size).join(''));
      }
    }
  }
  return { spaced: spaced.join(' '), joined, words: words.join(' '), initials };
}

/** A pinyin name as typed: tone marks removed, lower case, spaced and joined (`Chén Càihuá`). */
export function typedPinyin(given: string): string[] {
  const plain = given.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return [plain, plain.replace(/[\s'-]+/g, '')];
}

/**
 * The pinyin and initials of Chinese names, and of a name's own pinyin when it has one. Names of
 * people (`person`) are read as names: surname readings, so 单田芳 gives `shan tian fang` and
 * `stf`, never `dan`.
 */
export function namePinyin(
  zhNames: readonly string[],
  given?: string,
  person = false,
): { pinyin: string[]; initials: string[] } {
  const pinyin: string[] = [];
  const initials: string[] = [];
  for (const name of zhNames) {
    const forms = pinyinForms(name, person ? (run) => nameSyllables(run) : plainSyllables);
    if (!forms) continue;
    pinyin.push(forms.spaced, ...forms.joined);
    if (forms.words) pinyin.push(forms.words);
    initials.push(...forms.initials);
  }
  if (given) pinyin.push(...typedPinyin(given));
  return { pinyin: unique(pinyin), initials: unique(initials) };
}
