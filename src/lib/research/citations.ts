/**
 * "Cite this record": the same record in GB/T 7714-2015, APA 7, Chicago 17 (notes-bibliography:
 * note and bibliography entry), BibTeX, RIS and CSL-JSON. Pure and free of Node and vocabulary
 * imports, because the page's small script re-renders the citations with the reader's own access
 * date.
 *
 * Conventions (checked by hand against the manuals, and against citeproc-js with the official CSL
 * styles, citation-js and a BibTeX parser in tests/unit/research/citations*.test.ts):
 * - The author is the site as a corporate author (百工·云 / Baigong Cloud), the title is the
 *   record's title or name, the date is the record's last modification (its added date when never
 *   modified), the address is the permanent `/id/<ID>/` link of the page's language.
 * - The site is named once, as the author: APA 7 (§9.7, "when the author and site name are the
 *   same"
 *   as in its webpage examples, §10.16) and CMOS 14.206 do not repeat it as site or publisher, so neither do
 *   the files (no container-title, publisher, T2, PB or organization).
 * - The access date is what the reader adds: GB/T 7714-2015 requires it ([引用日期]), APA 7
 *   (§9.16) gives a retrieval date for pages designed to change, CMOS 14.12 allows one. The static
 *   files and the page as built carry none (a build date is not the date anyone read the page);
 *   the page's script fills in the reader's own date in the texts and the downloads.
 * - GB/T 7714-2015 uses the electronic-resource form
 *   `主要责任者. 题名[EB/OL]. (更新或修改日期)[引用日期]. 获取和访问路径.`
 * - APA and Chicago are English-language styles. On the Chinese page they cite the Chinese title
 *   followed by its English translation in square brackets, sentence style (APA 7 §9.38,
 *   CMOS 14.98). English titles: sentence case for APA (§6.17, a capital after a colon too),
 *   headline case for Chicago (CMOS 8.159), see title-case.ts.
 * - BibTeX is biblatex `@online` with `url` (and `urldate` when there is an access date), RIS is
 *   `TY  - ELEC` with CRLF line ends, CSL-JSON is an array with one `webpage` item; all three are
 *   the types reference managers import as a web page. The Chinese files put the English
 *   translation where each format's styles print it: after the title in brackets (RIS `TI`,
 *   CSL `title`) and biblatex's `titleaddon`.
 */
import type { Collection } from '../../schemas/index.ts';
import type { Lang } from '../records/vocabularies.ts';
import { refModified, refName, ymd, type AnyRecordRef } from '../records/record-ref.ts';
import { absolute, permanentPath, SITE_NAME } from '../site/urls.ts';
import { headlineCase, sentenceCase } from './title-case.ts';

/** Everything a citation needs, JSON-serialisable so a page can hand it to its script. */
export interface CitationInput {
  /** Stable ID, e.g. BGW-000001. */
  id: string;
  collection: Collection;
  lang: Lang;
  /** Corporate author: the site. */
  author: string;
  /** Title or name in the citation's language, as the record writes it. */
  title: string;
  /** English title, given in brackets after a Chinese title by APA and Chicago. */
  translatedTitle?: string | undefined;
  /** Last modification, YYYY-MM-DD. */
  modified: string;
  /** Access date, YYYY-MM-DD: only when a reader is looking (see the conventions above). */
  accessed?: string | undefined;
  /** Absolute permanent URL. */
  url: string;
}

export const textStyles = ['gbt7714', 'apa', 'chicago', 'chicagoNote'] as const;
export type TextStyle = (typeof textStyles)[number];
export const fileFormats = ['bibtex', 'ris', 'csl'] as const;
export type FileFormat = (typeof fileFormats)[number];

