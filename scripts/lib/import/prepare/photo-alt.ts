/**
 * Text alternatives for photographs of objects, in both languages, from what the record knows:
 * the kind of object (from the end of its Chinese name), what it is made of, its decoration (the
 * English title's "with …" phrase), its period, whether the photo is a detail, and where it was
 * taken. Where little is known the text stays generic rather than guessing.
 */
import type { Localized } from '../../../../src/lib/site/i18n.ts';
import { termLabel } from '../../../../src/lib/records/vocabularies.ts';

/** Chinese object word (the end of a name such as 青花云龙纹尊) → English noun. */
export type FormGlossary = Record<string, string>;

/** A text in both languages, both given. */
interface Both {
  zh: string;
  en: string;
}

export interface PhotoFacts {
  title: Both;
  /** Keys of `materials.json`. */
  materials: string[];
  /** Key of `craft-categories.json`. */
  category: string | undefined;
  /** Key of `periods.json`. */
  period: string | undefined;
  /** Holding institution, when the captions agree on one. */
  institution?: Both | undefined;
  /** The whole object, a detail of it, or another view of it. */
  view: 'whole' | 'detail' | 'other';
  reproduction: boolean;
}

/** What to call an object of a category when its name ends in no known form. */
const CATEGORY_NOUN: Record<string, Both> = {
  ceramics: { zh: '陶瓷器', en: 'ceramic object' },
  textiles: { zh: '织物', en: 'textile' },
  embroidery: { zh: '刺绣品', en: 'embroidered textile' },
  carving: { zh: '雕刻品', en: 'carving' },
  lacquer: { zh: '漆器', en: 'lacquer object' },
  metal: { zh: '金属器', en: 'metal object' },
  furniture: { zh: '家具', en: 'piece of furniture' },
  stationery: { zh: '文房用品', en: "scholar's implement" },
  sculpture: { zh: '塑像', en: 'figure' },
  glass: { zh: '玻璃器', en: 'glass object' },
};

/** The form word at the end of a Chinese name (longest first): 三足炉 → 炉, 鼻烟壶 → 鼻烟壶. */
export function formOf(
  zhTitle: string,
  forms: FormGlossary,
): { zh: string; en: string } | undefined {
  const name = zhTitle.replace(/[（(][^）)]*[）)]\s*$/, '').trim();
  const word = Object.keys(forms)
    .sort((a, b) => b.length - a.length)
    .find((w) => name.endsWith(w));
  return word ? { zh: word, en: forms[word] ?? word } : undefined;
}

/** The English title's decoration phrase: "Doucai censer with eight trigrams design" → "eight trigrams design". */
export function decorationOf(enTitle: string): string | undefined {
  const m = /\bwith\s+(.+)$/i.exec(enTitle.replace(/\s*\([^)]*\)\s*/g, ' ').trim());
  return m?.[1]?.trim().replace(/\s+/g, ' ') || undefined;
}

const VIEW_ZH = { whole: '照片', detail: '局部照片', other: '另一角度的照片' } as const;
const VIEW_EN = {
  whole: 'Photograph',
  detail: 'Close-up photograph',
  other: 'Another photograph',
} as const;

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? 'an' : 'a');

function list(items: string[], lang: 'zh' | 'en'): string {
  if (lang === 'zh') return items.join('、');
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** 明 → 明代, 西周 → 西周时期, 新石器时代 stays. */
function periodZh(key: string): string {
  const label = termLabel('periods', key, 'zh');
  if (/代$/.test(label)) return label;
  return label.length === 1 ? `${label}代` : `${label}时期`;
}

function periodEn(key: string): string {
  const label = termLabel('periods', key, 'en');
  return /dynasty|period|neolithic|contemporary|republic/i.test(label) ? label : `${label} period`;
}

/** The alt text of one photograph of an object, in both languages. */
export function photoAlt(facts: PhotoFacts, forms: FormGlossary): Localized {
  const form = formOf(facts.title.zh, forms);
  const noun = form ?? (facts.category ? CATEGORY_NOUN[facts.category] : undefined);
  const mats = {
    zh: facts.materials.map((m) => termLabel('materials', m, 'zh')),
    en: facts.materials.map((m) => termLabel('materials', m, 'en').toLowerCase()),
  };
  const decoration = decorationOf(facts.title.en);

  const zhParts = [
    `${VIEW_ZH[facts.view]}：${facts.period ? periodZh(facts.period) : ''}的${facts.title.zh}`,
    noun && form === undefined ? `，是一件${noun.zh}` : '',
    mats.zh.length > 0 ? `，材质为${list(mats.zh, 'zh')}` : '',
    facts.reproduction ? '，为现代复制品' : '',
    '。',
    facts.institution ? `摄于${facts.institution.zh}展厅。` : '摄于博物馆展厅。',
  ];

  const thing = noun ? `${article(noun.en)} ${noun.en}` : 'an object';
  const enParts = [
    `${VIEW_EN[facts.view]} of ${thing}`,
    mats.en.length > 0 ? ` in ${list(mats.en, 'en')}` : '',
    decoration ? ` with ${decoration}` : '',
    facts.period ? `, ${periodEn(facts.period)}` : '',
    facts.reproduction ? ' (a modern reproduction)' : '',
    `, titled “${facts.title.en}” in the caption.`,
    facts.institution
      ? ` Taken in the galleries of the ${facts.institution.en}.`
      : ' Taken in a museum gallery.',
  ];
  return { zh: zhParts.join('').replace(/：的/, '：'), en: enParts.join('').replace(/\s+/g, ' ') };
}
