/**
 * Linked data for record pages: schema.org JSON-LD and Dublin Core meta tags. Pure: pages pass the
 * site address, the media lookup and a name lookup for linked records.
 *
 * Each page gets one JSON-LD block holding a `@graph` of two nodes:
 * - the thing the record describes, typed per collection (VisualArtwork for works; HowTo for crafts
 *   with process steps, otherwise CreativeWork, with its films as VideoObject whose Clips are the
 *   steps they show; Person; Place for clusters; ExhibitionEvent), with
 *   `@id` `<site>/id/<ID>/#this` (the same in both languages), `identifier` (the stable ID as a
 *   PropertyValue and the permanent URL), images and links to related records by their `@id`;
 * - the page itself (ItemPage, ProfilePage for people), with its language, license, dates and the
 *   same identifiers, whose `mainEntity` is the thing.
 * Rights belong to the record, not to the thing it describes: a Qing bowl is neither CC BY nor
 * owned by whoever photographed it. The page carries the record's `license`, `copyrightHolder` and
 * `creditText`; each ImageObject carries its image's own (from `images[].rights`).
 * Every property is used on a type schema.org allows it on (tests/unit/research/jsonld-vocabulary
 * checks each one against the schema.org vocabulary). Years are ISO 8601 years, BCE in
 * astronomical numbering (see {@link isoYear}).
 */
import type { Lang } from '../records/vocabularies.ts';
import { findTerm, termLabel } from '../records/vocabularies.ts';
import { largestDerivative, type AudioEntry, type VideoEntry } from '../records/media-manifest.ts';
import type { Collection } from '../../schemas/index.ts';
import {
  refImages,
  refLicense,
  refModified,
  refName,
  refSummary,
  ymd,
  type AnyRecordRef,
  type ImageLookup,
} from '../records/record-ref.ts';
import { absolute, filmAnchor, permanentPath, recordPath, SITE_NAME } from '../site/urls.ts';

type AvEntry = VideoEntry | AudioEntry;

export interface LinkedDataContext {
  /** Public address of the site. */
  site: string | URL;
  /** The ingest's entry for a master file. */
  image: ImageLookup;
  /** Names of other records by stable ID, for links (optional). */
  name?: ((id: string) => { zh: string; en: string } | undefined) | undefined;
  /** The ingest's entry for a film or recording (optional: without it no film is described). */
  av?: ((collection: Collection, slug: string, file: string) => AvEntry | undefined) | undefined;
}

export const htmlLanguage: Record<Lang, string> = { zh: 'zh-Hans', en: 'en' };

type Json = Record<string, unknown>;

/** The `@id` of the thing a record describes. */
export function entityId(id: string, site: string | URL): string {
  return `${absolute(permanentPath(id, 'zh'), site)}#this`;
}

/** Absolute URL of a license key (undefined for unknown keys). */
export function licenseUrl(key: string): string | undefined {
  return findTerm('licenses', key)?.url;
}

/** Stable ID and permanent address, as schema.org identifiers. */
export function identifiers(id: string, lang: Lang, site: string | URL): unknown[] {
  return [
    { '@type': 'PropertyValue', propertyID: 'Baigong Cloud record ID', value: id },
    absolute(permanentPath(id, lang), site),
  ];
}

function images(ref: AnyRecordRef, lang: Lang, ctx: LinkedDataContext): Json[] {
  return refImages(ref).flatMap((img) => {
    const entry = ctx.image(ref.collection, ref.slug, img.file);
    const best = entry ? (largestDerivative(entry, 'jpeg') ?? largestDerivative(entry)) : undefined;
    if (!entry || !best) return [];
    const license = licenseUrl(img.rights.license);
    return [
      {
        '@type': 'ImageObject',
        contentUrl: absolute(best.url, ctx.site),
        url: absolute(best.url, ctx.site),
        width: best.width,
        height: best.height,
        encodingFormat: `image/${best.format}`,
        caption: (img.caption ?? img.alt)[lang],
        description: img.alt[lang],
        creditText: img.rights.credit,
        copyrightHolder: { '@type': 'Organization', name: img.rights.holder },
        ...(license ? { license } : {}),
      },
    ];
  });
}

