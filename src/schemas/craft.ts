/** 技艺 — a craft technique. */
import { z } from 'astro/zod';
import {
  heritageCode,
  image,
  importSource,
  localized,
  film,
  mediaFile,
  recordDates,
  recordId,
  region,
  regionalEntryNumber,
  source,
  term,
} from './common.ts';

/** The craft's place on the national representative list. */
export const heritageListing = z.object({
  /** List code, e.g. VIII-97. */
  code: heritageCode,
  /** Batch (1–5) in which this entry was listed. */
  batch: z.number().int().min(1).max(5),
  /** Name of the listed (sub-)entry, as published. */
  name: z.string().trim().min(1).optional(),
});

/**
 * A regional entry (地区子项) of the craft on the national list, as listed: which region or unit
 * declared it, when, and who protects it. Filled by `npm run import -- --map ich-entries`.
 */
export const regionalEntry = z.object({
  /** Entry number on the list, e.g. VII-001_01_120000. */
  entry: regionalEntryNumber,
  /** Item code, e.g. VII-1. */
  code: heritageCode,
  /** Name of the entry as listed, e.g. 粤绣(潮绣). */
  name: z.string().trim().min(1),
  /** Batch (1–5) in which the entry was listed. */
  batch: z.number().int().min(1).max(5),
  /** Year of that batch. */
  year: z.number().int().min(2006),
  /** `new`: listed with the item; `extension`: a region or unit added to a listed item (扩展项目). */
  type: z.enum(['new', 'extension']),
  /** The declaring region or unit (申报地区或单位), as listed. */
  declaredBy: z.string().trim().min(1),
  /** The place of the entry (GB/T 2260), where the declarer is a region. */
  region: region.optional(),
  /** The protection unit (保护单位), as listed: the body that safeguards the entry. */
  protectionUnit: z.string().trim().min(1).optional(),
});

/** One step of the making process. */
export const processStep = z.object({
  /** Name of the step. */
  title: localized,
  /** What happens in the step. */
  text: localized,
  /** An image of the step, in the record's folder (must also be listed under `images`). */
  image: mediaFile.optional(),
  /** Tools used in the step (`tools.json`). */
  tools: z.array(term('tools')).default([]),
  /** Materials used in the step (`materials.json`). */
  materials: z.array(term('materials')).default([]),
  /** How long the step takes, in words (`数日` / `several days`): it varies with the piece. */
  duration: localized.optional(),
  /** Where a film (listed under `films`) shows the step: it becomes the film's chapter. */
  clip: z
    .object({
      /** The film's master file. */
      film: mediaFile,
      /** Seconds from the film's start. */
      start: z.number().min(0),
      /** Seconds from the film's start; after `start`. */
      end: z.number().positive(),
    })
    .refine((clip) => clip.end > clip.start, {
      message: 'end must come after start / 结束时间须晚于开始时间',
      path: ['end'],
    })
    .optional(),
});

/** A term of the trade (行话术语), as a source documents it. */
export const glossaryTerm = z.object({
  /** The term as the trade uses it, in Chinese. */
  term: z.string().trim().min(1),
  /** Its pinyin, with tone marks. */
  pinyin: z.string().trim().min(1).optional(),
  /** An English rendering. */
  en: z.string().trim().min(1).optional(),
  /** What it means. */
  definition: localized,
  /** Where the term and its meaning are documented. */
  source,
});

export const craftSchema = z.object({
  /** Stable ID, `BGC-` and six digits; never reused. */
  id: recordId('crafts'),
  /** Name in both languages. */
  name: localized,
  /** Other names of the craft. */
  otherNames: z.array(z.string().trim().min(1)).default([]),
  /** One or two sentences for cards, search results and link previews. */
  summary: localized,
  /** Craft category (`craft-categories.json`). */
  category: term('craftCategories'),
  /** Listings on the national heritage list. */
  heritage: z.array(heritageListing).default([]),
  /** Regional entries on the national list (filled by the import; a re-import replaces them). */
  entries: z.array(regionalEntry).default([]),
  /** Regions where it is practised. */
  regions: z.array(region).default([]),
  /** Materials (`materials.json`). */
  materials: z.array(term('materials')).default([]),
  /** Main tools and equipment (`tools.json`). */
  tools: z.array(term('tools')).default([]),
  /** The making process, in order. */
  steps: z.array(processStep).default([]),
  /** Terms of the trade (行话术语), each with its source. */
  glossary: z.array(glossaryTerm).default([]),
  /** A short history; the MDX body tells the full story. */
  history: localized.optional(),
  /**
   * How the craft is passed on (传承): lineages, workshops, teaching — facts with their source in
   * `references`.
   */
  transmission: localized.optional(),
  /** Its state and the measures protecting it (保护), as a source states them. */
  protection: localized.optional(),
  /** IDs of works that show the craft (works also link here through `techniques`). */
  relatedWorks: z.array(recordId('works')).default([]),
  /** Sources for the facts in the record. */
  references: z.array(source).min(1),
  /** Images of the craft and its steps. */
  images: z.array(image).default([]),
  /** Films and recordings of the craft: its process, a master's account. */
  films: z.array(film).default([]),
  /** Set by `npm run import`; do not edit. */
  imported: importSource.optional(),
  ...recordDates,
});

export type Craft = z.infer<typeof craftSchema>;
