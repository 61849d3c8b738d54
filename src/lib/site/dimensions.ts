/** A work's measurements as one line of text, in the page's language. Pure. */
import type { Work } from '../../schemas/work.ts';
import type { Lang } from './i18n.ts';

type Dimensions = NonNullable<Work['dimensions']>;

interface Measure {
  key: Exclude<keyof Dimensions, 'note'>;
  zh: string;
  en: string;
  unit: 'cm' | 'g';
}

/** Each measurement with its label in both languages and its unit, in the order shown. */
const MEASURES: readonly Measure[] = [
  { key: 'height', zh: '高', en: 'H.', unit: 'cm' },
  { key: 'width', zh: '宽', en: 'W.', unit: 'cm' },
  { key: 'depth', zh: '深', en: 'D.', unit: 'cm' },
  { key: 'diameter', zh: '径', en: 'Diam.', unit: 'cm' },
  { key: 'length', zh: '长', en: 'L.', unit: 'cm' },
  { key: 'weight', zh: '重', en: 'Wt.', unit: 'g' },
];

/** `高 32 cm，径 20 cm` / `H. 32 cm, Diam. 20 cm`; empty when no measurement is a number. */
export function dimensionText(dims: Work['dimensions'], lang: Lang): string {
  if (!dims) return '';
  return MEASURES.flatMap((m) => {
    const value = dims[m.key];
    return value === undefined ? [] : [`${m[lang]} ${value} ${m.unit}`];
  }).join(lang === 'zh' ? '，' : ', ');
}
