/** 工艺制品 — an object in the archive. */
import { z } from 'astro/zod';
import {
  concept,
  dateRange,
  heritageCode,
  image,
  importSource,
  localized,
  model,
  recordDates,
  recordId,
  region,
  rights,
  source,
  term,
  webAddress,
} from './common.ts';

/** Someone who made or decorated the object. */
export const maker = z
  .object({
    /** ID of a people record, when the maker has one. */
    person: recordId('people').optional(),
    /** Name as recorded, when there is no people record. */
    name: localized.optional(),
    /** Role in making the object (e.g. 绘瓷 / painter). */
    role: localized.optional(),
  })
  .refine((m) => m.person !== undefined || m.name !== undefined, {
    message: 'give either person (an ID) or name / 请填写 person（人物编号）或 name（姓名）',
  });

/** Measurements in centimetres and grams. */
export const dimensions = z.object({
  /** Height in cm. */
  height: z.number().positive().optional(),
  /** Width in cm. */
  width: z.number().positive().optional(),
  /** Depth in cm. */
  depth: z.number().positive().optional(),
  /** Diameter in cm. */
  diameter: z.number().positive().optional(),
  /** Length in cm. */
  length: z.number().positive().optional(),
  /** Weight in grams. */
  weight: z.number().positive().optional(),
  /** Measurements as the holding institution states them, when they cannot be split into numbers. */
  note: z.string().trim().min(1).optional(),
});

/** An institution that holds the object. */
export const holding = z.object({
  /** Name of the institution. */
  institution: localized,
  /** Its accession or inventory number. */
  accession: z.string().trim().min(1).optional(),
  /** Its page for the object. */
  url: webAddress.optional(),
});

/** Something in the record that disagrees or needs checking, shown as "needs review" (待核). */
export const reviewNote = z.object({
  /** The field the note is about (`date`, `period`, `holding` …). */
  field: z.string().trim().min(1),
  /** What disagrees and where it comes from, in both languages. */
  note: localized,
});

export const workSchema = z.object({
  /** Stable ID, `BGW-` and six digits; never reused. */
  id: recordId('works'),
  /** Title in both languages. */
  title: localized,
  /** The title as the holding institution gives it, verbatim, when ours was translated from it. */
  sourceTitle: z
    .object({
      /** The source's own words. */
      text: z.string().trim().min(1),
      /** Their language. */
      lang: z.enum(['zh', 'en']),
    })
    .optional(),
  /**
   * How the title in the other language came about: `working` — built from the source title
   * through the thesaurus by `npm run import`, not yet checked (the page says so); `reviewed` — a
   * curator has checked it.
   */
  titleTranslation: z.enum(['working', 'reviewed']).optional(),
  /** Object type: a thesaurus concept of kind objectType (瓶 vase, 补子 rank badge …) or format (册 album …). */
  objectType: concept('objectType', 'format').optional(),
  /** Other thesaurus concepts the work shows or is made with: motifs, forms, techniques … */
  concepts: z.array(concept()).default([]),
  /** Other names the object is known by. */
  otherNames: z.array(z.string().trim().min(1)).default([]),
  /** One or two sentences for cards, search results and link previews. */
  summary: localized.optional(),
  /** Craft category (`craft-categories.json`). */
  category: term('craftCategories'),
  /** National heritage list codes of the craft, e.g. VIII-97 for 广彩. */
  heritage: z.array(heritageCode).default([]),
  /** IDs of the craft records (techniques) used. */
  techniques: z.array(recordId('crafts')).default([]),
  /** Makers and decorators. */
  makers: z.array(maker).default([]),
  /** Period or dynasty (`periods.json`). */
  period: term('periods'),
  /** Date range in years, for sorting and the timeline. */
  date: dateRange,
  /** Where it was made, when known. */
  region: region.optional(),
  /** ID of the craft cluster it belongs to. */
  cluster: recordId('clusters').optional(),
  /** Materials (`materials.json`). */
  materials: z.array(term('materials')).min(1),
  /** Size and weight. */
  dimensions: dimensions.optional(),
  /** Rights in the record's text and data. */
  rights,
  /** Institution that holds it. */
  holding: holding.optional(),
  /** A modern reproduction of an older object; `period` and `date` then give the original's. */
  reproduction: z.boolean().default(false),
  /** Ownership history, as far as known. */
  provenance: localized.optional(),
  /** Sources for the facts in the record. */
  references: z.array(source).min(1),
  /** Photographs, scans and illustrations. */
  images: z.array(image).default([]),
  /** 3D models. */
  models: z.array(model).default([]),
  /** Free keywords. */
  tags: z.array(z.string().trim().min(1)).default([]),
  /** Shown on the home page. */
  featured: z.boolean().default(false),
  /**
   * Disagreements a curator must resolve (a reign under the wrong dynasty, two captions that name
   * different museums …): shown on the page as "needs review", listed by `npm run check`.
   */
  review: z.array(reviewNote).default([]),
  /** Set by `npm run import`; do not edit. */
  imported: importSource.optional(),
  ...recordDates,
});

export type Work = z.infer<typeof workSchema>;