/** File extension and media type of each download. */
export const fileTypes: Record<FileFormat, { ext: string; type: string }> = {
  bibtex: { ext: 'bib', type: 'application/x-bibtex; charset=utf-8' },
  ris: { ext: 'ris', type: 'application/x-research-info-systems; charset=utf-8' },
  csl: { ext: 'json', type: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
};

export const styleLabels: Record<TextStyle | FileFormat, { zh: string; en: string }> = {
  gbt7714: { zh: 'GB/T 7714-2015', en: 'GB/T 7714-2015' },
  apa: { zh: 'APA（第7版）', en: 'APA (7th ed.)' },
  chicago: {
    zh: '芝加哥（第17版，注释-书目体系：书目）',
    en: 'Chicago (17th ed., notes and bibliography: bibliography)',
  },
  chicagoNote: {
    zh: '芝加哥（第17版，注释-书目体系：注释）',
    en: 'Chicago (17th ed., notes and bibliography: note)',
  },
  bibtex: { zh: 'BibTeX', en: 'BibTeX' },
  ris: { zh: 'RIS', en: 'RIS' },
  csl: { zh: 'CSL-JSON', en: 'CSL-JSON' },
};

/**
 * The citation data of a record in one language. `accessed` is the reader's access date: pages
 * and files built ahead of time pass none (see the conventions above).
 */
export function citationInput(
  ref: AnyRecordRef,
  lang: Lang,
  site: string | URL,
  accessed?: Date,
): CitationInput {
  const name = refName(ref);
  return {
    id: ref.data.id,
    collection: ref.collection,
    lang,
    author: SITE_NAME[lang],
    title: name[lang],
    translatedTitle: lang === 'zh' && name.en !== name.zh ? name.en : undefined,
    modified: ymd(refModified(ref)),
    accessed: accessed ? ymd(accessed) : undefined,
    url: absolute(permanentPath(ref.data.id, lang), site),
  };
}

/** Today's date in the reader's own time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

/** `November 30, 2026`. */
function longDate(date: string): string {
  const [y, m, d] = parts(date);
  return `${months[m - 1]} ${d}, ${y}`;
}

type Mode = 'text' | 'html';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function fmt(mode: Mode) {
  const esc = (s: string) => (mode === 'html' ? escapeHtml(s) : s);
  return {
    esc,
    italic: (s: string) => (mode === 'html' ? `<i>${escapeHtml(s)}</i>` : s),
    link: (url: string) =>
      mode === 'html' ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : url,
  };
}

/**
 * The title as an English-language style gives it: English titles in the style's capitalisation,
 * a Chinese title as written followed by its translation in brackets, sentence style.
 */
function styledTitle(
  c: CitationInput,
  capitalise: (title: string) => string,
): {
  title: string;
  translation?: string;
} {
  if (c.lang === 'en') return { title: capitalise(c.title) };
  return c.translatedTitle
    ? { title: c.title, translation: sentenceCase(c.translatedTitle) }
    : { title: c.title };
}

/** What GB/T 7714-2015 prints in place of an access date the reader has not given yet. */
const accessPlaceholder: Record<Lang, string> = { zh: '引用日期', en: 'date cited' };

/** GB/T 7714-2015, electronic resource: `作者. 题名[EB/OL]. (修改日期)[引用日期]. 网址.` */
export function gbt7714(c: CitationInput, mode: Mode = 'text'): string {
  const f = fmt(mode);
  const cited = c.accessed ?? accessPlaceholder[c.lang];
  return `${f.esc(c.author)}. ${f.esc(c.title)}[EB/OL]. (${c.modified})[${f.esc(cited)}]. ${f.link(c.url)}.`;
}

/**
 * APA 7, a webpage on a website whose group author is the site (site name omitted), with the
 * record ID after the title as a report number would be, and a retrieval date when the reader's
 * date is known, because records change over time (§9.16).
 */
export function apa(c: CitationInput, mode: Mode = 'text'): string {
  const f = fmt(mode);
  const [y, m, d] = parts(c.modified);
  const { title, translation } = styledTitle(c, sentenceCase);
  const translated = translation ? ` [${f.esc(translation)}]` : '';
  const source = c.accessed
    ? `Retrieved ${longDate(c.accessed)}, from ${f.link(c.url)}`
    : f.link(c.url);
  return (
    `${f.esc(c.author)}. (${y}, ${months[m - 1]} ${d}). ${f.italic(title)}${translated} (${f.esc(c.id)}). ` +
    source
  );
}

/** Chicago's quoted title: `“Title”` or `“原题” [Translation]`, with the closing punctuation. */
function chicagoTitle(c: CitationInput, f: ReturnType<typeof fmt>, mark: '.' | ','): string {
  const { title, translation } = styledTitle(c, headlineCase);
  return translation
    ? `“${f.esc(title)}” [${f.esc(translation)}]${mark}`
    : `“${f.esc(title)}${mark}”`;
}

/** Chicago 17, notes-bibliography system, bibliography entry for website content (CMOS 14.206). */
export function chicago(c: CitationInput, mode: Mode = 'text'): string {
  const f = fmt(mode);
  const accessed = c.accessed ? ` Accessed ${longDate(c.accessed)}.` : '';
  return (
    `${f.esc(c.author)}. ${chicagoTitle(c, f, '.')} Last modified ${longDate(c.modified)}.` +
    `${accessed} ${f.link(c.url)}.`
  );
}

/** Chicago 17, notes-bibliography system, full note for website content (CMOS 14.206). */
export function chicagoNote(c: CitationInput, mode: Mode = 'text'): string {
  const f = fmt(mode);
  const accessed = c.accessed ? ` accessed ${longDate(c.accessed)},` : '';
  return (
    `${f.esc(c.author)}, ${chicagoTitle(c, f, ',')} last modified ${longDate(c.modified)},` +
    `${accessed} ${f.link(c.url)}.`
  );
}

/**
 * Escape text for a braced BibTeX field. Runs of hyphens are split (`-{}-`) because TeX would
 * typeset `--` as an en dash and `---` as an em dash, which the record does not say.
 */
export function bibEscape(text: string): string {
  const map: Record<string, string> = {
    '\\': '\\textbackslash{}',
    '{': '\\{',
    '}': '\\}',
    '&': '\\&',
    '%': '\\%',
    $: '\\$',
    '#': '\\#',
    _: '\\_',
    '^': '\\^{}',
    '~': '\\~{}',
  };
  return text.replace(/[\\{}&%$#_^~]/g, (ch) => map[ch] ?? ch).replace(/-(?=-)/g, '-{}');
}

/** The title the files carry: a Chinese title with its English translation in brackets. */
function fileTitle(c: CitationInput): string {
  const { title, translation } = styledTitle(c, sentenceCase);
  return translation ? `${title} [${translation}]` : title;
}

/** biblatex `@online` entry (key: the stable ID); `urldate` only with a reader's access date. */
export function bibtex(c: CitationInput): string {
  const [y] = parts(c.modified);
  const { title, translation } = styledTitle(c, sentenceCase);
  const fields: [string, string][] = [
    // Double braces: one name, not "Cloud, Baigong", and no case changes by the style.
    ['author', `{${bibEscape(c.author)}}`],
    ['title', `{${bibEscape(title)}}`],
    ...(translation ? ([['titleaddon', `[${bibEscape(translation)}]`]] as [string, string][]) : []),
    ['date', c.modified],
    ['year', String(y)],
    ['url', c.url],
    ...(c.accessed ? ([['urldate', c.accessed]] as [string, string][]) : []),
    ['langid', c.lang === 'zh' ? 'chinese' : 'english'],
  ];
  return `@online{${c.id},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

/**
 * RIS record, `TY  - ELEC` (web page), CRLF line ends. The corporate author has no comma, so
 * importers keep it as one name; `Y2` (access date) only with a reader's date.
 */
export function ris(c: CitationInput): string {
  const slash = (date: string) => date.replaceAll('-', '/');
  const lines: [string, string][] = [
    ['TY', 'ELEC'],
    ['AU', c.author],
    ['TI', fileTitle(c)],
    ['PY', String(parts(c.modified)[0])],
    ['DA', slash(c.modified)],
    ...(c.accessed ? ([['Y2', slash(c.accessed)]] as [string, string][]) : []),
    ['UR', c.url],
    ['LA', c.lang === 'zh' ? 'zh-Hans' : 'en'],
    ['ER', ''],
  ];
  return lines.map(([tag, value]) => `${tag}  - ${value}`).join('\r\n') + '\r\n';
}

/** CSL-JSON item (CSL 1.0.2). */
export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  author: { literal: string }[];
  /** The record ID: APA prints it after the title, as a report number. */
  number: string;
  issued: { 'date-parts': [[number, number, number]] };
  accessed?: { 'date-parts': [[number, number, number]] };
  URL: string;
  language: string;
}

/**
 * CSL-JSON item: the site once, as a literal (corporate) author; titles in sentence case, which
 * CSL styles turn into headline case where they want it.
 */
export function cslItem(c: CitationInput): CslItem {
  return {
    id: c.id,
    type: 'webpage',
    title: fileTitle(c),
    author: [{ literal: c.author }],
    number: c.id,
    issued: { 'date-parts': [parts(c.modified)] },
    ...(c.accessed ? { accessed: { 'date-parts': [parts(c.accessed)] } } : {}),
    URL: c.url,
    language: c.lang === 'zh' ? 'zh-Hans' : 'en',
  };
}

/** CSL-JSON file: an array of one item. */
export function cslJson(c: CitationInput): string {
  return `${JSON.stringify([cslItem(c)], null, 2)}\n`;
}

/** A download in one format. */
export function citationFile(c: CitationInput, format: FileFormat): string {
  if (format === 'bibtex') return bibtex(c);
  if (format === 'ris') return ris(c);
  return cslJson(c);
}

/** One record's citation downloads in both languages: the one file `/cite/<ID>.json` serves. */
export interface CitationBundle {
  id: string;
  /** BibTeX and RIS as text, CSL-JSON as data, in each language; no access date. */
  formats: Record<Lang, { bibtex: string; ris: string; csl: unknown[] }>;
}

/**
 * Every download of a record in one document, so an archive of N records publishes N citation
 * files rather than six times N; the record page offers each format as a file of its own.
 */
export function citationBundle(inputs: Readonly<Record<Lang, CitationInput>>): CitationBundle {
  const formatsOf = (c: CitationInput) => ({
    bibtex: bibtex(c),
    ris: ris(c),
    csl: JSON.parse(cslJson(c)) as unknown[],
  });
  return { id: inputs.zh.id, formats: { zh: formatsOf(inputs.zh), en: formatsOf(inputs.en) } };
}

/** A formatted reference in one text style. */
export function citationText(c: CitationInput, style: TextStyle, mode: Mode = 'text'): string {
  if (style === 'gbt7714') return gbt7714(c, mode);
  if (style === 'apa') return apa(c, mode);
  if (style === 'chicagoNote') return chicagoNote(c, mode);
  return chicago(c, mode);
}

/** File name of a download: `BGW-000001.zh.bib`. */
export function citationFileName(id: string, lang: Lang, format: FileFormat): string {
  return `${id}.${lang}.${fileTypes[format].ext}`;
}
