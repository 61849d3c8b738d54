/**
 * IIIF Presentation API 3.0 for works with images: one Manifest per work and one Collection of
 * every work that has one; and for crafts with films, one Manifest of their films and recordings
 * (`craftFilmManifest`). Pure: pages pass the site address and the media lookup.
 *
 * - Labels, summary and metadata in Chinese and English (language map keys `zh` and `en`).
 * - `rights` is the license of the record; Creative Commons and RightsStatements.org URIs are
 *   given in their canonical `http://` form, which the specification requires.
 * - `requiredStatement` carries the record's credit line; each canvas carries its image's own
 *   rights and credit.
 * - One Canvas per image, sized from the image (its full pixel size after EXIF rotation). The
 *   painting annotation's body is the largest JPEG/PNG derivative and, where the ingest cut tiles,
 *   has an ImageService3 `level0` service pointing at the static tiles (`…/iiif/info.json`).
 */
import type { Lang } from '../records/vocabularies.ts';
import { findTerm, termLabel } from '../records/vocabularies.ts';
import {
  derivativeForWidth,
  fallbackFormat,
  largestDerivative,
  type AudioEntry,
  type Derivative,
  type ImageEntry,
  type VideoEntry,
} from '../records/media-manifest.ts';
import { refModified, ymd, type ImageLookup, type RecordRef } from '../records/record-ref.ts';
import { absolute, permanentPath, recordPath, SITE_NAME } from '../site/urls.ts';

export const PRESENTATION_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

export type LanguageMap = Record<string, string[]>;
type Json = Record<string, unknown>;

export interface IiifContext {
  site: string | URL;
  image: ImageLookup;
}

/** Site path of a work's manifest. */
export function manifestPath(id: string): string {
  return `/iiif/${id}/manifest.json`;
}

export const COLLECTION_PATH = '/iiif/collection.json';

/** IIIF drag-and-drop link: a link to the manifest with `?manifest=` repeating its address. */
export function dragAndDropHref(manifestUrl: string): string {
  return `${manifestUrl}?manifest=${encodeURIComponent(manifestUrl)}`;
}

/** `http://` form of a Creative Commons or RightsStatements.org URI, as IIIF `rights` requires. */
export function iiifRights(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const http = url.replace(/^https:\/\//, 'http://');
  return /^http:\/\/(creativecommons\.org\/(licenses|publicdomain)|rightsstatements\.org\/vocab)\//.test(
    http,
  )
    ? http
    : undefined;
}

function both(text: { zh: string; en?: string | undefined }): LanguageMap {
  return text.en && text.en !== text.zh
    ? { zh: [text.zh], en: [text.en] }
    : { zh: [text.zh], en: [text.zh] };
}

function none(value: string): LanguageMap {
  return { none: [value] };
}

function entry(label: { zh: string; en: string }, value: LanguageMap): Json {
  return { label: { zh: [label.zh], en: [label.en] }, value };
}

/** The site as the provider of a manifest: its About page, and its home page. */
function provider(site: string | URL): Json[] {
  return [
    {
      id: absolute('/about/', site),
      type: 'Agent',
      label: both(SITE_NAME),
      homepage: [
        { id: absolute('/', site), type: 'Text', label: both(SITE_NAME), format: 'text/html' },
      ],
    },
  ];
}

/** A record's page in each language, as a manifest's `homepage`. */
function recordHomepages(
  collection: 'works' | 'crafts',
  slug: string,
  name: { zh: string; en: string },
  site: string | URL,
): Json[] {
  return (['zh', 'en'] as const).map((lang) => ({
    id: absolute(recordPath(collection, slug, lang), site),
    type: 'Text',
    label: { [lang]: [name[lang]] },
    format: 'text/html',
    language: [lang === 'zh' ? 'zh-Hans' : 'en'],
  }));
}

/** The images of a work that the ingest has processed, with their entries. */
export function workImages(ref: RecordRef<'works'>, lookup: ImageLookup) {
  return ref.data.images.flatMap((img) => {
    const media = lookup('works', ref.slug, img.file);
    const best = media ? largestDerivative(media, fallbackFormat(media)) : undefined;
    return media && best ? [{ img, media, best }] : [];
  });
}

