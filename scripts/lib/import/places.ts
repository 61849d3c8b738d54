/**
 * Places as the national list writes them — `广东省潮州市枫溪区`, `山西省长治市群众艺术馆`,
 * `故宫博物院` — read into a GB/T 2260 region: the most specific division the text or the
 * county code names, with the listed division names in Chinese and a working English form
 * (`Fengxi, Chaozhou, Guangdong`). Codes of divisions abolished since the listing (安塞县) fall
 * back to the nearest division that still exists; units that are not places give no region.
 */
import { pinyin } from 'pinyin-pro';
import { divisionsNamed, findDivision, provinces } from '../../../src/lib/records/regions.ts';
import { vocabularies } from '../../../src/lib/records/vocabularies.ts';
import type { RegionValue } from './transforms.ts';

/** A division name ends in one of these (longest first). */
const DIVISION = /^(.+?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|林区|省|市|盟|县|区|旗))/u;

/** The division names a listed place starts with: 广东省潮州市枫溪区 → 广东省, 潮州市, 枫溪区. */
export function divisionNames(text: string): string[] {
  const names: string[] = [];
  let rest = text.trim();
  for (let m = DIVISION.exec(rest); m?.[1]; m = DIVISION.exec(rest)) {
    names.push(m[1]);
    rest = rest.slice(m[1].length);
  }
  return names;
}

const SUFFIXES = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '地区',
  '林区',
  '省',
  '市',
  '盟',
  '县',
  '区',
  '旗',
];
// Peoples named in autonomous divisions, with and without 族 (循化撒拉族自治县, 察布查尔锡伯自治县)
const PEOPLES = vocabularies.ethnicGroups
  .flatMap((g) => [g.zh, g.zh.replace(/族$/, '')])
  .filter((name) => name.length > 1)
  .sort((a, b) => b.length - a.length);

/** The name without its administrative suffix and the peoples of an autonomous division. */
function bareName(name: string): string {
  const suffix = SUFFIXES.find((s) => name.endsWith(s) && name.length > s.length);
  let bare = suffix ? name.slice(0, -suffix.length) : name;
  if (suffix?.startsWith('自治')) {
    for (
      let people = PEOPLES.find((p) => bare.endsWith(p));
      people && bare.length > people.length;
      people = PEOPLES.find((p) => bare.endsWith(p))
    )
      bare = bare.slice(0, -people.length);
  }
  return bare;
}

/** A division name in pinyin as one word: 潮州市 → Chaozhou. */
export function placeNameEn(name: string): string {
  const word = pinyin(bareName(name), { toneType: 'none', type: 'array', v: false }).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The region of a listed place: `text` as listed, `provinceName` the list's province column,
 * `countyCode` its GB/T 2260 code where it gives one. Undefined for units that name no province
 * (故宫博物院 under 中直单位).
 */
export function placeOfListing(
  text: string,
  provinceName: string | undefined,
  countyCode?: string,
): RegionValue | undefined {
  const names = divisionNames(text);
  const province = provinces.find(
    (p) => p.zh === names[0] || (provinceName !== undefined && p.zh === provinceName.trim()),
  );
  if (!province) return undefined;
  const below = names[0] === province.zh ? names.slice(1) : [];
  let code = province.code;
  for (const name of below) {
    const found = divisionsNamed(name, province.code).find((d) =>
      d.code.startsWith(code.replace(/0+$/, '')),
    );
    if (!found) break;
    code = found.code;
  }
  // The list's county code is more exact than names, when it is a code that still exists; an
  // abolished one still tells its city.
  const fromCode = countyCode
    ? [countyCode, `${countyCode.slice(0, 4)}00`].find(
        (c) => findDivision(c)?.province === province.code,
      )
    : undefined;
  if (fromCode && fromCode.replace(/0+$/, '').length > code.replace(/0+$/, '').length)
    code = fromCode;
  const shown = [province.zh, ...below].join('');
  const en = [...below].reverse().map(placeNameEn);
  return { code, place: { zh: shown, en: [...en, province.en].join(', ') } };
}