function link(id: string, type: string, lang: Lang, ctx: LinkedDataContext): Json {
  const name = ctx.name?.(id);
  return {
    '@type': type,
    '@id': entityId(id, ctx.site),
    url: absolute(permanentPath(id, lang), ctx.site),
    ...(name ? { name: name[lang] } : {}),
  };
}

function place(p: { code: string; place: { zh: string; en: string } }, lang: Lang): Json {
  return {
    '@type': 'Place',
    name: p.place[lang],
    address: { '@type': 'PostalAddress', addressRegion: p.place[lang], addressCountry: 'CN' },
    additionalProperty: { '@type': 'PropertyValue', propertyID: 'GB/T 2260', value: p.code },
  };
}

/**
 * ISO 8601 year of a record year. Records count years as historians do (negative = BCE, no year
 * 0); ISO 8601 uses astronomical numbering, where 1 BCE is 0000 and 1000 BCE is -0999 (ISO 8601-1
 * §4.3.2 and schema.org's Date follow it). A 0 in a record is read as 1 BCE too.
 */
export function isoYear(year: number): string {
  const astronomical = year < 0 ? year + 1 : year;
  const digits = String(Math.abs(astronomical)).padStart(4, '0');
  return astronomical < 0 ? `-${digits}` : digits;
}

/** ISO 8601 date or interval of a span of years: `1736` or `1736/1795`. */
export function isoYearSpan(start: number, end: number): string {
  return start === end ? isoYear(start) : `${isoYear(start)}/${isoYear(end)}`;
}

/** Who curated an exhibition: the site's editorial team is an organisation, anyone else a person. */
function curatorNode(
  curator: { zh: string; en: string },
  lang: Lang,
  ctx: LinkedDataContext,
): Json {
  const team = curator.zh.startsWith(SITE_NAME.zh);
  return team
    ? {
        '@type': 'Organization',
        name: curator[lang],
        parentOrganization: siteOrganization(lang, ctx),
      }
    : { '@type': 'Person', name: curator[lang] };
}

/** The site as an organisation. */
function siteOrganization(lang: Lang, ctx: LinkedDataContext): Json {
  return {
    '@type': 'Organization',
    name: SITE_NAME[lang],
    url: absolute(lang === 'en' ? '/en/' : '/', ctx.site),
  };
}

/** A measurement in centimetres. */
function cm(value: number | undefined, name?: string): Json | undefined {
  return value === undefined
    ? undefined
    : {
        '@type': 'QuantitativeValue',
        ...(name ? { name } : {}),
        value,
        unitCode: 'CMT',
        unitText: 'cm',
      };
}

/** ISO 8601 duration of whole seconds (`PT30S`). */
const isoDuration = (seconds: number) => `PT${String(Math.round(seconds))}S`;

/**
 * A craft's published films as VideoObject (or AudioObject), each process step shown in one as
 * a Clip with its start and end and a link that opens the film there; `clips` maps a step's
 * position to its Clip's `@id`, for the step's `video`.
 */