/** Whether a work gets a manifest: it has at least one processed image. */
export function hasManifest(ref: RecordRef<'works'>, lookup: ImageLookup): boolean {
  return workImages(ref, lookup).length > 0;
}

function mime(d: Derivative): string {
  return d.format === 'jpeg' ? 'image/jpeg' : `image/${d.format}`;
}

function imageService(media: ImageEntry): Json[] | undefined {
  if (!media.iiif) return undefined;
  return [{ id: media.iiif.id, type: 'ImageService3', profile: 'level0' }];
}

function thumbnail(media: ImageEntry, site: string | URL): Json[] {
  const d = derivativeForWidth(media, 400, fallbackFormat(media));
  if (!d) return [];
  return [
    { id: absolute(d.url, site), type: 'Image', format: mime(d), width: d.width, height: d.height },
  ];
}

function metadata(ref: RecordRef<'works'>): Json[] {
  const w = ref.data;
  const label = (key: 'craftCategories' | 'periods' | 'materials', value: string) => ({
    zh: termLabel(key, value, 'zh'),
    en: termLabel(key, value, 'en'),
  });
  const join = (parts: { zh: string; en: string }[]) => ({
    zh: parts.map((p) => p.zh).join('、'),
    en: parts.map((p) => p.en).join(', '),
  });
  const rows: Json[] = [
    entry({ zh: '编号', en: 'Record ID' }, none(w.id)),
    entry({ zh: '门类', en: 'Category' }, both(label('craftCategories', w.category))),
    entry(
      { zh: '年代', en: 'Date' },
      both(
        w.date.display ?? {
          zh: `${label('periods', w.period).zh}（${w.date.start}—${w.date.end}）`,
          en: `${label('periods', w.period).en} (${w.date.start}–${w.date.end})`,
        },
      ),
    ),
    entry(
      { zh: '材质', en: 'Materials' },
      both(join(w.materials.map((m) => label('materials', m)))),
    ),
  ];
  if (w.region) rows.push(entry({ zh: '地区', en: 'Region' }, both(w.region.place)));
  const makers = w.makers.flatMap((m) => (m.name ? [m.name] : []));
  if (makers.length > 0) rows.push(entry({ zh: '制作者', en: 'Makers' }, both(join(makers))));
  if (w.heritage.length > 0)
    rows.push(entry({ zh: '非遗项目', en: 'Heritage item' }, none(w.heritage.join(', '))));
  const d = w.dimensions;
  if (d) {
    const parts = (
      [
        ['height', '高', 'H.'],
        ['width', '宽', 'W.'],
        ['depth', '深', 'D.'],
        ['diameter', '径', 'Diam.'],
        ['length', '长', 'L.'],
      ] as const
    ).flatMap(([key, zh, en]) => {
      const v = d[key];
      return v === undefined ? [] : [{ zh: `${zh} ${v} cm`, en: `${en} ${v} cm` }];
    });
    if (d.weight !== undefined) parts.push({ zh: `重 ${d.weight} g`, en: `Wt. ${d.weight} g` });
    if (parts.length > 0) {
      rows.push(
        entry(
          { zh: '尺寸', en: 'Dimensions' },
          {
            zh: [parts.map((p) => p.zh).join('，')],
            en: [parts.map((p) => p.en).join(', ')],
          },
        ),
      );
    }
  }
  if (w.holding) {
    const accession = w.holding.accession ? `, ${w.holding.accession}` : '';
    rows.push(
      entry(
        { zh: '收藏机构', en: 'Held by' },
        {
          zh: [`${w.holding.institution.zh}${accession}`],
          en: [`${w.holding.institution.en}${accession}`],
        },
      ),
    );
  }
  rows.push(entry({ zh: '最后修改', en: 'Last modified' }, none(ymd(refModified(ref)))));
  return rows;
}

