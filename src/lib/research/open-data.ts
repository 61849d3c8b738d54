/**
 * Open data exports: per-record JSON, the whole collection as JSON, one CSV per record type and a
 * Frictionless Data Package describing them. Pure: endpoints pass the records, the site address
 * and the media lookup; the tests read the output back.
 *
 * CSV files come in two copies. The data copy (`/data/<type>.csv`, the one the data package
 * describes) is plain UTF-8 with the values exactly as recorded, so Frictionless and other tools
 * read it as declared. The spreadsheet copy (`/data/excel/<type>.csv`) starts with a byte-order
 * mark (so Excel set to Chinese opens it correctly) and neutralises cells that a spreadsheet would
 * run as a formula. Both have CRLF line ends and RFC 4180 quoting; a cell holding several values
 * separates them with ` | `.
 */
import type { Collection } from '../../schemas/index.ts';
import { collections } from '../../schemas/index.ts';
import {
  derivativeForWidth,
  fallbackFormat,
  largestDerivative,
} from '../records/media-manifest.ts';
import {
  DEFAULT_RECORD_LICENSE,
  refImages,
  refLicense,
  refModified,
  refName,
  ymd,
  type AnyRecordRef,
  type ImageLookup,
  type RecordRef,
} from '../records/record-ref.ts';
import { absolute, permanentPath, recordPath, SITE_NAME } from '../site/urls.ts';
import { findTerm, termLabel } from '../records/vocabularies.ts';
import { hasManifest, manifestPath } from './iiif.ts';
import { thesaurus, type Concept, type Thesaurus } from '../thesaurus/index.ts';
import { conceptIri } from '../thesaurus/paths.ts';
import {
  HEADLINES,
  headlineLabels,
  headlines,
  SERIES,
  type BreakdownRow,
  type ClusterRow,
} from '../site/cluster-indicators.ts';

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

/** The width of `media[].thumbnail` in a record's JSON: the 320 px derivative, as on cards. */
const THUMBNAIL_WIDTH = 320;