function craftFilms(
  ref: Extract<AnyRecordRef, { collection: 'crafts' }>,
  lang: Lang,
  ctx: LinkedDataContext,
): { films: Json[]; clips: Map<number, string> } {
  const page = absolute(recordPath(ref.collection, ref.slug, lang), ctx.site);
  const clips = new Map<number, string>();
  const films = ref.data.films.flatMap((film): Json[] => {
    const media = ctx.av?.(ref.collection, ref.slug, film.file);
    if (!media) return [];
    const anchor = filmAnchor(film.file);
    const parts = ref.data.steps.flatMap((step, i) => {
      if (step.clip?.film !== film.file) return [];
      const id = `${page}#${anchor}-step-${String(i + 1)}`;
      clips.set(i, id);
      return [
        {
          '@type': 'Clip',
          '@id': id,
          name: step.title[lang],
          startOffset: step.clip.start,
          endOffset: step.clip.end,
          url: `${page}?t=${String(step.clip.start)}#${anchor}`,
        },
      ];
    });
    const largest = media.kind === 'video' ? media.renditions[0] : media.versions[0];
    return [
      {
        '@type': media.kind === 'video' ? 'VideoObject' : 'AudioObject',
        '@id': `${page}#${anchor}`,
        name: film.title[lang],
        ...(film.description ? { description: film.description[lang] } : {}),
        ...(film.illustration ? { genre: lang === 'zh' ? '示意动画' : 'illustration' } : {}),
        url: `${page}#${anchor}`,
        ...(largest ? { contentUrl: absolute(largest.url, ctx.site) } : {}),
        ...(media.kind === 'video'
          ? { thumbnailUrl: absolute(media.poster.url, ctx.site), encodingFormat: 'video/mp4' }
          : {}),
        duration: isoDuration(media.seconds),
        license: licenseUrl(film.rights.license) ?? film.rights.license,
        copyrightHolder: { '@type': 'Organization', name: film.rights.holder },
        creditText: film.rights.credit,
        ...(parts.length > 0 ? { hasPart: parts } : {}),
      },
    ];
  });
  return { films, clips };
}