/** The Presentation 3 Manifest of a work (undefined when it has no processed image). */
export function workManifest(ref: RecordRef<'works'>, ctx: IiifContext): Json | undefined {
  const images = workImages(ref, ctx.image);
  if (images.length === 0) return undefined;
  const w = ref.data;
  const id = absolute(manifestPath(w.id), ctx.site);
  const base = id.replace(/\/manifest\.json$/, '');
  const rights = iiifRights(findTerm('licenses', w.rights.license)?.url);
  const first = images[0];

  const canvases = images.map(({ img, media, best }, i) => {
    const canvasId = `${base}/canvas/${i + 1}`;
    const service = imageService(media);
    const imageRights = iiifRights(findTerm('licenses', img.rights.license)?.url);
    return {
      id: canvasId,
      type: 'Canvas',
      label: both(img.caption ?? img.alt),
      summary: both(img.alt),
      width: media.width,
      height: media.height,
      ...(imageRights ? { rights: imageRights } : {}),
      requiredStatement: entry({ zh: '图像署名', en: 'Image credit' }, none(img.rights.credit)),
      thumbnail: thumbnail(media, ctx.site),
      items: [
        {
          id: `${base}/page/${i + 1}`,
          type: 'AnnotationPage',
          items: [
            {
              id: `${base}/annotation/${i + 1}`,
              type: 'Annotation',
              motivation: 'painting',
              body: {
                id: absolute(best.url, ctx.site),
                type: 'Image',
                format: mime(best),
                width: best.width,
                height: best.height,
                ...(service ? { service } : {}),
              },
              target: canvasId,
            },
          ],
        },
      ],
    };
  });

  return {
    '@context': PRESENTATION_CONTEXT,
    id,
    type: 'Manifest',
    label: both(w.title),
    ...(w.summary ? { summary: both(w.summary) } : {}),
    metadata: metadata(ref),
    ...(rights ? { rights } : {}),
    requiredStatement: entry({ zh: '署名', en: 'Attribution' }, none(w.rights.credit)),
    provider: provider(ctx.site),
    thumbnail: first ? thumbnail(first.media, ctx.site) : [],
    homepage: recordHomepages('works', ref.slug, w.title, ctx.site),
    seeAlso: [
      {
        id: absolute(`/api/works/${w.id}.json`, ctx.site),
        type: 'Dataset',
        label: { zh: ['记录数据（JSON）'], en: ['Record data (JSON)'] },
        format: 'application/json',
      },
    ],
    partOf: [{ id: absolute(COLLECTION_PATH, ctx.site), type: 'Collection' }],
    items: canvases,
  };
}

/** Most manifests one Collection document lists; past it the Collection nests parts. */
export const COLLECTION_PAGE_SIZE = 1000;

/** Path of the `n`th part (from 1) of the works collection. */
export function collectionPartPath(n: number): string {
  return `/iiif/collection/${String(n)}.json`;
}

/**
 * The works that have a manifest, in parts of `pageSize`, so that no Collection document grows
 * with the archive: one part when all fit (listed in the top Collection itself).
 */
export function collectionParts(
  refs: RecordRef<'works'>[],
  lookup: ImageLookup,
  pageSize = COLLECTION_PAGE_SIZE,
): RecordRef<'works'>[][] {
  const withManifest = refs.filter((ref) => hasManifest(ref, lookup));
  const parts: RecordRef<'works'>[][] = [];
  for (let start = 0; start < withManifest.length; start += pageSize) {
    parts.push(withManifest.slice(start, start + pageSize));
  }
  return parts.length > 0 ? parts : [[]];
}

function partLabel(n: number, count: number): Json {
  return {
    zh: [`百工·云 馆藏作品（第 ${String(n)} 部分，共 ${String(count)} 部分）`],
    en: [`Baigong Cloud: works (part ${String(n)} of ${String(count)})`],
  };
}

/** The `n`th part of a nested works collection: a Collection of manifests, part of the top one. */
export function worksCollectionPart(
  refs: RecordRef<'works'>[],
  n: number,
  count: number,
  ctx: IiifContext,
): Json {
  return {
    '@context': PRESENTATION_CONTEXT,
    id: absolute(collectionPartPath(n), ctx.site),
    type: 'Collection',
    label: partLabel(n, count),
    partOf: [{ id: absolute(COLLECTION_PATH, ctx.site), type: 'Collection' }],
    items: manifestReferences(refs, ctx),
  };
}

