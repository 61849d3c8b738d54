/**
 * Open data exports: per-record JSON, the whole collection as JSON, one CSV per record type and a
 * Frictionless Data Package describing them. Pure: endpoints pass the records, the site address
 * and the media lookup; the tests read the output back.
 *
 * CSV files are UTF-8 with a byte-order mark (so Excel set to Chinese opens them correctly), CRLF
 * line ends and RFC 4180 quoting. A cell holding several values separates them with ` | `.
 */
import type { Collection } from '../schemas/index.ts';
import { collections } from '../schemas/index.ts';
import { fallbackFormat, largestDerivative } from './media-manifest.ts';
import {
  absolute,
  refImages,
  refLicense,
  refModified,
  refName,
  SITE_NAME,
  ymd,
  type AnyRecordRef,
  type ImageLookup,
  type RecordRef,
} from './record-ref.ts';
import { permanentPath, recordPath } from './urls.ts';
import { findTerm, termLabel } from './vocabularies.ts';
import { hasManifest, manifestPath } from './iiif.ts';

export { collections };

/** Separator of several values in one CSV cell. */
export const LIST_SEPARATOR = ' | ';

export interface ExportContext {
  site: string | URL;
  image: ImageLookup;
}

// ---------------------------------------------------------------------------------------------
// JSON

/** Record data as plain JSON: dates become YYYY-MM-DD, undefined values disappear. */
export function plain(value: unknown): unknown {
  if (value instanceof Date) return ymd(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, plain(v)]),
    );
  }
  return value;
}

/** Site path of a record's JSON: `/api/works/BGW-000001.json`. */
export function apiPath(collection: Collection, id: string): string {
  return `/api/${collection}/${id}.json`;
}

/** The JSON document of one record. */
export function recordDocument(ref: AnyRecordRef, ctx: ExportContext) {
  const licenseKey = refLicense(ref);
  const license = findTerm('licenses', licenseKey);
  const media = refImages(ref).flatMap((img) => {
    const entry = ctx.image(ref.collection, ref.slug, img.file);
    const best = entry ? largestDerivative(entry, fallbackFormat(entry)) : undefined;
    if (!entry || !best) return [];
    return [
      {
        file: img.file,
        url: absolute(best.url, ctx.site),
        width: entry.width,
        height: entry.height,
        license: findTerm('licenses', img.rights.license)?.url ?? img.rights.license,
        credit: img.rights.credit,
        ...(entry.iiif ? { iiifInfo: absolute(entry.iiif.info, ctx.site) } : {}),
      },
    ];
  });
  const manifest =
    ref.collection === 'works' && hasManifest(ref, ctx.image)
      ? absolute(manifestPath(ref.data.id), ctx.site)
      : undefined;
  return {
    id: ref.data.id,
    collection: ref.collection,
    slug: ref.slug,
    name: refName(ref),
    added: ymd(ref.data.added),
    modified: ymd(refModified(ref)),
    license: {
      key: licenseKey,
      url: license?.url,
      name: license ? { zh: license.zh, en: license.en } : undefined,
    },
    links: {
      self: absolute(apiPath(ref.collection, ref.data.id), ctx.site),
      permalink: {
        zh: absolute(permanentPath(ref.data.id, 'zh'), ctx.site),
        en: absolute(permanentPath(ref.data.id, 'en'), ctx.site),
      },
      page: {
        zh: absolute(recordPath(ref.collection, ref.slug, 'zh'), ctx.site),
        en: absolute(recordPath(ref.collection, ref.slug, 'en'), ctx.site),
      },
      ...(manifest ? { iiifManifest: manifest } : {}),
    },
    media,
    data: plain(ref.data),
  };
}

/** The whole collection as one JSON document. */
export function collectionDocument(refs: AnyRecordRef[], ctx: ExportContext, generated: Date) {
  return {
    name: 'baigong-cloud',
    title: SITE_NAME,
    generated: generated.toISOString(),
    licenseNote: {
      zh: '记录文字与数据默认以 CC BY 4.0 发布；作品记录各自注明许可（license 字段），图像另有各自的许可与署名（media 字段）。',
      en: 'Record text and data are CC BY 4.0 unless a record states otherwise (its license field); each image has its own license and credit (media field).',
    },
    counts: Object.fromEntries(
      collections.map((c) => [c, refs.filter((r) => r.collection === c).length]),
    ),
    records: refs.map((ref) => recordDocument(ref, ctx)),
  };
}

