/** 百工人物 — a maker or master. Only facts with a source; never contact details. */
import { z } from 'astro/zod';
import {
  forbiddenContact,
  image,
  localized,
  recordDates,
  recordId,
  region,
  source,
} from './common.ts';

/** A title or honour, always with the list or document that confers it. */
export const honour = z.object({
  /** The honour, e.g. 国家级非物质文化遗产代表性传承人. */
  title: localized,
  /** Year it was conferred. */
  year: z.number().int().optional(),
  /** Batch of the list, where the honour is given in batches. */
  batch: z.number().int().positive().optional(),
  /** The official list or document. Required: no honour without a source. */
  source,
});

export const personSchema = z.object({
  /** Stable ID, `BGP-` and six digits; never reused. */
  id: recordId('people'),
  /** Name in Chinese, English (or romanised) form, and pinyin. */
  name: z.object({
    /** Name in Chinese characters. */
    zh: z.string().trim().min(1),
    /** Name as written in English texts. */
    en: z.string().trim().min(1),
    /** Hanyu pinyin with tone marks or plain, e.g. Zhào Lìhuá. */
    pinyin: z.string().trim().min(1),
  }),
  /** One or two sentences for cards and search results, from the sources. */
  summary: localized,
  /** Life dates, only as published in a source. */
  life: z
    .object({
      /** Year of birth. */
      born: z.number().int().optional(),
      /** Year of death. */
      died: z.number().int().optional(),
    })
    .optional(),
  /** Whether the person is living: then only facts from official lists are published. */
  living: z.boolean(),
  /** Region where the person works or worked. */
  region: region.optional(),
  /** IDs of the crafts the person practises. */
  crafts: z.array(recordId('crafts')).default([]),
  /** Honours and titles, each with its source. */
  honours: z.array(honour).default([]),
  /** Sources for every fact in the record. */
  references: z.array(source).min(1),
  /** Portraits or images of work, with rights. */
  images: z.array(image).default([]),
  /** Not allowed: contact details are never published. */
  phone: forbiddenContact('phone'),
  /** Not allowed: contact details are never published. */
  email: forbiddenContact('email'),
  /** Not allowed: contact details are never published. */
  address: forbiddenContact('address'),
  /** Not allowed: contact details are never published. */
  wechat: forbiddenContact('wechat'),
  /** Not allowed: contact details are never published. */
  contact: forbiddenContact('contact'),
  ...recordDates,
});

export type Person = z.infer<typeof personSchema>;
