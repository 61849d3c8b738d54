/** 技艺 — a craft technique. */
import { z } from 'astro/zod';
import {
  heritageCode,
  image,
  importSource,
  localized,
  mediaFile,
  recordDates,
  recordId,
  region,
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

/** One step of the making process. */
export const processStep = z.object({
  /** Name of the step. */
  title: localized,
  /** What happens in the step. */
  text: localized,
  /** An image of the step, in the record's folder (must also be listed under `images`). */
  image: mediaFile.optional(),
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
  /** Regions where it is practised. */
  regions: z.array(region).default([]),
  /** Materials (`materials.json`). */
  materials: z.array(term('materials')).default([]),
  /** Main tools. */
  tools: z.array(localized).default([]),
  /** The making process, in order. */
  steps: z.array(processStep).default([]),
  /** A short history; the MDX body tells the full story. */
  history: localized.optional(),
  /** IDs of works that show the craft (works also link here through `techniques`). */
  relatedWorks: z.array(recordId('works')).default([]),
  /** Sources for the facts in the record. */
  references: z.array(source).min(1),
  /** Images of the craft and its steps. */
  images: z.array(image).default([]),
  /** Set by `npm run import`; do not edit. */
  imported: importSource.optional(),
  ...recordDates,
});

export type Craft = z.infer<typeof craftSchema>;
