/**
 * Preparer for the manifest of Alex Amies's in-gallery photographs from chinesenotes.com
 * (`import-mappings/chinesenotes-photos.json`). Per object it:
 *
 * - joins the photos of one object (the same caption, or an uncaptioned detail shot named after
 *   the main photo or bearing its titles) into one row with several images;
 * - reads the bilingual caption (`splitCaption`): titles, date, find-spot, institution, kiln or
 *   place, and whether the object is a modern reproduction;
 * - cross-checks the date (`dateDisagreements`: reign against dynasty and years, Chinese caption
 *   against English) and the institution, place and material words of the two captions; every
 *   disagreement becomes a `review` note, and a disputed institution or place is left out;
 * - takes category, materials and techniques from the mapping's rules (the names first, the
 *   caption page's topic only when the names say nothing), and writes the alt text.
 *
 * The caption is the photographer's, not a museum catalogue: nothing is added that it does not
 * say, and a photo without a date is left for the mapping to reject.
 */
import { basename } from 'node:path';
import { z } from 'astro/zod';
import {
  dateDisagreements,
  periodOf,
  readDate,
  type DateReading,
  type ReviewNote,
  type YearSpan,
} from '../../../../src/lib/site/chronology.ts';
import type { Localized } from '../../../../src/lib/site/i18n.ts';
import { formatYearRange } from '../../../../src/lib/site/ui.ts';
import { termLabel } from '../../../../src/lib/records/vocabularies.ts';
import { matchRules } from '../build.ts';
import {
  ceYearsUngrouped,
  enYears,
  splitCaption,
  zhYears,
  type Caption,
  type Gazetteer,
} from '../captions.ts';
import type { Mapping, Rule } from '../mapping.ts';
import type { SourceRow } from '../source.ts';
import { JOINED, REJECTED, type PrepareContext } from './rows.ts';
import { photoAlt, type FormGlossary } from './photo-alt.ts';

/** One photo in the manifest (the fields this preparer reads). */
const photoItem = z.object({
  file: z.string(),
  source_repo: z.string(),
  source_commit: z.string(),
  license: z.string(),
  title_zh: z.string().nullable(),
  title_en: z.string().nullable(),
  caption_source: z.string().nullable(),
  caption_raw: z.string().nullable(),
  sha256: z.string(),
  notes: z.array(z.string()).default([]),
});
type PhotoItem = z.infer<typeof photoItem>;

const options = z.object({
  name: z.literal('chinesenotes-photos'),
  /** Licence label the manifest must give for every photo (anything else is rejected). */
  license: z.string(),
  /** Rights of every image, as the record states them. */
  imageRights: z.object({ license: z.string(), holder: z.string(), credit: z.string() }),
});

/** Strips zero-width characters and doubled spaces that the source pages carry. */
const clean = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const stemOf = (file: string) => file.replace(/\.[a-z]+$/i, '').replace(/\d+$/, '');

/**
 * Which photos show one object: photos with the same caption, and an uncaptioned detail shot
 * (`…_detail…` in its name) whose name without `_detail`, or whose titles, match exactly one
 * captioned photo. Returns groups of indexes, the main photo first, in manifest order.
 */
export function groupPhotos(
  items: readonly Pick<PhotoItem, 'file' | 'title_zh' | 'title_en' | 'caption_raw'>[],
): number[][] {
  const groupOf = new Map<number, number[]>();
  const groups: number[][] = [];
  const join = (i: number, main: number) => {
    const group = groupOf.get(main);
    if (!group) return false;
    group.push(i);
    groupOf.set(i, group);
    return true;
  };
  const byCaption = new Map<string, number>();
  items.forEach((item, i) => {
    const caption = clean(item.caption_raw);
    if (caption && byCaption.has(caption) && join(i, byCaption.get(caption)!)) return;
    if (!caption && /_detail/i.test(item.file)) {
      const stem = stemOf(item.file.replace(/_detail/i, ''));
      const captioned = (j: number) => j !== i && clean(items[j]?.caption_raw) !== '';
      const byName = items.flatMap((o, j) => (captioned(j) && stemOf(o.file) === stem ? [j] : []));
      const byTitle = items.flatMap((o, j) =>
        captioned(j) && o.title_zh === item.title_zh && o.title_en === item.title_en ? [j] : [],
      );
      const main = byName.length === 1 ? byName[0] : byTitle.length === 1 ? byTitle[0] : undefined;
      if (main !== undefined && main < i && join(i, main)) return;
    }
    const group = [i];
    groups.push(group);
    groupOf.set(i, group);
    if (caption && !byCaption.has(caption)) byCaption.set(caption, i);
  });
  return groups;
}