function entity(ref: AnyRecordRef, lang: Lang, ctx: LinkedDataContext): Json {
  const name = refName(ref);
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const summary = refSummary(ref);
  const common: Json = {
    '@id': entityId(ref.data.id, ctx.site),
    identifier: identifiers(ref.data.id, lang, ctx.site),
    name: name[lang],
    alternateName: name[other] === name[lang] ? [] : [name[other]],
    url: absolute(recordPath(ref.collection, ref.slug, lang), ctx.site),
    ...(summary ? { description: summary[lang] } : {}),
  };
  const pictures = images(ref, lang, ctx);
  if (pictures.length > 0) common['image'] = pictures;
  const sep = lang === 'zh' ? '、' : ', ';

  switch (ref.collection) {
    case 'works': {
      const w = ref.data;
      const dims = w.dimensions;
      const weight = dims?.weight
        ? { '@type': 'QuantitativeValue', name: 'weight', value: dims.weight, unitCode: 'GRM' }
        : undefined;
      const sizes = [cm(dims?.diameter, 'diameter'), cm(dims?.length, 'length'), weight].filter(
        (v): v is Json => v !== undefined,
      );
      return {
        // A work held by an institution is also an archive component: schema.org defines
        // `holdingArchive` (the institution that keeps it) on ArchiveComponent only.
        '@type': w.holding ? ['VisualArtwork', 'ArchiveComponent'] : 'VisualArtwork',
        ...common,
        alternateName: [...(common['alternateName'] as string[]), ...w.otherNames],
        artform: termLabel('craftCategories', w.category, lang),
        artMedium: w.materials.map((m) => termLabel('materials', m, lang)).join(sep),
        material: w.materials.map((m) => termLabel('materials', m, lang)),
        // One date (a year) or, for a span, nothing here: schema.org's dateCreated is a single
        // Date. The span is an ISO 8601 interval in temporalCoverage, the wording in `temporal`.
        ...(w.date.start === w.date.end ? { dateCreated: isoYear(w.date.start) } : {}),
        temporalCoverage: isoYearSpan(w.date.start, w.date.end),
        ...(w.date.display ? { temporal: w.date.display[lang] } : {}),
        ...(w.region ? { locationCreated: place(w.region, lang) } : {}),
        creator: w.makers.map((m) =>
          m.person
            ? {
                ...link(m.person, 'Person', lang, ctx),
                ...(m.role ? { jobTitle: m.role[lang] } : {}),
              }
            : {
                '@type': 'Person',
                name: m.name?.[lang],
                ...(m.role ? { jobTitle: m.role[lang] } : {}),
              },
        ),
        ...(cm(dims?.height) ? { height: cm(dims?.height) } : {}),
        ...(cm(dims?.width) ? { width: cm(dims?.width) } : {}),
        ...(cm(dims?.depth) ? { depth: cm(dims?.depth) } : {}),
        // A diameter or length is neither width nor height, and schema.org's `weight` is for
        // products and people: named sizes.
        ...(sizes.length > 0 ? { size: sizes } : {}),
        keywords: [...w.tags, ...w.heritage].join(', ') || undefined,
        about: w.techniques.map((id) => link(id, 'CreativeWork', lang, ctx)),
        ...(w.holding
          ? {
              holdingArchive: {
                '@type': 'ArchiveOrganization',
                name: w.holding.institution[lang],
              },
              ...(w.holding.url ? { sameAs: w.holding.url } : {}),
              ...(w.holding.accession
                ? {
                    identifier: [
                      ...(common['identifier'] as unknown[]),
                      {
                        '@type': 'PropertyValue',
                        propertyID: 'accession number',
                        value: w.holding.accession,
                      },
                    ],
                  }
                : {}),
            }
          : {}),
        ...(w.cluster ? { spatialCoverage: link(w.cluster, 'Place', lang, ctx) } : {}),
      };
    }
    case 'crafts': {
      const c = ref.data;
      const howTo = c.steps.length > 0;
      const { films, clips } = craftFilms(ref, lang, ctx);
      const videos = films.filter((f) => f['@type'] === 'VideoObject');
      const recordings = films.filter((f) => f['@type'] === 'AudioObject');
      return {
        '@type': howTo ? 'HowTo' : 'CreativeWork',
        ...common,
        alternateName: [...(common['alternateName'] as string[]), ...c.otherNames],
        inLanguage: htmlLanguage[lang],
        genre: termLabel('craftCategories', c.category, lang),
        keywords: c.heritage.map((h) => h.code).join(', ') || undefined,
        spatialCoverage: c.regions.map((r) => place(r, lang)),
        ...(howTo
          ? {
              step: c.steps.map((s, i) => ({
                '@type': 'HowToStep',
                position: i + 1,
                name: s.title[lang],
                text: s.text[lang],
                ...(clips.has(i) ? { video: { '@id': clips.get(i) } } : {}),
              })),
              supply: c.materials.map((m) => ({
                '@type': 'HowToSupply',
                name: termLabel('materials', m, lang),
              })),
              tool: c.tools.map((t) => ({
                '@type': 'HowToTool',
                name: termLabel('tools', t, lang),
              })),
            }
          : {}),
        ...(c.history ? { abstract: c.history[lang] } : {}),
        ...(videos.length > 0 ? { video: videos } : {}),
        ...(recordings.length > 0 ? { audio: recordings } : {}),
        workExample: c.relatedWorks.map((id) => link(id, 'VisualArtwork', lang, ctx)),
      };
    }
    case 'people': {
      const p = ref.data;
      return {
        '@type': 'Person',
        ...common,
        name: lang === 'zh' ? p.name.zh : p.name.en,
        alternateName: [lang === 'zh' ? p.name.en : p.name.zh, p.name.pinyin].filter(
          (n, i, all) => all.indexOf(n) === i && n !== (lang === 'zh' ? p.name.zh : p.name.en),
        ),
        ...(p.life?.born !== undefined ? { birthDate: isoYear(p.life.born) } : {}),
        ...(p.life?.died !== undefined ? { deathDate: isoYear(p.life.died) } : {}),
        ...(p.region ? { workLocation: place(p.region, lang) } : {}),
        knowsAbout: p.crafts.map((id) => link(id, 'CreativeWork', lang, ctx)),
        award: p.designations.map((h) => (h.year ? `${h.title[lang]} (${h.year})` : h.title[lang])),
      };
    }
    case 'clusters': {
      const c = ref.data;
      return {
        '@type': 'Place',
        ...common,
        address: {
          '@type': 'PostalAddress',
          addressRegion: c.region.place[lang],
          addressCountry: 'CN',
        },
        additionalProperty: [c.region.province, c.region.city, c.region.county]
          .filter((code): code is string => code !== undefined)
          .map((code) => ({ '@type': 'PropertyValue', propertyID: 'GB/T 2260', value: code })),
        subjectOf: [
          ...c.crafts.map((id) => link(id, 'CreativeWork', lang, ctx)),
          ...c.works.map((id) => link(id, 'VisualArtwork', lang, ctx)),
        ],
      };
    }
    case 'cases': {
      const k = ref.data;
      return {
        '@type': 'Organization',
        ...common,
        address: {
          '@type': 'PostalAddress',
          addressRegion: k.region.province,
          addressCountry: 'CN',
        },
        award: k.designations.map((d) => d.title[lang] ?? d.title.zh),
        knowsAbout: k.crafts.map((id) => link(id, 'CreativeWork', lang, ctx)),
      };
    }
    case 'exhibitions': {
      const e = ref.data;
      const pageUrl = absolute(recordPath(ref.collection, ref.slug, lang), ctx.site);
      return {
        '@type': 'ExhibitionEvent',
        ...common,
        inLanguage: htmlLanguage[lang],
        startDate: ymd(e.dates.start),
        ...(e.dates.end ? { endDate: ymd(e.dates.end) } : {}),
        eventStatus: 'https://schema.org/EventScheduled',
        eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
        location: { '@type': 'VirtualLocation', url: pageUrl },
        organizer: siteOrganization(lang, ctx),
        // schema.org's Role pattern: the curator with the role they played.
        contributor: {
          '@type': 'Role',
          roleName: lang === 'zh' ? '策展' : 'curator',
          contributor: curatorNode(e.curator, lang, ctx),
        },
        workFeatured: e.works.map((id) => link(id, 'VisualArtwork', lang, ctx)),
      };
    }
  }
}