// ---------------------------------------------------------------------------------------------
// CSV

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';
type Cell = string | number | boolean | undefined;

export interface Column<C extends Collection> {
  name: string;
  type: FieldType;
  description: string;
  /** For list cells: the values are joined with {@link LIST_SEPARATOR}. */
  list?: boolean;
  get: (ref: RecordRef<C>, ctx: ExportContext) => Cell | Cell[];
}

const col = <C extends Collection>(
  name: string,
  type: FieldType,
  description: string,
  get: Column<C>['get'],
  list = false,
): Column<C> => ({ name, type, description, get, ...(list ? { list } : {}) });

function common<C extends Collection>(): Column<C>[] {
  return [
    col('id', 'string', 'Stable record ID (never reused)', (r) => r.data.id),
    col('slug', 'string', 'Folder name used in page addresses', (r) => r.slug),
  ];
}

function trailer<C extends Collection>(): Column<C>[] {
  return [
    col('license', 'string', 'License key of the record text and data', (r) =>
      refLicense(r as AnyRecordRef),
    ),
    col(
      'license_url',
      'string',
      'License URL',
      (r) => findTerm('licenses', refLicense(r as AnyRecordRef))?.url,
    ),
    col('added', 'date', 'Date the record was first published', (r) => ymd(r.data.added)),
    col('modified', 'date', 'Date of the last substantive change', (r) =>
      ymd(refModified(r as AnyRecordRef)),
    ),
    col('permalink', 'string', 'Permanent address built on the ID', (r, ctx) =>
      absolute(permanentPath(r.data.id, 'zh'), ctx.site),
    ),
    col('url_zh', 'string', 'Chinese page', (r, ctx) =>
      absolute(recordPath(r.collection, r.slug, 'zh'), ctx.site),
    ),
    col('url_en', 'string', 'English page', (r, ctx) =>
      absolute(recordPath(r.collection, r.slug, 'en'), ctx.site),
    ),
    col('json', 'string', 'Per-record JSON', (r, ctx) =>
      absolute(apiPath(r.collection, r.data.id), ctx.site),
    ),
  ];
}

const labelled = (name: 'craftCategories' | 'periods' | 'materials', key: string) => [
  termLabel(name, key, 'zh'),
  termLabel(name, key, 'en'),
];

