import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  applicationProblems,
  characterCount,
  contactSheet,
  draftFolder,
  draftRecord,
  isPhoneNumber,
  type Application,
} from '../../../src/lib/site/application.ts';
import { schemas } from '../../../src/schemas/index.ts';

const application: Application = {
  province: '440000',
  city: '445100',
  county: '445103',
  place: { zh: '广东省潮州市潮安区', en: 'Chao’an, Chaozhou, Guangdong' },
  name: { zh: '潮安工艺美术聚集区', en: 'Chao’an crafts cluster' },
  applicant: { zh: '潮安区工艺美术行业协会', en: 'Chao’an Arts and Crafts Association' },
  introduction: {
    zh: '潮安以木雕、刺绣和陶瓷著称。',
    en: 'Wood carving, embroidery and porcelain.',
  },
  contact: { person: '林某某', title: '秘书长', phone: '0768-2345678' },
};

const frontmatter = (text: string) =>
  parse(text.split('---\n')[1] ?? '') as Record<string, unknown>;

describe('the application form', () => {
  it('counts each Chinese character and punctuation mark as one, as the 300 limit means', () => {
    expect(characterCount('潮州，木雕。')).toBe(6);
    expect(characterCount('  𠀀字 ')).toBe(2); // a character outside the BMP is one, not two
    const long = {
      ...application,
      introduction: { ...application.introduction, zh: '潮'.repeat(301) },
    };
    expect(applicationProblems(long)).toEqual({ 'introduction-zh': 'too-long:301' });
    const full = {
      ...application,
      introduction: { ...application.introduction, zh: '潮'.repeat(300) },
    };
    expect(applicationProblems(full)).toEqual({});
  });

  it('checks the phone number for form and names every missing field', () => {
    for (const good of ['13812345678', '020-12345678', '0755 1234 5678', '0768-2345678-123'])
      expect(isPhoneNumber(good), good).toBe(true);
    for (const bad of ['12345', '23812345678', 'phone', '020-123'])
      expect(isPhoneNumber(bad), bad).toBe(false);
    const empty: Application = {
      province: '',
      place: { zh: '', en: '' },
      name: { zh: '', en: '' },
      applicant: { zh: '', en: '' },
      introduction: { zh: '', en: '' },
      contact: { person: '', title: '', phone: '' },
    };
    expect(Object.keys(applicationProblems(empty)).sort()).toEqual(
      [
        'province',
        'name-zh',
        'name-en',
        'applicant-zh',
        'applicant-en',
        'place-en',
        'introduction-zh',
        'introduction-en',
        'contact-person',
        'contact-title',
        'contact-phone',
      ].sort(),
    );
  });

  it('makes a draft cluster record the schema accepts, without the contact details', () => {
    const text = draftRecord(application, 'BGJ-000007', '2026-12-01');
    const data = schemas.clusters.parse(frontmatter(text));
    expect(data).toMatchObject({
      id: 'BGJ-000007',
      region: { province: '440000', city: '445100', county: '445103' },
      applicant: application.applicant,
    });
    expect(text).not.toContain(application.contact.phone);
    expect(text).not.toContain(application.contact.person);
    expect(draftFolder(application)).toBe('chao-an-crafts-cluster');
    const sheet = contactSheet(application, 'BGJ-000007', '2026-12-01');
    expect(sheet).toContain('0768-2345678');
    expect(sheet).toContain('BGJ-000007');
  });

  it('keeps whatever is typed as text: quotes, new lines, YAML and HTML stay inside their strings', () => {
    const hostile = '"]\n---\nid: BGJ-999999\n<script>alert(1)</script>';
    const text = draftRecord(
      { ...application, name: { zh: hostile, en: hostile }, applicant: { zh: hostile, en: 'x' } },
      'BGJ-000007',
      '2026-12-01',
    );
    const data = frontmatter(text) as { id: string; name: { zh: string } };
    expect(data.id).toBe('BGJ-000007');
    expect(data.name.zh).toBe(hostile.trim());
    // the body holds none of it
    expect(text.slice(text.lastIndexOf('---\n'))).not.toContain('<script>');
  });
});
