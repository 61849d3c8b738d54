/**
 * Building blocks shared by every record schema. Each record type has its own file beside this
 * one; vocabularies (categories, materials, periods, licenses) come from data files.
 */
import { z } from 'astro/zod';
import { findHeritageItem, findRegionalEntry } from '../lib/records/ich.ts';
import { findDivision } from '../lib/records/regions.ts';
import { findConcept, type ConceptKind } from '../lib/thesaurus/index.ts';
import { keysOf } from '../lib/records/vocabularies.ts';

/** Stable record ID prefixes: never reused, never changed once published. */
export const idPrefixes = {
  works: 'BGW',
  crafts: 'BGC',
  people: 'BGP',
  clusters: 'BGJ',
  exhibitions: 'BGE',
  cases: 'BGK',
} as const;

export type Collection = keyof typeof idPrefixes;
export const collections = Object.keys(idPrefixes) as Collection[];

/** A stable record ID such as `BGW-000123`. */
export function recordId(collection: Collection) {
  const prefix = idPrefixes[collection];
  return z
    .string()
    .regex(
      new RegExp(`^${prefix}-\\d{6}$`),
      `must look like ${prefix}-000123 / 格式应为 ${prefix}-000123`,
    );
}

/** Text given in both languages. */
export const localized = z.object({
  /** Chinese (simplified) text. */
  zh: z.string().trim().min(1),
  /** English text. */
  en: z.string().trim().min(1),
});

/** Text where the English version may still be missing (for example a proper name). */
export const localizedLoose = z.object({
  /** Chinese (simplified) text. */
  zh: z.string().trim().min(1),
  /** English text, when available. */
  en: z.string().trim().min(1).optional(),
});

/** A value from a controlled vocabulary data file. */
export function term(name: Parameters<typeof keysOf>[0]) {
  return z.enum(keysOf(name));
}

/** A web address: `https:` or `http:` only, since a `javascript:` or `data:` link could run code. */
export const webAddress = z.url({ protocol: /^https?$/ });

/** The ID of a thesaurus concept (`src/data/thesaurus/`), of the given kinds when there are any. */
export function concept(...kinds: ConceptKind[]) {
  const named = kinds.join(' or ');
  return z.string().refine(
    (id) => {
      const found = findConcept(id);
      return found !== undefined && (kinds.length === 0 || kinds.includes(found.kind));
    },
    {
      message: `not a ${named || 'thesaurus'} concept of src/data/thesaurus/ / 不是术语表中的${named ? `“${named}”类` : ''}概念编号`,
    },
  );
}

/** A publication, web page or list that supports the facts in a record. */
export const source = z.object({
  /** Title of the source, in its own language. */
  title: z.string().trim().min(1),
  /** Author or issuing body. */
  publisher: z.string().trim().min(1).optional(),
  /** Year of publication. */
  year: z.number().int().optional(),
  /** Web address, if the source is online. */
  url: webAddress.optional(),
  /** Date the web address was last checked. */
  accessed: z.coerce.date().optional(),
  /** What the source supports, when it is not obvious. */
  note: z.string().trim().min(1).optional(),
});

/** Who may reuse a record or a file, and how to credit it. */
export const rights = z.object({
  /** License key from `licenses.json` (CC0-1.0, CC-BY-4.0, InC …). */
  license: term('licenses'),
  /** Holder of the rights (institution or person). */
  holder: z.string().trim().min(1),
  /** Credit line to print beside the item. */
  credit: z.string().trim().min(1),
});

const unsafePath = /(^|[\\/])\.\.([\\/]|$)|^[\\/]|^[a-zA-Z]:|\\/;

/** A file in the record's own folder, given relative to it (`photo-1.jpg`, `media/scan.tif`). */
export const mediaFile = z
  .string()
  .trim()
  .min(1)
  .refine((path) => !unsafePath.test(path) && !/^[a-z]+:/i.test(path), {
    message:
      "must be a file inside the record's own folder (no '..', no absolute path, no URL) / 须为本记录文件夹内的文件（不可用 ..、绝对路径或网址）",
  });

const mediaCommon = {
  /** The master file, relative to the record's folder. */
  file: mediaFile,
  /** Text alternative for people who cannot see the image, in both languages. */
  alt: localized,
  /** Caption shown under the media. */
  caption: localized.optional(),
  /** Rights in this file (may differ from the object's). */
  rights,
  /** True when the project generated this file (a diagram or an illustrative model), not a photograph or scan of the object. */
  illustration: z.boolean().default(false),
};

/** A photograph, scan or illustration. */
export const image = z.object(mediaCommon);

/**
 * A film or sound recording: a video or audio master in the record's folder, published by
 * `npm run ingest`, with captions beside it (`<file stem>.zh-Hans.vtt`, `.en.vtt`).
 */
export const film = z.object({
  /** The master (.mp4, .mov, .wav, .flac …), relative to the record's folder. */
  file: mediaFile,
  /** Title in both languages. */
  title: localized,
  /** What the film shows, in a sentence or two. */
  description: localized.optional(),
  /** Rights in the film. */
  rights,
  /** True when the project generated the film (from its illustrative models), not filmed work. */
  illustration: z.boolean().default(false),
});