export const columns: { [C in Collection]: Column<C>[] } = {
  works: [
    ...common<'works'>(),
    col('title_zh', 'string', 'Title in Chinese', (r) => r.data.title.zh),
    col('title_en', 'string', 'Title in English', (r) => r.data.title.en),
    col('other_names', 'string', 'Other names', (r) => r.data.otherNames, true),
    col('summary_zh', 'string', 'Summary in Chinese', (r) => r.data.summary?.zh),
    col('summary_en', 'string', 'Summary in English', (r) => r.data.summary?.en),
    col('category', 'string', 'Craft category key (craft-categories.json)', (r) => r.data.category),
    col(
      'category_zh',
      'string',
      'Craft category in Chinese',
      (r) => labelled('craftCategories', r.data.category)[0],
    ),
    col(
      'category_en',
      'string',
      'Craft category in English',
      (r) => labelled('craftCategories', r.data.category)[1],
    ),
    col('period', 'string', 'Period key (periods.json)', (r) => r.data.period),
    col('period_zh', 'string', 'Period in Chinese', (r) => labelled('periods', r.data.period)[0]),
    col('period_en', 'string', 'Period in English', (r) => labelled('periods', r.data.period)[1]),
    col('date_start', 'integer', 'Earliest year (negative = BCE)', (r) => r.data.date.start),
    col('date_end', 'integer', 'Latest year (negative = BCE)', (r) => r.data.date.end),
    col('date_display_zh', 'string', 'Date as displayed, Chinese', (r) => r.data.date.display?.zh),
    col('date_display_en', 'string', 'Date as displayed, English', (r) => r.data.date.display?.en),
    col('materials', 'string', 'Material keys (materials.json)', (r) => r.data.materials, true),
    col(
      'region_code',
      'string',
      'GB/T 2260 code of the place of making',
      (r) => r.data.region?.code,
    ),
    col('region_zh', 'string', 'Place of making, Chinese', (r) => r.data.region?.place.zh),
    col('region_en', 'string', 'Place of making, English', (r) => r.data.region?.place.en),
    col('techniques', 'string', 'IDs of craft records', (r) => r.data.techniques, true),
    col(
      'makers',
      'string',
      'People IDs or names of makers',
      (r) => r.data.makers.map((m) => m.person ?? m.name?.zh),
      true,
    ),
    col('cluster', 'string', 'ID of the craft cluster', (r) => r.data.cluster),
    col('heritage', 'string', 'National heritage list codes', (r) => r.data.heritage, true),
    col('height_cm', 'number', 'Height in cm', (r) => r.data.dimensions?.height),
    col('width_cm', 'number', 'Width in cm', (r) => r.data.dimensions?.width),
    col('depth_cm', 'number', 'Depth in cm', (r) => r.data.dimensions?.depth),
    col('diameter_cm', 'number', 'Diameter in cm', (r) => r.data.dimensions?.diameter),
    col('length_cm', 'number', 'Length in cm', (r) => r.data.dimensions?.length),
    col('weight_g', 'number', 'Weight in grams', (r) => r.data.dimensions?.weight),
    col(
      'holding_zh',
      'string',
      'Holding institution, Chinese',
      (r) => r.data.holding?.institution.zh,
    ),
    col(
      'holding_en',
      'string',
      'Holding institution, English',
      (r) => r.data.holding?.institution.en,
    ),
    col(
      'accession',
      'string',
      'Accession number at the holding institution',
      (r) => r.data.holding?.accession,
    ),
    col(
      'rights_holder',
      'string',
      'Holder of the rights in the record',
      (r) => r.data.rights.holder,
    ),
    col('credit', 'string', 'Credit line', (r) => r.data.rights.credit),
    col('images', 'integer', 'Number of images', (r) => r.data.images.length),
    col('models', 'integer', 'Number of 3D models', (r) => r.data.models.length),
    col('tags', 'string', 'Free keywords', (r) => r.data.tags, true),
    col('iiif_manifest', 'string', 'IIIF Presentation 3 manifest', (r, ctx) =>
      hasManifest(r, ctx.image) ? absolute(manifestPath(r.data.id), ctx.site) : undefined,
    ),
    ...trailer<'works'>(),
  ],
  crafts: [
    ...common<'crafts'>(),
    col('name_zh', 'string', 'Name in Chinese', (r) => r.data.name.zh),
    col('name_en', 'string', 'Name in English', (r) => r.data.name.en),
    col('other_names', 'string', 'Other names', (r) => r.data.otherNames, true),
    col('summary_zh', 'string', 'Summary in Chinese', (r) => r.data.summary.zh),
    col('summary_en', 'string', 'Summary in English', (r) => r.data.summary.en),
    col('category', 'string', 'Craft category key', (r) => r.data.category),
    col(
      'heritage',
      'string',
      'National heritage list codes',
      (r) => r.data.heritage.map((h) => h.code),
      true,
    ),
    col(
      'heritage_batches',
      'string',
      'Batches of the listings',
      (r) => r.data.heritage.map((h) => h.batch),
      true,
    ),
    col(
      'region_codes',
      'string',
      'GB/T 2260 codes where practised',
      (r) => r.data.regions.map((x) => x.code),
      true,
    ),
    col(
      'regions_zh',
      'string',
      'Regions, Chinese',
      (r) => r.data.regions.map((x) => x.place.zh),
      true,
    ),
    col(
      'regions_en',
      'string',
      'Regions, English',
      (r) => r.data.regions.map((x) => x.place.en),
      true,
    ),
    col('materials', 'string', 'Material keys', (r) => r.data.materials, true),
    col('steps', 'integer', 'Number of process steps', (r) => r.data.steps.length),
    col('related_works', 'string', 'IDs of related works', (r) => r.data.relatedWorks, true),
    ...trailer<'crafts'>(),
  ],
  people: [
    ...common<'people'>(),
    col('name_zh', 'string', 'Name in Chinese characters', (r) => r.data.name.zh),
    col('name_en', 'string', 'Name as written in English', (r) => r.data.name.en),
    col('name_pinyin', 'string', 'Name in Hanyu pinyin', (r) => r.data.name.pinyin),
    col('summary_zh', 'string', 'Summary in Chinese', (r) => r.data.summary.zh),
    col('summary_en', 'string', 'Summary in English', (r) => r.data.summary.en),
    col('born', 'integer', 'Year of birth', (r) => r.data.life?.born),
    col('died', 'integer', 'Year of death', (r) => r.data.life?.died),
    col('living', 'boolean', 'Whether the person is living', (r) => r.data.living),
    col('region_code', 'string', 'GB/T 2260 code', (r) => r.data.region?.code),
    col('region_zh', 'string', 'Region, Chinese', (r) => r.data.region?.place.zh),
    col('region_en', 'string', 'Region, English', (r) => r.data.region?.place.en),
    col('crafts', 'string', 'IDs of crafts practised', (r) => r.data.crafts, true),
    col(
      'honours_zh',
      'string',
      'Honours, Chinese',
      (r) => r.data.honours.map((h) => h.title.zh),
      true,
    ),
    col(
      'honours_en',
      'string',
      'Honours, English',
      (r) => r.data.honours.map((h) => h.title.en),
      true,
    ),
    ...trailer<'people'>(),
  ],
  clusters: [
    ...common<'clusters'>(),
    col('name_zh', 'string', 'Name in Chinese', (r) => r.data.name.zh),
    col('name_en', 'string', 'Name in English', (r) => r.data.name.en),
    col('province', 'string', 'GB/T 2260 province code', (r) => r.data.region.province),
    col('city', 'string', 'GB/T 2260 city code', (r) => r.data.region.city),
    col('county', 'string', 'GB/T 2260 county code', (r) => r.data.region.county),
    col('place_zh', 'string', 'Place, Chinese', (r) => r.data.region.place.zh),
    col('place_en', 'string', 'Place, English', (r) => r.data.region.place.en),
    col('applicant_zh', 'string', 'Applicant, Chinese', (r) => r.data.applicant.zh),
    col('applicant_en', 'string', 'Applicant, English', (r) => r.data.applicant.en),
    col('introduction_zh', 'string', 'Introduction, Chinese', (r) => r.data.introduction.zh),
    col('introduction_en', 'string', 'Introduction, English', (r) => r.data.introduction.en),
    col('crafts', 'string', 'IDs of leading crafts', (r) => r.data.crafts, true),
    col('works', 'string', 'IDs of representative works', (r) => r.data.works, true),
    col('people', 'string', 'IDs of representative people', (r) => r.data.people, true),
    ...trailer<'clusters'>(),
  ],
  exhibitions: [
    ...common<'exhibitions'>(),
    col('title_zh', 'string', 'Title in Chinese', (r) => r.data.title.zh),
    col('title_en', 'string', 'Title in English', (r) => r.data.title.en),
    col('subtitle_zh', 'string', 'Subtitle in Chinese', (r) => r.data.subtitle?.zh),
    col('subtitle_en', 'string', 'Subtitle in English', (r) => r.data.subtitle?.en),
    col('summary_zh', 'string', 'Summary in Chinese', (r) => r.data.summary.zh),
    col('summary_en', 'string', 'Summary in English', (r) => r.data.summary.en),
    col('curator_zh', 'string', 'Curator, Chinese', (r) => r.data.curator.zh),
    col('curator_en', 'string', 'Curator, English', (r) => r.data.curator.en),
    col('start', 'date', 'Opening date', (r) => ymd(r.data.dates.start)),
    col('end', 'date', 'Closing date', (r) =>
      r.data.dates.end ? ymd(r.data.dates.end) : undefined,
    ),
    col('works', 'string', 'IDs of works shown', (r) => r.data.works, true),
    ...trailer<'exhibitions'>(),
  ],
};

