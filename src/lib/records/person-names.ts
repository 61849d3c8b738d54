/**
 * People's names in pinyin, read the way names are read: a surname keeps its surname reading
 * (单 Shan, 曾 Zeng, 解 Xie, 仇 Qiu, 区 Ou, 朴 Piao, 查 Zha, 盖 Ge, 尉迟 Yuchi — pinyin-pro's
 * `surname` mode) and is written apart from the given name (Huo Qingshun). Names of peoples that
 * do not use Chinese surnames (Tibetan, Uyghur, Kazakh, Mongol …) are transcriptions: they are
 * written as words without a surname split, and a `·` separates words as in the list. Build-time
 * and import-time only (pinyin-pro's dictionary is large). Pure.
 */
import { pinyin } from 'pinyin-pro';

/** A name as the English pages and the record's `name.pinyin` write it. */
export interface RomanisedName {
  /** Plain letters, as in English texts: `Huo Qingshun`. */
  en: string;
  /** With tone marks: `Huò Qìngshùn`. */
  pinyin: string;
}

/**
 * Ethnic groups (vocabulary keys, ethnic-groups.json) whose names are not "surname + given name":
 * transcriptions of Tibetan, Turkic, Mongolic and other names.
 */
const WITHOUT_SURNAME = new Set([
  'zang',
  'uygur',
  'kazak',
  'kirgiz',
  'mongol',
  'tajik',
  'uzbek',
  'tatar',
  'monba',
  'lhoba',
  'tu',
]);

/**
 * The most common Chinese surnames: in the groups above, a three-character name that starts with
 * one of these is a Chinese-style name (杨华珍 Yang Huazhen), not a transcription.
 */
const COMMON_SURNAMES = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗']);

/** Two-character surnames (复姓): written as one word, Ouyang Xiu. */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '尉迟',
  '万俟',
  '长孙',
  '慕容',
  '夏侯',
  '东方',
  '皇甫',
  '令狐',
  '宇文',
  '公孙',
  '端木',
  '澹台',
  '司徒',
  '司空',
  '呼延',
  '独孤',
  '轩辕',
  '西门',
  '南宫',
  '闻人',
  '申屠',
  '太史',
  '钟离',
];

/** A listed name and the other forms the list gives in brackets: 叶保芬（叶宝芬）. */
export function splitListedName(listed: string): { name: string; other: string[] } {
  const trimmed = listed.trim();
  const other: string[] = [];
  const name = trimmed
    .replace(/[（(]([^（()）]+)[)）]/g, (_, inner: string) => {
      other.push(...inner.split(/[、,，]/).map((s) => s.trim()));
      return '';
    })
    .trim();
  return { name: name || trimmed, other: other.filter(Boolean) };
}

/**
 * Readings of characters used to transcribe names, where the everyday reading differs: 藏 in
 * 罗藏 (Lobsang) is zàng, never cáng; 都 in 阿不都 (Abdu…) is dū, not dōu.
 */
const TRANSCRIPTION_READINGS: Record<string, [string, string]> = {
  藏: ['zàng', 'zang'],
  都: ['dū', 'du'],
};

/** Syllables of `text`, with or without surname readings, tone marks or plain. */
function syllables(text: string, tones: boolean, surname: boolean): string[] {
  const chars = [...text];
  return pinyin(text, {
    type: 'array',
    toneType: tones ? 'symbol' : 'none',
    surname: surname ? 'head' : 'off',
  }).map((s, i) => {
    // a surname keeps its own reading (都 as a surname is Dū as well)
    const reading = TRANSCRIPTION_READINGS[chars[i] ?? ''];
    return reading && !(surname && i === 0) ? reading[tones ? 0 : 1] : s.toLowerCase();
  });
}

const BARE = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** Syllables as one word: apostrophe before a syllable starting with a, o or e (Jian'an). */
function word(parts: string[]): string {
  const joined = parts.map((s, i) => (i > 0 && /^[aoe]/.test(BARE(s)) ? `'${s}` : s)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** How the characters of a name group into words: [2, 2] for 罗藏 旦巴, [1, 2] for 霍 庆顺. */
function wordLengths(name: string, ethnicGroup: string | undefined): number[] {
  const n = [...name].length;
  const compound = COMPOUND_SURNAMES.some((s) => name.startsWith(s) && n > s.length);
  if (ethnicGroup && WITHOUT_SURNAME.has(ethnicGroup)) {
    const chineseStyle = n === 3 && COMMON_SURNAMES.has([...name][0] ?? '');
    if (!chineseStyle) return n === 4 ? [2, 2] : [n];
  }
  if (compound) return [2, n - 2];
  if (n <= 1) return [n];
  if (n <= 3) return [1, n - 1];
  // four characters without a compound surname: a Yi clan name and given name (吉伍 巫且), or
  // surname and a three-character given name (马 尕主麻)
  if (n === 4) return ethnicGroup === 'yi' ? [2, 2] : [1, 3];
  return [n];
}

/** Whether the first word of a name of this shape is a surname. */
function hasSurname(name: string, ethnicGroup: string | undefined): boolean {
  const lengths = wordLengths(name, ethnicGroup);
  return lengths.length === 2 && !(ethnicGroup === 'yi' && [...name].length === 4);
}

function romaniseRun(
  name: string,
  ethnicGroup: string | undefined,
  transcribed: boolean,
): RomanisedName {
  const chars = [...name];
  const surname = !transcribed && hasSurname(name, ethnicGroup);
  const lengths = transcribed ? [chars.length] : wordLengths(name, ethnicGroup);
  const toned = syllables(name, true, surname);
  const plain = syllables(name, false, surname);
  const words = (list: string[]) => {
    const out: string[] = [];
    let at = 0;
    for (const length of lengths) {
      out.push(word(list.slice(at, at + length)));
      at += length;
    }
    return out.join(' ');
  };
  return { en: words(plain), pinyin: words(toned) };
}

/**
 * The pinyin of a person's Chinese name: surname readings and a surname split for Chinese-style
 * names; words without a surname for transcribed names (any name with `·`, and names of the
 * peoples in `WITHOUT_SURNAME`). `ethnicGroup` is a key of ethnic-groups.json.
 */
export function romaniseName(zh: string, ethnicGroup?: string): RomanisedName {
  const name = splitListedName(zh).name;
  if (/[·•・]/.test(name)) {
    const parts = name
      .split(/[·•・]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((part) => romaniseRun(part, ethnicGroup, true));
    return {
      en: parts.map((p) => p.en).join(' '),
      pinyin: parts.map((p) => p.pinyin).join(' '),
    };
  }
  return romaniseRun(name, ethnicGroup, false);
}

/**
 * Plain syllables of a name read as a name (surname readings where the name has a surname), for
 * search: `单田芳` → `shan tian fang`, never `dan`.
 */
export function nameSyllables(zh: string, ethnicGroup?: string): string[] {
  const name = splitListedName(zh).name.replace(/[·•・\s]/g, '');
  const surname = !/[·•・]/.test(zh) && hasSurname(name, ethnicGroup);
  // ü as v, as it is typed on a keyboard (lv, nv), like the other search forms
  return syllables(name, false, surname).map((s) => s.replace(/ü/g, 'v'));
}
