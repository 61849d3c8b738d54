/**
 * URL-safe folder names for records: lower-case ASCII letters, digits and hyphens. Chinese is
 * written in toneless pinyin (广彩人物纹大碗 → guang-cai-ren-wu-wen-da-wan), accents are
 * removed, anything else becomes a hyphen.
 */
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
export const MAX_SLUG = 60;

/** Toneless pinyin syllables of the Han characters in `text`, other text kept as it is. */
function romanise(text: string): string {
  if (!HAN.test(text)) return text;
  const parts = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  return parts.join(' ');
}

/** A folder name for `text`; empty when nothing usable is left. */
export function slugify(text: string, max = MAX_SLUG): string {
  const ascii = romanise(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= max) return ascii;
  const cut = ascii.slice(0, max);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/**
 * `base`, or `base-2`, `base-3` … — the first name not in `taken`. Names are compared with and
 * without a draft's leading `_`, so a draft and a published record never share a name.
 */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  const used = (name: string) => taken.has(name) || taken.has(`_${name}`);
  if (!used(base)) return base;
  for (let n = 2; ; n++) if (!used(`${base}-${n}`)) return `${base}-${n}`;
}