/** The JSON document of one record. */
export function recordDocument(ref: AnyRecordRef, ctx: ExportContext) {
  const licenseKey = refLicense(ref);
  const license = findTerm('licenses', licenseKey);
  const media = refImages(ref).flatMap((img) => {
    const entry = ctx.image(ref.collection, ref.slug, img.file);
    const best = entry ? largestDerivative(entry, fallbackFormat(entry)) : undefined;
    if (!entry || !best) return [];
    const thumb = derivativeForWidth(entry, THUMBNAIL_WIDTH, 'webp');
    return [
      {
        file: img.file,
        // The size of the file at `url` (the largest derivative); the master's own size is
        // `originalWidth` × `originalHeight`, served in full through the IIIF tiles.
        url: absolute(best.url, ctx.site),
        width: best.width,
        height: best.height,
        originalWidth: entry.width,
        originalHeight: entry.height,
        license: findTerm('licenses', img.rights.license)?.url ?? img.rights.license,
        credit: img.rights.credit,
        // a card-sized picture (the visitor's collection page shows saved works with it)
        ...(thumb
          ? {
              thumbnail: {
                url: absolute(thumb.url, ctx.site),
                width: thumb.width,
                height: thumb.height,
              },
            }
          : {}),
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

/**
 * The whole collection as one JSON document. It is dated by its content (the latest record
 * change), not by the build, so the same records always export the same bytes (and a sharded
 * build's merge can check that).
 */
export function collectionDocument(refs: readonly AnyRecordRef[], ctx: ExportContext) {
  return {
    ...collectionHead(refs),
    records: refs.map((ref) => recordDocument(ref, ctx)),
  };
}

/**
 * {@link collectionDocument} as JSON text (two-space indent, final newline) in pieces: the head,
 * then one record at a time, so a collection of any size is written with the memory of one
 * record. The pieces join to exactly `JSON.stringify(collectionDocument(…), null, 2)`.
 */
export function* collectionDocumentText(
  refs: readonly AnyRecordRef[],
  ctx: ExportContext,
): Generator<string> {
  const head = JSON.stringify({ ...collectionHead(refs), records: [] }, null, 2);
  if (refs.length === 0) {
    yield `${head}\n`;
    return;
  }
  // the head without its closing `"records": []\n}`, then the records at depth two
  yield `${head.slice(0, head.lastIndexOf('[]'))}[\n`;
  for (const [i, ref] of refs.entries()) {
    const text = JSON.stringify(recordDocument(ref, ctx), null, 2).replaceAll('\n', '\n    ');
    yield `    ${text}${i < refs.length - 1 ? ',' : ''}\n`;
  }
  yield '  ]\n}\n';
}

/** Everything of the collection document but its records. */
function collectionHead(refs: readonly AnyRecordRef[]) {
  return {
    name: 'baigong-cloud',
    title: SITE_NAME,
    modified: latestChange(refs).toISOString(),
    licenseNote: {
      zh: '记录文字与数据默认以 CC BY 4.0 发布；作品记录各自注明许可（license 字段），图像另有各自的许可与署名（media 字段）。',
      en: 'Record text and data are CC BY 4.0 unless a record states otherwise (its license field); each image has its own license and credit (media field).',
    },
    counts: Object.fromEntries(
      collections.map((c) => [c, refs.filter((r) => r.collection === c).length]),
    ),
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
    col('license', 'string', 'License key of the record text and data', (r) => refLicense(r)),
    col('license_url', 'string', 'License URL', (r) => findTerm('licenses', refLicense(r))?.url),
    col('added', 'date', 'Date the record was first published', (r) => ymd(r.data.added)),
    col('modified', 'date', 'Date of the last substantive change', (r) => ymd(refModified(r))),
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
    col(
      'living',
      'boolean',
      'Whether a source says the person is living (false: has died; empty: unknown)',
      (r) => r.data.living,
    ),
    col('region_code', 'string', 'GB/T 2260 code', (r) => r.data.region?.code),
    col('region_zh', 'string', 'Region, Chinese', (r) => r.data.region?.place.zh),
    col('region_en', 'string', 'Region, English', (r) => r.data.region?.place.en),
    col('crafts', 'string', 'IDs of crafts practised', (r) => r.data.crafts, true),
    col('gender', 'string', 'Gender, where a source gives it', (r) => r.data.gender),
    col(
      'ethnic_group',
      'string',
      'Ethnic group (GB/T 3304 romanisation, lower case)',
      (r) => r.data.ethnicGroup,
    ),
    col(
      'designations_zh',
      'string',
      'Official titles, Chinese',
      (r) => r.data.designations.map((h) => h.title.zh),
      true,
    ),
    col(
      'designations_en',
      'string',
      'Official titles, English',
      (r) => r.data.designations.map((h) => h.title.en),
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
  cases: [
    ...common<'cases'>(),
    col('name_zh', 'string', 'Name in Chinese', (r) => r.data.name.zh),
    col('name_en', 'string', 'Name in English, when it has one', (r) => r.data.name.en),
    col('kind', 'string', 'Kind of case key (case-kinds.json)', (r) => r.data.kind),
    col('province', 'string', 'GB/T 2260 province code', (r) => r.data.region.province),
    col('division', 'string', 'GB/T 2260 city or county code', (r) => r.data.region.division),
    col(
      'designations',
      'string',
      'Designation keys (case-designations.json)',
      (r) => r.data.designations.map((d) => d.type),
      true,
    ),
    col(
      'heritage',
      'string',
      'National heritage codes of its designations',
      (r) => r.data.designations.flatMap((d) => (d.heritage ? [d.heritage] : [])),
      true,
    ),
    col('crafts', 'string', 'IDs of crafts', (r) => r.data.crafts, true),
    col('clusters', 'string', 'IDs of clusters', (r) => r.data.clusters, true),
    ...trailer<'cases'>(),
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

/** Which copy of a CSV file: for data tools, or for spreadsheets. */
export type CsvFlavour = 'data' | 'excel';

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and tab or CR
 * start one too), so a record's text could make Excel fetch or run something. The spreadsheet
 * copy prefixes such cells with an apostrophe, which spreadsheets show as text (OWASP, "CSV
 * Injection"). The data copy keeps values exact.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A CSV file line by line (header row first, CRLF line ends; the spreadsheet copy starts with a
 * byte-order mark), so a large table can be written as it is made.
 */
export function* csvLines(
  header: string[],
  rows: Iterable<string[]>,
  flavour: CsvFlavour = 'data',
): Generator<string> {
  const cell = flavour === 'excel' ? (v: string) => csvField(neutraliseFormula(v)) : csvField;
  yield `${flavour === 'excel' ? '\uFEFF' : ''}${header.map(cell).join(',')}\r\n`;
  for (const row of rows) yield `${row.map(cell).join(',')}\r\n`;
}

/** A CSV file as one text: {@link csvLines} joined. */
export function toCsv(header: string[], rows: string[][], flavour: CsvFlavour = 'data'): string {
  return [...csvLines(header, rows, flavour)].join('');
}

/** The CSV of one record type, line by line; each row is made when it is written. */
export function collectionCsvLines<C extends Collection>(
  collection: C,
  refs: readonly RecordRef<C>[],
  ctx: ExportContext,
  flavour: CsvFlavour = 'data',
): Generator<string> {
  const names = columns[collection].map((c) => c.name);
  function* rows() {
    for (const ref of refs) {
      const row = flatRow(ref, ctx);
      yield names.map((n) => row[n] ?? '');
    }
  }
  return csvLines(names, rows(), flavour);
}

/** The CSV of one record type as one text. */
export function collectionCsv<C extends Collection>(
  collection: C,
  refs: RecordRef<C>[],
  ctx: ExportContext,
  flavour: CsvFlavour = 'data',
): string {
  return [...collectionCsvLines(collection, refs, ctx, flavour)].join('');
}

/** A column of a CSV table whose rows are `R`: its name and type in the data package, and its cell. */
export interface TableColumn<R> {
  name: string;
  type: FieldType;
  description: string;
  list?: boolean;
  get: (row: R) => Cell | Cell[];
}

/** A table as CSV: one row per item of `rows`, the cells in the order of `columns`. */
function tableCsv<R>(
  columns: readonly Pick<TableColumn<R>, 'name' | 'get'>[],
  rows: readonly R[],
  flavour: CsvFlavour,
): string {
  return toCsv(
    columns.map((c) => c.name),
    rows.map((row) => columns.map((c) => cellText(c.get(row)))),
    flavour,
  );
}

// ---------------------------------------------------------------------------------------------
// The thesaurus as a table

/** A column of the thesaurus CSV (one row per concept). */
export interface ConceptColumn {
  name: string;
  type: FieldType;
  description: string;
  list?: boolean;
  get: (c: Concept, t: Thesaurus, ctx: Pick<ExportContext, 'site'>) => Cell | Cell[];
}

const conceptCol = (
  name: string,
  description: string,
  get: ConceptColumn['get'],
  list = false,
): ConceptColumn => ({ name, type: 'string', description, get, ...(list ? { list } : {}) });

export const thesaurusColumns: ConceptColumn[] = [
  conceptCol('id', 'Concept ID (stable; the last part of its page address)', (c) => c.id),
  conceptCol('kind', 'Concept scheme: objectType, motif, technique …', (c) => c.kind),
  conceptCol('zh', 'Preferred label in Chinese (zh-Hans)', (c) => c.zh),
  conceptCol('en', 'Preferred label in English', (c) => c.en),
  conceptCol('pinyin', 'Hanyu pinyin of the Chinese label, with tone marks', (c) => c.pinyin),
  conceptCol('alt_zh', 'Other Chinese labels', (c) => c.altZh, true),
  conceptCol('alt_en', 'Other English labels', (c) => c.altEn, true),
  conceptCol('broader', 'IDs of broader concepts', (c) => c.broader, true),
  conceptCol('related', 'IDs of related concepts', (c) => c.related, true),
  conceptCol('scope_note_zh', 'Scope note in Chinese', (c) => c.note?.zh),
  conceptCol('scope_note_en', 'Scope note in English', (c) => c.note?.en),
  conceptCol(
    'sources',
    'IDs of the sources of the labels (see thesaurus.jsonld)',
    (c) => c.sources,
    true,
  ),
  conceptCol(
    'source_citations',
    'The sources cited in full, in English',
    (c, t) => c.sources.map((s) => t.sources.get(s)?.en),
    true,
  ),
  conceptCol('uri', 'IRI of the concept: its page, as in thesaurus.jsonld', (c, _t, ctx) =>
    conceptIri(c.id, ctx.site),
  ),
];

/** The thesaurus as CSV, one row per concept, in the order of {@link thesaurusColumns}. */
export function thesaurusCsv(
  ctx: Pick<ExportContext, 'site'>,
  t: Thesaurus = thesaurus(),
  flavour: CsvFlavour = 'data',
): string {
  const columns = thesaurusColumns.map((c) => ({
    name: c.name,
    get: (concept: Concept) => c.get(concept, t, ctx),
  }));
  return tableCsv(columns, t.concepts, flavour);
}

// ---------------------------------------------------------------------------------------------
// Cluster monitoring as a table

const pairs = (list: readonly [string | number, number][]) => list.map(([k, n]) => `${k}:${n}`);

/** The columns: the cluster, then its headline counts, then their breakdowns. */
export const clusterColumns: TableColumn<ClusterRow>[] = [
  { name: 'id', type: 'string', description: 'Cluster ID', get: (r) => r.id },
  { name: 'name_zh', type: 'string', description: 'Name in Chinese', get: (r) => r.name.zh },
  { name: 'name_en', type: 'string', description: 'Name in English', get: (r) => r.name.en },
  {
    name: 'area',
    type: 'string',
    description: 'GB/T 2260 code of the division the cluster covers',
    get: (r) => r.area,
  },
  ...HEADLINES.map((key): TableColumn<ClusterRow> => ({
    name: key,
    type: 'integer',
    description: `${headlineLabels[key].en} in the area`,
    get: (r) => headlines(r.indicators)[key],
  })),
  {
    name: 'inheritors_by_batch',
    type: 'string',
    description: 'Inheritors in the area by batch of the national list, as batch:count',
    list: true,
    get: (r) => pairs(r.indicators.inheritorsByBatch),
  },
  {
    name: 'cases_by_kind',
    type: 'string',
    description: 'Typical cases in the area by kind, as kind:count',
    list: true,
    get: (r) => pairs(r.indicators.casesByKind),
  },
  {
    name: 'works_added_by_year',
    type: 'string',
    description: 'Works from the area by the year they were added to the archive, as year:count',
    list: true,
    get: (r) => pairs(r.indicators.worksAddedByYear),
  },
];

/** The columns of a cluster report's CSV: the data behind its charts. */
export const breakdownColumns: TableColumn<BreakdownRow>[] = [
  {
    name: 'series',
    type: 'string',
    description: `Which breakdown: ${Object.entries(SERIES)
      .map(([key, s]) => `${key} (${s.en})`)
      .join(', ')}`,
    get: (r) => r.series,
  },
  { name: 'key', type: 'string', description: 'Batch, kind or year', get: (r) => r.key },
  { name: 'label_zh', type: 'string', description: 'Label in Chinese', get: (r) => r.zh },
  { name: 'label_en', type: 'string', description: 'Label in English', get: (r) => r.en },
  { name: 'count', type: 'integer', description: 'How many', get: (r) => r.count },
];

/** A cluster report's chart data as CSV, in the order of {@link breakdownColumns}. */
export function clusterReportCsv(rows: readonly BreakdownRow[], flavour: CsvFlavour = 'data') {
  return tableCsv(breakdownColumns, rows, flavour);
}

/** The data behind a cluster report's charts. */
export function clusterReportCsvPath(slug: string): string {
  return `/data/cluster-reports/${slug}.csv`;
}

/** The cluster indicators as CSV, one row per cluster, in the order of {@link clusterColumns}. */
export function clusterIndicatorsCsv(rows: readonly ClusterRow[], flavour: CsvFlavour = 'data') {
  return tableCsv(clusterColumns, rows, flavour);
}

// ---------------------------------------------------------------------------------------------
// Frictionless Data Package

/** The data copy of a record type's CSV (the one the data package describes). */
export function csvPath(collection: Collection): string {
  return `/data/${collection}.csv`;
}

/** The spreadsheet copy of a record type's CSV. */
export function excelCsvPath(collection: Collection): string {
  return `/data/excel/${collection}.csv`;
}

export const RECORDS_JSON_PATH = '/data/records.json';
export const THESAURUS_CSV_PATH = '/data/thesaurus.csv';
export const CLUSTER_INDICATORS_CSV_PATH = '/data/cluster-indicators.csv';
export const THESAURUS_JSONLD_PATH = '/data/thesaurus.jsonld';
export const DATAPACKAGE_PATH = '/data/datapackage.json';

const titles: Record<Collection, string> = {
  works: 'Works / 作品',
  crafts: 'Crafts / 技艺',
  people: 'People / 人物',
  clusters: 'Craft clusters / 聚集区',
  exhibitions: 'Exhibitions / 展览',
  cases: 'Typical cases / 典型案例',
};

/** Path of a data file relative to `datapackage.json` (both live under `/data/`). */
function packagePath(sitePath: string): string {
  return sitePath.slice(sitePath.lastIndexOf('/') + 1);
}

type PackageLicense = { name: string; path: string; title: string };

/** A CSV file of `/data/` as a tabular data resource, its columns as the table schema. */
function csvResource(
  name: string,
  sitePath: string,
  title: string,
  fields: readonly Pick<Column<Collection>, 'name' | 'type' | 'description' | 'list'>[],
  licenses: PackageLicense[],
) {
  return {
    profile: 'tabular-data-resource',
    name,
    path: packagePath(sitePath),
    title,
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
      fields: fields.map((c) => ({
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
}

/** The latest modification of any record: when this state of the data came to be. */
export function latestChange(refs: readonly AnyRecordRef[]): Date {
  return new Date(Math.max(0, ...refs.map((r) => refModified(r).getTime())));
}

/**
 * The package version, from the content rather than the build: the date of the latest record
 * change as `YYYY.M.D`, which is also a valid semantic version (the Data Package specification
 * asks for SemVer) and grows with every change.
 */
export function packageVersion(refs: readonly AnyRecordRef[]): string {
  const latest = latestChange(refs);
  return `${latest.getUTCFullYear()}.${latest.getUTCMonth() + 1}.${latest.getUTCDate()}`;
}

/**
 * `datapackage.json` (Frictionless Data Package v1, tabular profile for the CSV files). Resource
 * paths are relative (a downloaded copy of `/data/` reads its own files, as the specification
 * recommends); `version` and `created` come from the records, so rebuilding unchanged content
 * gives the same file.
 */
export function dataPackage(refs: readonly AnyRecordRef[], ctx: ExportContext) {
  const licenseOf = (keys: string[]): PackageLicense[] =>
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
      'Works, crafts, people, craft clusters, exhibitions and typical cases of the Baigong Cloud digital museum, and its craft thesaurus. ' +
      'CSV files are UTF-8; cells with several values separate them with " | ". ' +
      'A copy for spreadsheets (byte-order mark, formula-like cells prefixed with an apostrophe) is in the excel/ folder beside this file. ' +
      'Record text and data are CC BY 4.0 unless a record states otherwise in its license column; ' +
      'images carry their own licenses (see records.json).',
    homepage: absolute('/about/', ctx.site),
    version: packageVersion(refs),
    created: latestChange(refs).toISOString(),
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
        const licenses = licenseOf(
          refs.filter((r) => r.collection === collection).map((r) => refLicense(r)),
        );
        return csvResource(
          collection,
          csvPath(collection),
          titles[collection],
          columns[collection] as Column<Collection>[],
          licenses,
        );
      }),
      csvResource(
        'thesaurus',
        THESAURUS_CSV_PATH,
        'Craft thesaurus / 工艺术语表: one row per concept (SKOS in thesaurus.jsonld)',
        thesaurusColumns,
        licenseOf([DEFAULT_RECORD_LICENSE]),
      ),
      csvResource(
        'cluster-indicators',
        CLUSTER_INDICATORS_CSV_PATH,
        'Cluster monitoring / 聚集区监测指标: one row per cluster, counted from the records at build time',
        clusterColumns,
        licenseOf([DEFAULT_RECORD_LICENSE]),
      ),
      {
        profile: 'data-resource',
        name: 'records',
        path: packagePath(RECORDS_JSON_PATH),
        title: 'All records with their full data, links and media (JSON)',
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        licenses: all,
      },
    ],
  };
}
