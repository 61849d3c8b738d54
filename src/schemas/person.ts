/**
 * 百工人物 — a maker or master. Only facts with a source; never contact details. A person who
 * may be living (no source says otherwise) gets only what official lists publish.
 */
import { z } from 'astro/zod';
import {
  heritageCode,
  image,
  importSource,
  localized,
  noContactDetails,
  recordDates,
  recordId,
  region,
  regionalEntryNumber,
  source,
  term,
} from './common.ts';

/**
 * An official title conferred on the person — 国家级非物质文化遗产代表性传承人, 中国工艺美术大师 —
 * always with the list or document that confers it.
 */
/** The web editor's choice ("true", "false", or cleared) as the boolean or the absence it means. */
function editorChoice(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value === '' || value === null ? undefined : value;
}

export const designation = z.object({
  /** The title, e.g. 国家级非物质文化遗产代表性传承人. */
  title: localized,
  /** The body that conferred it, e.g. 文化和旅游部. */
  conferredBy: localized,
  /** Year it was conferred (announced). */
  year: z.number().int().optional(),
  /** Batch of the list, where the title is given in batches. */
  batch: z.number().int().positive().optional(),
  /** The person's number on the official list (e.g. 05-2713), where the list numbers them. */
  number: z.string().trim().min(1).optional(),
  /** For a heritage inheritor: the item of the national list the title is for. */
  heritage: z
    .object({
      /** Item code, e.g. VIII-97. */
      code: heritageCode,
      /** Regional entry (地区子项), e.g. VIII-097_02_440100. */
      entry: regionalEntryNumber.optional(),
      /** Name of the item or entry as listed. */
      name: z.string().trim().min(1),
    })
    .optional(),
  /** The region or unit that declared the person (申报地区或单位), as listed. */
  declaredBy: z.string().trim().min(1).optional(),
  /** The official list or document. Required: no title without a source. */
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
  /** Other forms of the name given by a source (an official list's bracketed form). */
  otherNames: z.array(z.string().trim().min(1)).default([]),
  /** One or two sentences for cards and search results, from the sources. */
  summary: localized,
  /** Gender, where a source gives it. */
  gender: z.enum(['female', 'male']).optional(),
  /** Ethnic group (`ethnic-groups.json`, GB/T 3304), where a source gives it. */
  ethnicGroup: term('ethnicGroups').optional(),
  /** Life dates, only as published in a source: a year each, never a full date. */
  life: z
    .object({
      /** Year of birth. */
      born: z.number().int().optional(),
      /** Year of death. */
      died: z.number().int().optional(),
    })
    .optional(),
  /**
   * `false` when a source says the person has died, `true` when one says they are living; left
   * out when no source says (an official list is not a list of the living). Unknown is never
   * shown as living, and whoever may be living gets only facts from official lists. The web
   * editor offers a three-way choice and writes "true" or "false", read here as booleans (a
   * checkbox cannot go back to "unknown": unticked, it would say "has died").
   */
  living: z.preprocess(editorChoice, z.boolean().optional()),
  /** Region where the person works or worked. */
  region: region.optional(),
  /** IDs of the crafts the person practises. */
  crafts: z.array(recordId('crafts')).default([]),
  /** Official titles, each with its conferring body and source. */
  designations: z.array(designation).default([]),
  /** Sources for every fact in the record. */
  references: z.array(source).min(1),
  /** Portraits or images of work, with rights (imported people get none). */
  images: z.array(image).default([]),
  /** Not allowed: contact details (phone, email, address, WeChat, contact) are never published. */
  ...noContactDetails('phone', 'email', 'address', 'wechat', 'contact'),
  /** Set by `npm run import`; do not edit. */
  imported: importSource.optional(),
  ...recordDates,
});

export type Person = z.infer<typeof personSchema>;
