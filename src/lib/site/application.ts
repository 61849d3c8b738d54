/**
 * The cluster application form (《工艺美术创新发展特色聚集区合作共建申报表》) on the visitor's
 * device: how its introduction is counted, how its phone number is checked, and what it
 * produces — a draft cluster record for `content/clusters/` (without the contact fields, which
 * are never published) and a separate contact sheet for the programme office. Nothing is sent
 * anywhere. Pure: the page's script passes the form's values in.
 */

/** Longest introduction the form allows: each Chinese character or punctuation mark counts one. */
export const INTRODUCTION_MAX = 300;

/** Characters as the form counts them: code points of the trimmed text (a 汉字 is one, so is ，). */
export function characterCount(text: string): number {
  return [...text.trim()].length;
}

/** What the applicant fills in. Codes are GB/T 2260; `place` is as the record should show it. */
export interface Application {
  province: string;
  city?: string | undefined;
  county?: string | undefined;
  place: { zh: string; en: string };
  /** Name of the cluster. */
  name: { zh: string; en: string };
  /** The applying body (申报单位). */
  applicant: { zh: string; en: string };
  /** Industry introduction, at most 300 characters in each language. */
  introduction: { zh: string; en: string };
  /** Contact person, title and phone: for the programme office only. */
  contact: { person: string; title: string; phone: string };
}

/**
 * Whether a phone number has the form of a mainland number: a mobile (13812345678) or a landline
 * with its area code (020-12345678, 0755 1234 5678), optionally with an extension (-123).
 */
export function isPhoneNumber(phone: string): boolean {
  const bare = phone.replace(/[\s()（）]/g, '');
  return /^(?:\+?86-?)?1[3-9]\d{9}$/.test(bare) || /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/.test(bare);
}

/** What is missing or wrong, by field name (the form's `name` attributes); empty when none. */
export function applicationProblems(a: Application): Record<string, string> {
  const problems: Record<string, string> = {};
  const required: [string, string][] = [
    ['province', a.province],
    ['name-zh', a.name.zh],
    ['name-en', a.name.en],
    ['applicant-zh', a.applicant.zh],
    ['applicant-en', a.applicant.en],
    ['place-en', a.place.en],
    ['introduction-zh', a.introduction.zh],
    ['introduction-en', a.introduction.en],
    ['contact-person', a.contact.person],
    ['contact-title', a.contact.title],
    ['contact-phone', a.contact.phone],
  ];
  for (const [field, value] of required) if (value.trim() === '') problems[field] = 'required';
  for (const lang of ['zh', 'en'] as const) {
    const n = characterCount(a.introduction[lang]);
    if (n > INTRODUCTION_MAX) problems[`introduction-${lang}`] = `too-long:${n}`;
  }
  if (a.contact.phone.trim() !== '' && !isPhoneNumber(a.contact.phone)) {
    problems['contact-phone'] = 'phone';
  }
  return problems;
}

/** A YAML scalar for any text: JSON's double-quoted string is also YAML's. */
const scalar = (text: string) => JSON.stringify(text.trim());

/** A folder name for the draft from the English name (the curator may change it). */
export function draftFolder(a: Application): string {
  const slug = a.name.en
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'new-cluster';
}

/**
 * The draft cluster record (`content/clusters/<folder>/index.md`): the form's public fields, the
 * application as its source, no contact fields. `id` is the next free cluster ID when the site
 * was built; `today` is YYYY-MM-DD.
 */
export function draftRecord(a: Application, id: string, today: string): string {
  const pair = (key: string, v: { zh: string; en: string }, indent = '') =>
    `${indent}${key}:\n${indent}  zh: ${scalar(v.zh)}\n${indent}  en: ${scalar(v.en)}\n`;
  const codes = [
    `  province: ${scalar(a.province)}\n`,
    a.city ? `  city: ${scalar(a.city)}\n` : '',
    a.county ? `  county: ${scalar(a.county)}\n` : '',
  ].join('');
  const year = today.slice(0, 4);
  return [
    '---\n',
    '# 由“聚集区申报表”页面生成的草稿：审核、补充来源后再发布。联系人和电话不在此文件中。\n',
    '# Draft made by the cluster application page: review it and add sources before publishing. The contact details are not in this file.\n',
    `id: ${id}\n`,
    pair('name', a.name),
    'region:\n',
    codes,
    pair('place', a.place, '  '),
    pair('applicant', a.applicant),
    pair('introduction', a.introduction),
    'crafts: []\n',
    'works: []\n',
    'people: []\n',
    'references:\n',
    `  - title: ${scalar(`工艺美术创新发展特色聚集区合作共建申报表（${a.applicant.zh.trim()}）`)}\n`,
    `    publisher: ${scalar(a.applicant.zh)}\n`,
    `    year: ${year}\n`,
    `    note: ${scalar('申报材料，未经核实 / the application, not yet verified')}\n`,
    'images: []\n',
    `added: ${today}\n`,
    '---\n\n',
    '<div lang="zh-Hans">\n\n本记录据申报表生成，尚待审核。\n\n</div>\n\n',
    '<div lang="en">\n\nThis record was made from an application and awaits review.\n\n</div>\n',
  ].join('');
}

/** The contact sheet for the programme office: who applied and how to reach them. */
export function contactSheet(a: Application, id: string, today: string): string {
  return [
    '工艺美术创新发展特色聚集区合作共建申报 · 联系单 / Cluster application · contact sheet',
    '',
    `草稿记录 Draft record: ${id} (${draftFolder(a)})`,
    `日期 Date: ${today}`,
    `申报地区 Region: ${a.place.zh.trim()}`,
    `申报单位 Applicant: ${a.applicant.zh.trim()}`,
    `联系人 Contact person: ${a.contact.person.trim()}`,
    `职务 Title: ${a.contact.title.trim()}`,
    `电话 Phone: ${a.contact.phone.trim()}`,
    '',
    '仅供项目办公室使用，不得发布。For the programme office only; never published.',
    '',
  ].join('\n');
}