function cellText(value: Cell | Cell[]): string {
  if (Array.isArray(value))
    return value
      .filter((v) => v !== undefined)
      .map(String)
      .join(LIST_SEPARATOR);
  return value === undefined ? '' : String(value);
}

/** One record as a flat row of strings, in the order of {@link columns}. */
export function flatRow<C extends Collection>(
  ref: RecordRef<C>,
  ctx: ExportContext,
): Record<string, string> {
  const cols = columns[ref.collection] as Column<C>[];
  return Object.fromEntries(cols.map((c) => [c.name, cellText(c.get(ref, ctx))]));
}

/** RFC 4180 field: quoted when it holds a quote, comma, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A CSV file: byte-order mark, header row, CRLF line ends. */
export function toCsv(header: string[], rows: string[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The CSV of one record type. */
export function collectionCsv<C extends Collection>(
  collection: C,
  refs: RecordRef<C>[],
  ctx: ExportContext,
): string {
  const names = columns[collection].map((c) => c.name);
  return toCsv(
    names,
    refs.map((ref) => {
      const row = flatRow(ref, ctx);
      return names.map((n) => row[n] ?? '');
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Frictionless Data Package

export function csvPath(collection: Collection): string {
  return `/data/${collection}.csv`;
}

export const RECORDS_JSON_PATH = '/data/records.json';
export const DATAPACKAGE_PATH = '/data/datapackage.json';

const titles: Record<Collection, string> = {
  works: 'Works / 作品',
  crafts: 'Crafts / 技艺',
  people: 'People / 人物',
  clusters: 'Craft clusters / 聚集区',
  exhibitions: 'Exhibitions / 展览',
};

/** `datapackage.json` (Frictionless Data Package v1, tabular profile for the CSV files). */
export function dataPackage(refs: AnyRecordRef[], ctx: ExportContext, generated: Date) {
  const licenseOf = (keys: string[]) =>
    [...new Set(keys)].sort().flatMap((key) => {
      const l = findTerm('licenses', key);
      return l ? [{ name: key, path: l.url, title: l.en }] : [];
    });
  const all = licenseOf(refs.map((r) => refLicense(r)));
  return {
    profile: 'data-package',
    name: 'baigong-cloud',
    id: absolute(DATAPACKAGE_PATH, ctx.site),
    title: 'Baigong Cloud (百工·云): records of Chinese arts and crafts',
    description:
      'Works, crafts, people, craft clusters and exhibitions of the Baigong Cloud digital museum. ' +
      'CSV files are UTF-8 with a byte-order mark; cells with several values separate them with " | ". ' +
      'Record text and data are CC BY 4.0 unless a record states otherwise in its license column; ' +
      'images carry their own licenses (see records.json).',
    homepage: absolute('/about/', ctx.site),
    version: ymd(generated),
    created: generated.toISOString(),
    keywords: [
      'Chinese arts and crafts',
      '工艺美术',
      'intangible cultural heritage',
      '非物质文化遗产',
    ],
    licenses: all.length > 0 ? all : licenseOf(['CC-BY-4.0']),
    contributors: [{ title: SITE_NAME.en, role: 'publisher', path: absolute('/', ctx.site) }],
    resources: [
      ...collections.map((collection) => {
        const own = refs.filter((r) => r.collection === collection);
        const licenses = licenseOf(own.map((r) => refLicense(r)));
        return {
          profile: 'tabular-data-resource',
          name: collection,
          path: absolute(csvPath(collection), ctx.site),
          title: titles[collection],
          format: 'csv',
          mediatype: 'text/csv',
          encoding: 'utf-8',
          dialect: {
            delimiter: ',',
            lineTerminator: '\r\n',
            quoteChar: '"',
            doubleQuote: true,
            header: true,
          },
          ...(licenses.length > 0 ? { licenses } : {}),
          schema: {
            fields: (columns[collection] as Column<Collection>[]).map((c) => ({
              name: c.name,
              type: c.type,
              ...(c.type === 'date' ? { format: 'default' } : {}),
              description: c.list
                ? `${c.description} (several values separated by " | ")`
                : c.description,
            })),
            primaryKey: 'id',
            missingValues: [''],
          },
        };
      }),
      {
        profile: 'data-resource',
        name: 'records',
        path: absolute(RECORDS_JSON_PATH, ctx.site),
        title: 'All records with their full data, links and media (JSON)',
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        licenses: all,
      },
    ],
  };
}