function valuesMap<T>(mapping: Mapping, name: string): Gazetteer<T> {
  const map = mapping.maps[name];
  return (map && 'values' in map ? map.values : {}) as Gazetteer<T>;
}

function rulesMap(mapping: Mapping, name: string): Rule[] {
  const map = mapping.maps[name];
  return map && 'rules' in map ? map.rules : [];
}

const asList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);

interface Named {
  zh: string;
  en: string;
  region?: { code: string; place: Localized };
}

/** The one thing both captions name (institution, place), or a review note when they differ. */
function agreed(
  caption: Caption,
  kind: string,
  gazetteer: Gazetteer<Named>,
  field: string,
  what: Localized,
): { value?: Named; note?: ReviewNote } {
  const zh = caption.zh.named[kind]?.map((a) => gazetteer[a]).filter((v): v is Named => !!v);
  const en = caption.en.named[kind]?.map((a) => gazetteer[a]).filter((v): v is Named => !!v);
  const a = zh?.[0];
  const b = en?.[0];
  if (a && b && a.en !== b.en) {
    return {
      note: {
        field,
        note: {
          zh: `中文图注的${what.zh}为“${a.zh}”，英文图注为“${b.en}”（${b.zh}）`,
          en: `The Chinese caption gives the ${what.en} as ${a.zh} (${a.en}), the English caption as ${b.en}`,
        },
      },
    };
  }
  const value = a ?? b;
  return value ? { value } : {};
}

/** Materials named in a text by the mapping's rules. */
function materialsIn(text: string, rules: Rule[]): string[] {
  return text.trim() ? asList(matchRules(rules, text, true, 'materials')) : [];
}

function materialNotes(
  zh: string[],
  en: string[],
  conflicts: Gazetteer<string[]>,
  titles: Localized,
): { materials: string[]; notes: ReviewNote[] } {
  const clashes = zh.flatMap((m) =>
    (conflicts[m] ?? []).filter((o) => en.includes(o)).map((o) => [m, o] as const),
  );
  const materials = [...new Set([...zh, ...en.filter((m) => !clashes.some(([, o]) => o === m))])];
  const notes = clashes.map(([m, o]) => ({
    field: 'materials',
    note: {
      zh: `中文名称“${titles.zh}”指${termLabel('materials', m, 'zh')}，英文名称“${titles.en}”指${termLabel('materials', o, 'zh')}（${termLabel('materials', o, 'en').toLowerCase()}）`,
      en: `The Chinese name ${titles.zh} says ${termLabel('materials', m, 'en').toLowerCase()} (${termLabel('materials', m, 'zh')}), the English title “${titles.en}” says ${termLabel('materials', o, 'en').toLowerCase()}`,
    },
  }));
  return { materials, notes };
}

/** Drops a generic material ("fabric") when a specific one it stands for ("silk") is named. */
function withoutGeneric(materials: string[], generic: Gazetteer<string[]>): string[] {
  return materials.filter(
    (m) => !(generic[m] ?? []).some((specific) => materials.includes(specific)),
  );
}