/**
 * The rights in a record (its text and data): the license of every record, and for works the
 * holder and credit line the record states.
 */
function recordRights(ref: AnyRecordRef): Json {
  return {
    license: licenseUrl(refLicense(ref)),
    ...(ref.collection === 'works'
      ? {
          copyrightHolder: { '@type': 'Organization', name: ref.data.rights.holder },
          creditText: ref.data.rights.credit,
        }
      : {}),
  };
}

/** The JSON-LD document of a record page. */
export function recordJsonLd(ref: AnyRecordRef, lang: Lang, ctx: LinkedDataContext): Json {
  const thing = entity(ref, lang, ctx);
  const pageUrl = absolute(recordPath(ref.collection, ref.slug, lang), ctx.site);
  const page: Json = {
    '@type': ref.collection === 'people' ? 'ProfilePage' : 'ItemPage',
    '@id': pageUrl,
    url: pageUrl,
    name: `${refName(ref)[lang]} · ${SITE_NAME[lang]}`,
    identifier: identifiers(ref.data.id, lang, ctx.site),
    inLanguage: htmlLanguage[lang],
    ...recordRights(ref),
    ...(ref.collection === 'exhibitions' && ref.data.subtitle
      ? { alternativeHeadline: ref.data.subtitle[lang] }
      : {}),
    datePublished: ymd(ref.data.added),
    dateModified: ymd(refModified(ref)),
    mainEntity: { '@id': thing['@id'] },
    isPartOf: {
      '@type': 'WebSite',
      name: SITE_NAME[lang],
      url: absolute(lang === 'en' ? '/en/' : '/', ctx.site),
    },
    publisher: siteOrganization(lang, ctx),
  };
  const pictures = thing['image'] as Json[] | undefined;
  if (pictures?.[0]) page['primaryImageOfPage'] = pictures[0];
  return { '@context': 'https://schema.org', '@graph': [prune(thing), prune(page)] };
}

