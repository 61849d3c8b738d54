/**
 * 典型案例 — an organisation (enterprise, studio, institute, cooperative, brand) or a programme of
 * the typical-case library, with its official roles and a sourced account of why it is a case.
 */
import { z } from 'astro/zod';
import {
  heritageCode,
  image,
  importSource,
  localized,
  localizedLoose,
  noContactDetails,
  recordDates,
  recordId,
  source,
  term,
} from './common.ts';
import { findDivision } from '../lib/records/regions.ts';

const divisionCode = z
  .string()
  .regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 code / 须为六位行政区划代码')
  .refine((code) => findDivision(code) !== undefined, {
    message: 'is not a GB/T 2260 code / 不是有效的行政区划代码',
  });

/** An official role or title, always with the source that confers it. */
export const designation = z.object({
  /** Kind of designation, from `case-designations.json`. */
  type: term('caseDesignations'),
  /** What exactly was conferred, as the source words it (e.g. the item and entry it protects). */
  title: localizedLoose,
  /** The body that conferred it (国务院、文化和旅游部 …). */
  conferredBy: z.string().trim().min(1),
  /** Year it was conferred or announced. */
  year: z.number().int().optional(),
  /** Batch of the list, when the list comes in batches. */
  batch: z.number().int().positive().optional(),
  /** Code of the national heritage item concerned, when there is one (links the case to crafts). */
  heritage: heritageCode.optional(),
  /** Number of the regional entry (地区子项) on the national list, when there is one. */
  entry: z.string().trim().min(1).optional(),
  /** Where the designation is published. */
  source,
});

/** One claim of the narrative of a typical case, with its source. */
export const caseClaim = z.object({
  /** Aspect of the practice the claim is about. */
  aspect: z.enum(['practice', 'innovation', 'brand', 'technology', 'training']),
  /** The claim, in both languages. */
  text: localized,
  /** The source that supports it. */
  source,
});

export const caseSchema = z.object({
  /** Stable ID, `BGK-` and six digits; never reused. */
  id: recordId('cases'),
  /** Name of the organisation or programme (English when an accepted one exists). */
  name: localizedLoose,
  /** Kind of case, from `case-kinds.json`. */
  kind: term('caseKinds'),
  /** Where it is, by GB/T 2260 code. */
  region: z.object({
    /** Province code. */
    province: divisionCode.refine((code) => findDivision(code)?.depth === 'province', {
      message: 'is not a province code / 不是省级行政区划代码',
    }),
    /** City or county code, when known. */
    division: divisionCode.optional(),
  }),
  /** Short description shown in lists. */
  summary: localized.optional(),
  /** IDs of the crafts it practises (crafts on the heritage items of its designations are linked too). */
  crafts: z.array(recordId('crafts')).default([]),
  /** IDs of the clusters it belongs to. */
  clusters: z.array(recordId('clusters')).default([]),
  /** IDs of people linked to it. */
  people: z.array(recordId('people')).default([]),
  /** IDs of works it made or holds. */
  works: z.array(recordId('works')).default([]),
  /** Official roles and designations, each with its source. */
  designations: z.array(designation).default([]),
  /** What makes it a typical case: practice, innovation, brand, technology, training — each claim sourced. */
  narrative: z.array(caseClaim).default([]),
  /** Further sources for the facts in the record. */
  references: z.array(source).default([]),
  /** Images of the case. */
  images: z.array(image).default([]),
  /** Not allowed: contact details (contact person, phone, email) are never published. */
  ...noContactDetails('contactPerson', 'phone', 'email'),
  ...recordDates,
  /** Set by `npm run import`: the mapping and source key this record came from. */
  imported: importSource.optional(),
});

export type Case = z.infer<typeof caseSchema>;
