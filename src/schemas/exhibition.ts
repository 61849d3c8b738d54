/** 展览 — a curated story told with works from the archive. */
import { z } from 'astro/zod';
import { image, localized, recordDates, recordId, source } from './common.ts';

export const exhibitionSchema = z.object({
  /** Stable ID, `BGE-` and six digits; never reused. */
  id: recordId('exhibitions'),
  /** Title in both languages. */
  title: localized,
  /** Subtitle. */
  subtitle: localized.optional(),
  /** One or two sentences for cards, search results and link previews. */
  summary: localized,
  /** Curator or curatorial team. */
  curator: localized,
  /** When the exhibition opened, and closed if it is not permanent. */
  dates: z
    .object({
      /** Opening date. */
      start: z.coerce.date(),
      /** Closing date; leave out for a permanent online exhibition. */
      end: z.coerce.date().optional(),
    })
    .refine((d) => d.end === undefined || d.start <= d.end, {
      message: 'end must not be before start / 结束日期不能早于开始日期',
      path: ['end'],
    }),
  /** Cover image, in the record's folder. */
  cover: image.optional(),
  /** IDs of the works shown. */
  works: z.array(recordId('works')).default([]),
  /** Sources. */
  references: z.array(source).default([]),
  /** Images used in the story (each must be listed here with alt text and rights). */
  images: z.array(image).default([]),
  /** Shown on the home page. */
  featured: z.boolean().default(false),
  ...recordDates,
});

export type Exhibition = z.infer<typeof exhibitionSchema>;