/** A camera placement for the 3D viewer, in model units. */
export const cameraView = z.object({
  /** Where the camera stands. */
  position: z.tuple([z.number(), z.number(), z.number()]),
  /** The point it looks at. */
  target: z.tuple([z.number(), z.number(), z.number()]),
});

/** Lighting presets of the 3D viewer. */
export const lightingPreset = z.enum(['studio', 'soft', 'raking']);

/** A numbered annotation on a 3D model. */
export const hotspot = z.object({
  /** Short key, unique within the model, used by tour steps. */
  id: z
    .string()
    .regex(
      /^[a-z0-9-]+$/,
      'use lower-case letters, digits and hyphens / 仅用小写字母、数字和连字符',
    ),
  /** Point on the surface, in model units. */
  position: z.tuple([z.number(), z.number(), z.number()]),
  /** Surface normal at that point (the marker hides when it faces away). */
  normal: z.tuple([z.number(), z.number(), z.number()]),
  /** Title of the annotation. */
  title: localized,
  /** Explanation shown when the annotation is chosen. */
  text: localized,
  /** Camera view to move to when chosen. */
  camera: cameraView.optional(),
});

/** One step of a guided tour through a 3D model. */
export const tourStep = z.object({
  /** Camera view for this step. */
  camera: cameraView.optional(),
  /** Hotspot `id` to highlight. */
  hotspot: z.string().optional(),
  /** Lighting preset for this step. */
  lighting: lightingPreset.optional(),
  /** What the visitor reads at this step. */
  text: localized,
});

/** A 3D model (glTF / GLB) of the object. */
export const model = z.object({
  ...mediaCommon,
  /** Image file shown before the model loads. */
  poster: mediaFile.optional(),
  /** Numbered annotations on the model. */
  hotspots: z.array(hotspot).default([]),
  /** Ordered steps of a guided tour. */
  tour: z.array(tourStep).default([]),
});

/** A span of years, for sorting and filtering; negative years are BCE. */
export const dateRange = z
  .object({
    /** Earliest year. */
    start: z.number().int(),
    /** Latest year. */
    end: z.number().int(),
    /** The date as a reader should see it (e.g. 清乾隆 / Qianlong reign), when not just the years. */
    display: localized.optional(),
  })
  .refine((range) => range.start <= range.end, {
    message: 'start must not be after end / 起始年份不能晚于结束年份',
    path: ['end'],
  });

/** A place, by its GB/T 2260 administrative code. */
export const region = z.object({
  /** Six-digit GB/T 2260 code of the province, city or county. */
  code: z
    .string()
    .regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 code / 须为六位行政区划代码')
    .refine((code) => findDivision(code) !== undefined, {
      message: 'is not a GB/T 2260 code / 不是有效的行政区划代码',
    }),
  /** Place name as it should be shown. */
  place: localized,
});

/** A code on the national representative list of intangible cultural heritage. */
export const heritageCode = z
  .string()
  .regex(/^VII{1,2}-\d+$/, 'must look like VII-20 or VIII-97 / 格式应为 VII-20 或 VIII-97')
  .refine((code) => findHeritageItem(code) !== undefined, {
    message:
      'is not a craft item on the national list / 不在国家级非遗代表性项目名录（传统美术、传统技艺）中',
  });

/** An entry number of a regional entry (地区子项) on the national list, e.g. VII-001_01_120000. */
export const regionalEntryNumber = z
  .string()
  .trim()
  .refine((entry) => findRegionalEntry(entry) !== undefined, {
    message:
      'is not a regional entry number of the national list (e.g. VII-001_01_120000) / 不是国家级名录的地区子项编号',
  });

/** Dates a record was added and last changed (shown to researchers for citation). */
export const recordDates = {
  /** Date the record was first published. */
  added: z.coerce.date(),
  /** Date of the last substantive change. */
  modified: z.coerce.date().optional(),
};

/** Where an imported record came from, so a re-import updates it instead of duplicating it. */
export const importSource = z.object({
  /** Name of the mapping that created the record (e.g. `ima`, `ich`). */
  mapping: z.string(),
  /** The record's key in the source (accession number, list code …). */
  key: z.string(),
  /** SHA-256 of the generated file, to notice later hand edits. */
  hash: z.string().optional(),
});

/**
 * Contact details never belong in public content. A field that holds one is rejected with
 * this explanation instead of being silently dropped.
 */
export function forbiddenContact(what: string) {
  return z
    .never({
      error: `${what} is not public content: contact details stay in the application form, not in the archive / 联系方式不属于公开内容，请仅保留在申报材料中`,
    })
    .optional();
}

/** Fields a record must not have, one per name: contact details are never published. */
export function noContactDetails<const N extends string>(
  ...names: N[]
): Record<N, ReturnType<typeof forbiddenContact>> {
  const fields = {} as Record<N, ReturnType<typeof forbiddenContact>>;
  for (const name of names) fields[name] = forbiddenContact(name);
  return fields;
}