function manifestReferences(refs: RecordRef<'works'>[], ctx: IiifContext): Json[] {
  return refs.flatMap((ref) => {
    const images = workImages(ref, ctx.image);
    const first = images[0];
    if (!first) return [];
    return [
      {
        id: absolute(manifestPath(ref.data.id), ctx.site),
        type: 'Manifest',
        label: both(ref.data.title),
        thumbnail: thumbnail(first.media, ctx.site),
      },
    ];
  });
}

/**
 * The IIIF Collection of every work that has a manifest: the manifests themselves, or past
 * `pageSize` the parts (`collectionPartPath`) as nested Collections.
 */
export function worksCollection(
  refs: RecordRef<'works'>[],
  ctx: IiifContext,
  pageSize = COLLECTION_PAGE_SIZE,
): Json {
  const parts = collectionParts(refs, ctx.image, pageSize);
  const items =
    parts.length === 1
      ? manifestReferences(parts[0] ?? [], ctx)
      : parts.map((_, i) => ({
          id: absolute(collectionPartPath(i + 1), ctx.site),
          type: 'Collection',
          label: partLabel(i + 1, parts.length),
        }));
  return {
    '@context': PRESENTATION_CONTEXT,
    id: absolute(COLLECTION_PATH, ctx.site),
    type: 'Collection',
    label: { zh: ['百工·云 馆藏作品'], en: ['Baigong Cloud: works'] },
    summary: {
      zh: ['百工·云全部带图像作品的 IIIF 清单。'],
      en: ['IIIF manifests of every work with images in Baigong Cloud.'],
    },
    requiredStatement: entry(
      { zh: '许可', en: 'Licenses' },
      {
        zh: ['各作品的许可与署名见其清单。'],
        en: ['Each manifest states the license and credit of its work.'],
      },
    ),
    homepage: [
      {
        id: absolute('/works/', ctx.site),
        type: 'Text',
        label: { zh: ['作品'] },
        format: 'text/html',
        language: ['zh-Hans'],
      },
      {
        id: absolute('/en/works/', ctx.site),
        type: 'Text',
        label: { en: ['Works'] },
        format: 'text/html',
        language: ['en'],
      },
    ],
    items,
  };
}

/** Permanent link of a work, for "see also" text beside the viewer. */
export function workPermalink(ref: RecordRef<'works'>, lang: Lang, site: string | URL): string {
  return absolute(permanentPath(ref.data.id, lang), site);
}

/** A film or recording as the AV manifest needs it (src/lib/site/films.ts `FilmView` fits). */
/** Text in Chinese and, where given, English. */
type Text = { zh: string; en?: string | undefined };

export interface ManifestFilm {
  file: string;
  title: Text;
  description?: Text | undefined;
  illustration: boolean;
  rights: { license: string; holder: string; credit: string };
  media: VideoEntry | AudioEntry;
  captions: readonly { language: string; generated: boolean; url: string }[];
  chapters: readonly { title: Text; start: number; end: number }[];
}

const CAPTION_LABELS: Record<string, { zh: string; en: string }> = {
  'zh-Hans': { zh: '中文字幕（简体）', en: 'Chinese captions (simplified)' },
  'zh-Hant': {
    zh: '中文字幕（繁体，由简体转换）',
    en: 'Chinese captions (traditional, converted)',
  },
  en: { zh: '英文字幕', en: 'English captions' },
};

/**
 * The IIIF manifest of a craft's films and recordings, after the IIIF cookbook's audio and video
 * recipes: a Canvas per film with its `duration` (and size, for video), painted by the largest
 * MP4 (or the AAC recording); the captions as `supplementing` annotations of WebVTT files; the
 * process steps the film shows as Ranges over its time (`#t=start,end`), so a viewer's table of
 * contents is the list of steps. Undefined when no film has been processed.
 */
