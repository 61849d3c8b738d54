/**
 * Linked data for record pages: schema.org JSON-LD and Dublin Core meta tags. Pure: pages pass the
 * site address, the media lookup and a name lookup for linked records.
 *
 * Each page gets one JSON-LD block holding a `@graph` of two nodes:
 * - the thing the record describes, typed per collection (VisualArtwork for works; HowTo for crafts
 *   with process steps, otherwise CreativeWork; Person; Place for clusters; ExhibitionEvent), with
 *   `@id` `<site>/id/<ID>/#this` (the same in both languages), `identifier` (the stable ID as a
 *   PropertyValue and the permanent URL), images and links to related records by their `@id`;
 * - the page itself (ItemPage, ProfilePage for people), with its language, license, dates and the
 *   same identifiers, whose `mainEntity` is the thing.
 * Creative works also carry `license` themselves; a person, place or event is not licensed, the
 * page describing it is.
 */
import type { Lang } from './vocabularies.ts';
import { findTerm, termLabel } from './vocabularies.ts';
import { largestDerivative } from './media-manifest.ts';
import {
  absolute,
  refImages,
  refLicense,
  refModified,
  refName,
  refSummary,
  SITE_NAME,
  ymd,
  type AnyRecordRef,
  type ImageLookup,
} from './record-ref.ts';
import { permanentPath, recordPath } from './urls.ts';

export interface LinkedDataContext {
  /** Public address of the site. */
  site: string | URL;
  /** The ingest's entry for a master file. */
  image: ImageLookup;
  /** Names of other records by stable ID, for links (optional). */
  name?: ((id: string) => { zh: string; en: string } | undefined) | undefined;
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

/** ISO 8601 year (negative years are BCE, astronomical numbering as ISO 8601 extended years). */
function isoYear(year: number): string {
  if (year >= 0) return String(year).padStart(4, '0');
  return `-${String(-year + 1).padStart(4, '0')}`;
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
  const creative = {
    inLanguage: htmlLanguage[lang],
    license: licenseUrl(refLicense(ref)),
  };
  const sep = lang === 'zh' ? '、' : ', ';

  switch (ref.collection) {
    case 'works': {
      const w = ref.data;
      const dims = w.dimensions;
      const cm = (v: number | undefined) =>
        v === undefined
          ? undefined
          : { '@type': 'QuantitativeValue', value: v, unitCode: 'CMT', unitText: 'cm' };
      return {
        '@type': 'VisualArtwork',
        ...common,
        alternateName: [...(common['alternateName'] as string[]), ...w.otherNames],
        ...creative,
        artform: termLabel('craftCategories', w.category, lang),
        artMedium: w.materials.map((m) => termLabel('materials', m, lang)).join(sep),
        material: w.materials.map((m) => termLabel('materials', m, lang)),
        temporalCoverage:
          w.date.display?.[lang] ?? `${isoYear(w.date.start)}/${isoYear(w.date.end)}`,
        dateCreated:
          w.date.start === w.date.end
            ? isoYear(w.date.start)
            : `${isoYear(w.date.start)}/${isoYear(w.date.end)}`,
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
        ...(cm(dims?.width ?? dims?.diameter) ? { width: cm(dims?.width ?? dims?.diameter) } : {}),
        ...(cm(dims?.depth) ? { depth: cm(dims?.depth) } : {}),
        ...(dims?.weight
          ? { weight: { '@type': 'QuantitativeValue', value: dims.weight, unitCode: 'GRM' } }
          : {}),
        copyrightHolder: { '@type': 'Organization', name: w.rights.holder },
        creditText: w.rights.credit,
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
      return {
        '@type': howTo ? 'HowTo' : 'CreativeWork',
        ...common,
        alternateName: [...(common['alternateName'] as string[]), ...c.otherNames],
        ...creative,
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
              })),
              supply: c.materials.map((m) => ({
                '@type': 'HowToSupply',
                name: termLabel('materials', m, lang),
              })),
              tool: c.tools.map((t) => ({ '@type': 'HowToTool', name: t[lang] })),
            }
          : {}),
        ...(c.history ? { abstract: c.history[lang] } : {}),
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
        award: p.honours.map((h) => (h.year ? `${h.title[lang]} (${h.year})` : h.title[lang])),
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
    case 'exhibitions': {
      const e = ref.data;
      const pageUrl = absolute(recordPath(ref.collection, ref.slug, lang), ctx.site);
      return {
        '@type': 'ExhibitionEvent',
        ...common,
        ...(e.subtitle ? { alternativeHeadline: e.subtitle[lang] } : {}),
        inLanguage: htmlLanguage[lang],
        startDate: ymd(e.dates.start),
        ...(e.dates.end ? { endDate: ymd(e.dates.end) } : {}),
        eventStatus: 'https://schema.org/EventScheduled',
        eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
        location: { '@type': 'VirtualLocation', url: pageUrl },
        organizer: {
          '@type': 'Organization',
          name: SITE_NAME[lang],
          url: absolute(lang === 'en' ? '/en/' : '/', ctx.site),
        },
        contributor: {
          '@type': 'Person',
          name: e.curator[lang],
          roleName: lang === 'zh' ? '策展' : 'curator',
        },
        workFeatured: e.works.map((id) => link(id, 'VisualArtwork', lang, ctx)),
      };
    }
  }
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
    license: licenseUrl(refLicense(ref)),
    datePublished: ymd(ref.data.added),
    dateModified: ymd(refModified(ref)),
    mainEntity: { '@id': thing['@id'] },
    isPartOf: {
      '@type': 'WebSite',
      name: SITE_NAME[lang],
      url: absolute(lang === 'en' ? '/en/' : '/', ctx.site),
    },
    publisher: { '@type': 'Organization', name: SITE_NAME[lang] },
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

/** Dublin Core (DCMI terms) meta tags of a record page, as name/content pairs. */
export function dublinCore(ref: AnyRecordRef, lang: Lang, site: string | URL): [string, string][] {
  const name = refName(ref);
  const summary = refSummary(ref);
  const license = licenseUrl(refLicense(ref));
  const tags: [string, string][] = [
    ['DC.title', name[lang]],
    ...(name[lang === 'zh' ? 'en' : 'zh'] !== name[lang]
      ? ([['DCTERMS.alternative', name[lang === 'zh' ? 'en' : 'zh']]] as [string, string][])
      : []),
    ['DC.creator', SITE_NAME[lang]],
    ['DC.publisher', SITE_NAME[lang]],
    ['DC.identifier', ref.data.id],
    ['DC.identifier', absolute(permanentPath(ref.data.id, lang), site)],
    ['DC.language', htmlLanguage[lang]],
    [
      'DC.type',
      ref.collection === 'works'
        ? 'PhysicalObject'
        : ref.collection === 'exhibitions'
          ? 'Event'
          : 'Text',
    ],
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
    tags.push(['DCTERMS.temporal', w.date.display?.[lang] ?? `${w.date.start}/${w.date.end}`]);
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