/** The years of the record: the Chinese caption's, else the English, else the reign's or dynasty's. */
function yearsOf(readings: (DateReading | undefined)[]): YearSpan | undefined {
  for (const r of readings) if (r?.years) return r.years;
  for (const r of readings) {
    const reign = r?.reigns[0];
    if (reign) return { start: reign.start, end: reign.end, precision: 'year' };
  }
  for (const r of readings) {
    const first = r?.dynasties[0]?.[0];
    if (first) return { start: first.start, end: first.end, precision: 'year' };
  }
  return undefined;
}

const VIEW_CAPTION = {
  whole: { zh: '展厅实拍', en: 'In-gallery photograph' },
  detail: { zh: '展厅实拍（局部）', en: 'In-gallery photograph (detail)' },
  other: { zh: '展厅实拍（另一角度）', en: 'In-gallery photograph (another view)' },
} as const;

const yearsText = (y: YearSpan, lang: 'zh' | 'en') => formatYearRange(y.start, y.end, lang);

function prepareGroup(
  group: PhotoItem[],
  rowNumbers: number[],
  context: PrepareContext,
  opts: z.infer<typeof options>,
): Record<string, unknown> {
  const { mapping } = context;
  const main = group[0]!;
  const gazetteers = {
    institutions: valuesMap<Named>(mapping, 'institutions'),
    kilns: valuesMap<Named>(mapping, 'kilns'),
    places: valuesMap<Named>(mapping, 'places'),
  };
  const caption = splitCaption(clean(main.caption_raw), gazetteers);
  const reproduction =
    caption.zh.reproduction ||
    caption.en.reproduction ||
    main.notes.some((n) => /reproduction|复制/i.test(n));

  // the fuller Chinese name when a caption part extends the title (梅瓶 → 缸瓦窑白釉剔花填黑梅瓶)
  const zhTitle = clean(
    [caption.zh.title, ...caption.zh.descriptions]
      .filter((t): t is string => !!t && !!caption.zh.title && t.includes(caption.zh.title))
      .sort((a, b) => b.length - a.length)[0] ?? main.title_zh,
  );
  const enRaw = clean(caption.en.title ?? main.title_en);
  const enTitle = enRaw.charAt(0).toUpperCase() + enRaw.slice(1);
  const titles = { zh: zhTitle, en: enTitle };

  const zhDate = clean(caption.zh.date) || undefined;
  const enDate = ceYearsUngrouped(clean(caption.en.date)) || undefined;
  const zhReading = zhDate ? readDate(zhDate, 'zh', zhYears(zhDate)) : undefined;
  const enReading = enDate ? readDate(enDate, 'en', enYears(enDate)) : undefined;
  const review: ReviewNote[] = dateDisagreements({ zh: zhReading, en: enReading });
  const period = periodOf([zhReading, enReading]);
  const years = yearsOf([zhReading, enReading]);

  const holding = agreed(caption, 'institutions', gazetteers.institutions, 'holding', {
    zh: '收藏机构',
    en: 'holding institution',
  });
  const kiln = agreed(caption, 'kilns', gazetteers.kilns, 'region', { zh: '窑口', en: 'kiln' });
  const place = agreed(caption, 'places', gazetteers.places, 'region', { zh: '地点', en: 'place' });
  for (const found of [holding, kiln, place]) if (found.note) review.push(found.note);
  const region = (kiln.value ?? place.value)?.region;

  const zhText = [zhTitle, ...caption.zh.descriptions, ...(caption.zh.named['kilns'] ?? [])].join(
    ' | ',
  );
  const enText = [enTitle, ...caption.en.descriptions, ...(caption.en.named['kilns'] ?? [])].join(
    ' | ',
  );
  const page = main.caption_source ?? '';
  const materialRules = rulesMap(mapping, 'materials');
  const named = materialNotes(
    materialsIn(zhText, materialRules),
    materialsIn(enText, materialRules),
    valuesMap<string[]>(mapping, 'materialConflicts'),
    titles,
  );
  review.push(...named.notes);
  const materials = withoutGeneric(
    named.materials.length > 0 ? named.materials : materialsIn(page, materialRules),
    valuesMap<string[]>(mapping, 'materialsGeneric'),
  );
  const categoryRules = rulesMap(mapping, 'categories');
  const category = [zhText, enText, page]
    .map((text) =>
      text
        ? (matchRules(categoryRules, text, false, 'categories') as string | undefined)
        : undefined,
    )
    .find((c) => c !== undefined);
  const techniques = asList(
    matchRules(
      rulesMap(mapping, 'techniques'),
      [period ?? '', zhText, enText, page].join(' | '),
      true,
      'techniques',
    ),
  );

  const forms = valuesMap<string>(mapping, 'forms') as FormGlossary;
  const institution = holding.value ? { zh: holding.value.zh, en: holding.value.en } : undefined;
  const images = group.map((photo, i) => {
    // a joined photo without its own caption is a detail; with the same caption, another view
    const view = i === 0 ? 'whole' : clean(photo.caption_raw) === '' ? 'detail' : 'other';
    return {
      file: photo.file,
      alt: photoAlt(
        { title: titles, materials, category, period, institution, view, reproduction },
        forms,
      ),
      caption: VIEW_CAPTION[view],
      rights: { ...opts.imageRights },
    };
  });
  const wrongLicense = group.findIndex((p) => p.license !== opts.license);
  const repoUrl = (path: string) =>
    `https://github.com/${main.source_repo}/blob/${main.source_commit}/${path}`;

  return {
    key: main.file,
    files: group.map((p) => p.file).join(', '),
    title_zh: reproduction ? `${zhTitle}（复制品）` : zhTitle,
    title_en: reproduction ? `${enTitle} (modern reproduction)` : enTitle,
    caption_title_zh: zhTitle,
    caption_title_en: enTitle,
    reproduction: reproduction || undefined,
    period,
    date: years && {
      start: years.start,
      end: years.end,
      display: { zh: zhDate ?? yearsText(years, 'zh'), en: enDate ?? yearsText(years, 'en') },
    },
    date_zh: zhDate ?? (years ? yearsText(years, 'zh') : undefined),
    date_en: enDate ?? (years ? yearsText(years, 'en') : undefined),
    category,
    materials,
    techniques,
    holding: institution && { institution },
    holding_zh: institution?.zh,
    holding_en: institution?.en,
    region,
    provenance:
      caption.zh.found && caption.en.found
        ? { zh: clean(caption.zh.found), en: clean(caption.en.found) }
        : undefined,
    review: review.length > 0 ? review : undefined,
    images,
    media: group.map((p) => ({ source: p.file, sha256: p.sha256, file: p.file })),
    caption_zh: caption.zh.parts.map(clean).join(' | ') || undefined,
    caption_en: caption.en.parts.map(clean).join(' | ') || undefined,
    caption_page: page ? basename(page) : undefined,
    caption_url: page ? repoUrl(page) : undefined,
    illustrations_url: repoUrl('data/illustrations.txt'),
    source_commit: main.source_commit.slice(0, 7),
    [JOINED]: rowNumbers.slice(1),
    ...(wrongLicense >= 0
      ? {
          [REJECTED]: {
            field: `images.${wrongLicense}.rights.license`,
            reason: `the manifest gives the licence “${group[wrongLicense]?.license}” for ${group[wrongLicense]?.file}, not “${opts.license}” as this mapping publishes / 许可与映射不符`,
          },
        }
      : {}),
  };
}

/** Rows for the mapping: one per object, its photos joined. */
export function prepareChinesenotesPhotos(rows: SourceRow[], context: PrepareContext): SourceRow[] {
  const opts = options.parse(context.mapping.prepare);
  const items = rows.map((r) => photoItem.parse(r.data));
  return groupPhotos(items).map((indexes) => {
    const group = indexes.map((i) => items[i]!);
    const numbers = indexes.map((i) => rows[i]!.row);
    return { row: numbers[0]!, data: prepareGroup(group, numbers, context, opts) };
  });
}