/** Drops undefined values and empty arrays, so the output stays tidy. */
function prune(value: Json): Json {
  return Object.fromEntries(
    Object.entries(value).filter(
      ([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
    ),
  );
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the tag. */
export function jsonLdScript(doc: unknown): string {
  return JSON.stringify(doc).replace(/</g, '\\u003c');
}

/**
 * A corporate name as reference managers read it from a `DC.creator` tag. Zotero (and EndNote)
 * split a name without a comma at its last space ("Baigong Cloud" becomes Cloud, B.) and read a
 * name with a comma as "Family, Given"; a trailing comma leaves the whole name as the family name
 * with no given name, which is one name, as a corporate author should be. Names without a space
 * (百工·云) are never split and stay as they are.
 */
export function corporateCreator(name: string): string {
  return /\s/.test(name) ? `${name},` : name;
}

/**
 * Dublin Core (DCMI terms) meta tags of a record page, as name/content pairs, plus the HighWire
 * `citation_public_url` that reference managers take as the item's address (so a page reached
 * through `/id/<ID>/` is saved with that permanent link, not the address it forwarded to).
 * No `DC.type`: reference managers print it as the item's genre ("[PhysicalObject]"), and the page
 * is a web page whatever it describes (its schema.org type says what the record is about).
 */
export function dublinCore(ref: AnyRecordRef, lang: Lang, site: string | URL): [string, string][] {
  const name = refName(ref);
  const summary = refSummary(ref);
  const license = licenseUrl(refLicense(ref));
  const permalink = absolute(permanentPath(ref.data.id, lang), site);
  const tags: [string, string][] = [
    ['DC.title', name[lang]],
    ...(name[lang === 'zh' ? 'en' : 'zh'] !== name[lang]
      ? ([['DCTERMS.alternative', name[lang === 'zh' ? 'en' : 'zh']]] as [string, string][])
      : []),
    ['DC.creator', corporateCreator(SITE_NAME[lang])],
    ['DC.publisher', SITE_NAME[lang]],
    ['DC.identifier', ref.data.id],
    ['DC.identifier', permalink],
    ['citation_public_url', permalink],
    ['DC.language', htmlLanguage[lang]],
    ['DC.format', 'text/html'],
    ['DCTERMS.created', ymd(ref.data.added)],
    ['DCTERMS.modified', ymd(refModified(ref))],
    ...(summary ? ([['DC.description', summary[lang]]] as [string, string][]) : []),
    ...(license
      ? ([
          ['DC.rights', license],
          ['DCTERMS.license', license],
        ] as [string, string][])
      : []),
  ];
  if (ref.collection === 'works') {
    const w = ref.data;
    tags.push(['DC.subject', termLabel('craftCategories', w.category, lang)]);
    for (const m of w.materials) tags.push(['DCTERMS.medium', termLabel('materials', m, lang)]);
    tags.push([
      'DCTERMS.temporal',
      w.date.display?.[lang] ?? isoYearSpan(w.date.start, w.date.end),
    ]);
    if (w.region) tags.push(['DCTERMS.spatial', w.region.place[lang]]);
    tags.push(['DCTERMS.rightsHolder', w.rights.holder]);
  } else if (ref.collection === 'crafts') {
    tags.push(['DC.subject', termLabel('craftCategories', ref.data.category, lang)]);
    for (const r of ref.data.regions) tags.push(['DCTERMS.spatial', r.place[lang]]);
  } else if (ref.collection === 'clusters') {
    tags.push(['DCTERMS.spatial', ref.data.region.place[lang]]);
  } else if (ref.collection === 'people' && ref.data.region) {
    tags.push(['DCTERMS.spatial', ref.data.region.place[lang]]);
  }
  return tags;
}
