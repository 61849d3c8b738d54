/**
 * What each record type gives its search document beyond the fields every record has (name,
 * summary, licence, images: see record-ref.ts): other names, vocabulary keys, places, related
 * names, dates. One case per collection, so a new record type fails the type check here.
 * Pure.
 */
import type { MediaManifest } from '../records/media-manifest.ts';
import type { AnyRecordRef } from '../records/record-ref.ts';
import type { Concept } from '../thesaurus/index.ts';
import { objectTypeLabels } from '../thesaurus/search.ts';
import { findTerm } from '../records/vocabularies.ts';
import { compact, unique } from './lists.ts';

/** A related name in both languages (English may be missing for names that are not records'). */
export type RelatedName = { zh: string; en?: string | undefined };

export interface DocumentContext {
  /** Names of records by stable ID (for clusters, techniques, makers). */
  names?: ReadonlyMap<string, RelatedName>;
  /** generated/media.json, when the ingest has run. */
  media?: MediaManifest | undefined;
  /** Longest body text kept, in characters. Default 4000. */
  bodyLimit?: number;
  /** The caption cues of each record's published films, by record ID (the indexer reads them). */
  transcripts?: ReadonlyMap<string, readonly FilmTranscript[]>;
}

/** The cues of one film's captions (every language a person wrote), for the search index. */
export interface FilmTranscript {
  /** The film's anchor on its record's page (`filmAnchor`). */
  anchor: string;
  cues: readonly { start: number; text: string }[];
}

export interface RecordFields {
  otherNames: string[];
  /** Extra pinyin source (a person's own pinyin). */
  pinyinGiven?: string;
  category?: string;
  materials: string[];
  period?: string;
  regions: { code: string; place: { zh: string; en: string } }[];
  provinceCodes: string[];
  cluster?: string;
  heritage: string[];
  /** Batches of the national inheritors list (people). */
  batches: number[];
  /** Ethnic group key (people). */
  ethnicGroup?: string;
  /** Kind of a typical case (case-kinds.json). */
  caseKind?: string;
  /** Keys of a typical case's designations (case-designations.json). */
  designations?: string[];
  /** The record's name is a person's: its pinyin is read with surname readings (单 Shan). */
  personName?: boolean;
  related: RelatedName[];
  tags: string[];
  hasModel: boolean;
  date?: { start: number; end: number; display?: { zh: string; en: string } | undefined };
  /** A work's object type (thesaurus concept). */
  objectType?: Concept | undefined;
  /** Labels of the object type, its broader types and the other thesaurus concepts. */
  conceptLabels: { zh: string[]; en: string[] };
}

/** The name of the record with stable ID `id`, when the context knows it. */
export function nameOf(ctx: DocumentContext, id: string | undefined): RelatedName | undefined {
  return id ? ctx.names?.get(id) : undefined;
}

/** The type-specific fields of `record`, related records named through `ctx`. */
export function recordFields(record: AnyRecordRef, ctx: DocumentContext): RecordFields {
  const related = (ids: string[]) => compact(ids.map((id) => nameOf(ctx, id)));
  const none = {
    materials: [],
    provinceCodes: [],
    heritage: [],
    batches: [],
    tags: [],
    hasModel: false,
    conceptLabels: { zh: [], en: [] },
  };
  switch (record.collection) {
    case 'works': {
      const d = record.data;
      const labels = objectTypeLabels(d.objectType, d.concepts);
      return {
        objectType: labels.type,
        conceptLabels: { zh: labels.zh, en: labels.en },
        otherNames: d.otherNames,
        category: d.category,
        materials: d.materials,
        period: d.period,
        regions: d.region ? [d.region] : [],
        provinceCodes: [],
        ...(d.cluster ? { cluster: d.cluster } : {}),
        heritage: d.heritage,
        batches: [],
        related: [
          ...related(d.techniques),
          ...d.makers.flatMap((m) => compact([m.name, nameOf(ctx, m.person)])),
          ...(d.holding ? [d.holding.institution] : []),
        ],
        tags: d.tags,
        hasModel: d.models.length > 0,
        date: d.date,
      };
    }
    case 'crafts': {
      const d = record.data;
      return {
        ...none,
        otherNames: unique([...d.otherNames, ...compact(d.heritage.map((h) => h.name))]),
        category: d.category,
        materials: d.materials,
        regions: d.regions,
        heritage: d.heritage.map((h) => h.code),
        related: [...compact(d.tools.map((t) => findTerm('tools', t))), ...related(d.relatedWorks)],
      };
    }
    case 'people': {
      const d = record.data;
      const born = d.life?.born;
      const died = d.life?.died;
      // national inheritors: the designations that name an item of the national list
      const listed = d.designations.filter((h) => h.heritage);
      return {
        ...none,
        otherNames: d.otherNames,
        pinyinGiven: d.name.pinyin,
        personName: true,
        regions: d.region ? [d.region] : [],
        heritage: unique(compact(listed.map((h) => h.heritage?.code))),
        batches: unique(compact(listed.map((h) => h.batch))),
        ...(d.ethnicGroup ? { ethnicGroup: d.ethnicGroup } : {}),
        related: [...related(d.crafts), ...d.designations.map((h) => h.title)],
        ...(born !== undefined || died !== undefined
          ? { date: { start: born ?? died ?? 0, end: died ?? born ?? 0 } }
          : {}),
      };
    }
    case 'clusters': {
      const d = record.data;
      return {
        ...none,
        otherNames: [],
        regions: [
          { code: d.region.county ?? d.region.city ?? d.region.province, place: d.region.place },
        ],
        provinceCodes: [d.region.province],
        related: [d.applicant, ...related(d.crafts), ...related(d.people)],
      };
    }
    case 'exhibitions': {
      const d = record.data;
      const start = d.dates.start.getUTCFullYear();
      return {
        ...none,
        otherNames: d.subtitle ? [d.subtitle.zh, d.subtitle.en] : [],
        regions: [],
        related: [d.curator, ...related(d.works)],
        date: { start, end: d.dates.end?.getUTCFullYear() ?? start },
      };
    }
    case 'cases': {
      const d = record.data;
      return {
        ...none,
        otherNames: [],
        regions: [],
        provinceCodes: [d.region.province],
        heritage: compact(d.designations.map((h) => h.heritage)),
        related: [...related(d.crafts), ...related(d.clusters), ...related(d.people)],
        tags: [d.kind, ...d.designations.map((h) => h.type)],
        caseKind: d.kind,
        designations: unique(d.designations.map((h) => h.type)),
      };
    }
  }
}