export function craftFilmManifest(
  ref: RecordRef<'crafts'>,
  films: readonly ManifestFilm[],
  site: string | URL,
): Json | undefined {
  if (films.length === 0) return undefined;
  const c = ref.data;
  const id = absolute(manifestPath(c.id), site);
  const base = id.replace(/\/manifest\.json$/, '');
  const canvasOf = (n: number) => `${base}/canvas/${String(n + 1)}`;
  const canvases = films.map((film, n) => {
    const canvasId = canvasOf(n);
    const media = film.media;
    const video = media.kind === 'video' ? media.renditions[0] : undefined;
    const sound = media.kind === 'audio' ? media.versions[0] : undefined;
    const body = video
      ? {
          id: absolute(video.url, site),
          type: 'Video',
          format: 'video/mp4',
          width: video.width,
          height: video.height,
          duration: media.seconds,
        }
      : {
          id: absolute(sound?.url ?? '', site),
          type: 'Sound',
          format: sound?.type ?? 'audio/mp4',
          duration: media.seconds,
        };
    const filmRights = iiifRights(findTerm('licenses', film.rights.license)?.url);
    return {
      id: canvasId,
      type: 'Canvas',
      label: both(film.title),
      // a generated film says so wherever it is shown, as on the page
      ...(film.illustration
        ? {
            metadata: [
              entry(
                { zh: '类型', en: 'Kind' },
                both({ zh: '示意影片，非实拍', en: 'Illustration, not filmed work' }),
              ),
            ],
          }
        : {}),
      ...(film.description ? { summary: both(film.description) } : {}),
      ...(media.kind === 'video' ? { width: media.width, height: media.height } : {}),
      duration: media.seconds,
      ...(filmRights ? { rights: filmRights } : {}),
      requiredStatement: entry({ zh: '署名', en: 'Attribution' }, none(film.rights.credit)),
      ...(media.kind === 'video'
        ? {
            thumbnail: [
              {
                id: absolute(media.poster.url, site),
                type: 'Image',
                format: 'image/webp',
                width: media.poster.width,
                height: media.poster.height,
              },
            ],
          }
        : {}),
      items: [
        {
          id: `${canvasId}/page`,
          type: 'AnnotationPage',
          items: [
            {
              id: `${canvasId}/page/annotation`,
              type: 'Annotation',
              motivation: 'painting',
              body,
              target: canvasId,
            },
          ],
        },
      ],
      ...(film.captions.length > 0
        ? {
            annotations: [
              {
                id: `${canvasId}/captions`,
                type: 'AnnotationPage',
                items: film.captions.map((captions) => ({
                  id: `${canvasId}/captions/${captions.language}`,
                  type: 'Annotation',
                  motivation: 'supplementing',
                  body: {
                    id: absolute(captions.url, site),
                    type: 'Text',
                    format: 'text/vtt',
                    language: captions.language,
                    label: both(
                      CAPTION_LABELS[captions.language] ?? {
                        zh: captions.language,
                        en: captions.language,
                      },
                    ),
                  },
                  target: canvasId,
                })),
              },
            ],
          }
        : {}),
    };
  });
  const ranges = films.flatMap((film, n) =>
    film.chapters.map((chapter, k) => ({
      id: `${base}/range/${String(n + 1)}/${String(k + 1)}`,
      type: 'Range',
      label: both(chapter.title),
      items: [
        {
          id: `${canvasOf(n)}#t=${String(chapter.start)},${String(chapter.end)}`,
          type: 'Canvas',
        },
      ],
    })),
  );
  return {
    '@context': PRESENTATION_CONTEXT,
    id,
    type: 'Manifest',
    label: both({ zh: `${c.name.zh}：影像`, en: `${c.name.en}: films and recordings` }),
    summary: both(c.summary),
    requiredStatement: entry(
      { zh: '署名', en: 'Attribution' },
      none(films.map((f) => f.rights.credit).join('; ')),
    ),
    provider: provider(site),
    homepage: recordHomepages('crafts', ref.slug, c.name, site),
    items: canvases,
    ...(ranges.length > 0
      ? {
          structures: [
            {
              id: `${base}/range/steps`,
              type: 'Range',
              label: both({ zh: '工序', en: 'Process steps' }),
              items: ranges,
            },
          ],
        }
      : {}),
  };
}
