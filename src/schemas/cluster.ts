/** 特色聚集区 — a craft cluster, with the public fields of the programme's application form. */
import { z } from 'astro/zod';
import { image, localized, noContactDetails, recordDates, recordId, source } from './common.ts';
import { findDivision } from '../lib/records/regions.ts';
import { characterCount, INTRODUCTION_MAX } from '../lib/site/application.ts';

/** Longest introduction the application form allows, in characters (counted as the form counts). */
export { INTRODUCTION_MAX };

const divisionCode = (depth: 'province' | 'city' | 'county') =>
  z
    .string()
    .regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 code / 须为六位行政区划代码')
    .refine((code) => findDivision(code)?.depth === depth, {
      message: `is not a ${depth} code in GB/T 2260 / 不是有效的${{ province: '省级', city: '地级', county: '县级' }[depth]}行政区划代码`,
    });

const introduction = (lang: string) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((text) => characterCount(text) <= INTRODUCTION_MAX, {
      error: (issue) =>
        `${lang} introduction has ${characterCount(String(issue.input))} characters; the form allows at most ${INTRODUCTION_MAX} — shorten it and move detail into the body / 简介超过 ${INTRODUCTION_MAX} 字，请精简，详细内容写在正文中`,
    });

export const clusterSchema = z.object({
  /** Stable ID, `BGJ-` and six digits; never reused. */
  id: recordId('clusters'),
  /** Name of the cluster. */
  name: localized,
  /** Where the cluster is, by administrative level. */
  region: z.object({
    /** Province code. */
    province: divisionCode('province'),
    /** City (prefecture) code. */
    city: divisionCode('city').optional(),
    /** County or district code. */
    county: divisionCode('county').optional(),
    /** Place name as it should be shown. */
    place: localized,
  }),
  /** The body that applied for or runs the cluster (申报主体). */
  applicant: localized,
  /** Introduction of the local craft industry, at most 300 characters (form field). */
  introduction: z.object({
    /** Chinese introduction, at most 300 characters. */
    zh: introduction('Chinese'),
    /** English introduction, at most 300 characters. */
    en: introduction('English'),
  }),
  /** IDs of the leading crafts. */
  crafts: z.array(recordId('crafts')).default([]),
  /** IDs of representative works. */
  works: z.array(recordId('works')).default([]),
  /** IDs of representative people. */
  people: z.array(recordId('people')).default([]),
  /** Sources for the facts in the record. */
  references: z.array(source).min(1),
  /** Images of the cluster. */
  images: z.array(image).default([]),
  /**
   * Not allowed: the application form's contact person and phone number stay in the application,
   * and contact details are never published.
   */
  ...noContactDetails('contactPerson', 'contactPhone', 'phone', 'email'),
  ...recordDates,
});

export type Cluster = z.infer<typeof clusterSchema>;
