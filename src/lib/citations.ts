/**
 * "Cite this record": the same record in GB/T 7714-2015, APA 7, Chicago 17 (notes-bibliography,
 * bibliography entry), BibTeX, RIS and CSL-JSON. Pure and free of Node and vocabulary imports,
 * because the page's small script re-renders the citations with the reader's own access date.
 *
 * Conventions (checked by hand against the manuals; see tests/unit/research/citations.test.ts):
 * - The author is the site as a corporate author (百工·云 / Baigong Cloud), the title is the
 *   record's title or name, the date is the record's last modification (its added date when never
 *   modified), the address is the permanent `/id/<ID>/` link of the page's language.
 * - GB/T 7714-2015 uses the electronic-resource form
 *   `主要责任者. 题名[EB/OL]. (更新或修改日期)[引用日期]. 获取和访问路径.`
 * - APA and Chicago are English-language styles. On the Chinese page they cite the Chinese title
 *   followed by its English translation in square brackets, as both manuals prescribe for titles in
 *   other languages. APA omits the site name because it equals the (group) author. Titles are kept
 *   as the record writes them (no automatic headline capitalisation).
 * - BibTeX is `@misc` with biblatex's `url`/`urldate` and classic `howpublished`; RIS is `TY  - GEN`
 *   with CRLF line ends; CSL-JSON is an array with one `webpage` item.
 */
import type { Collection } from '../schemas/index.ts';
import type { Lang } from './vocabularies.ts';
import { absolute, refModified, refName, SITE_NAME, ymd, type AnyRecordRef } from './record-ref.ts';

/** Everything a citation needs, JSON-serialisable so a page can hand it to its script. */
export interface CitationInput {
  /** Stable ID, e.g. BGW-000001. */
  id: string;
  collection: Collection;
  lang: Lang;
  /** Corporate author and publisher: the site. */
  author: string;
  /** Title or name in the citation's language. */
  title: string;
  /** English title, given in brackets after a Chinese title by APA and Chicago. */
  translatedTitle?: string | undefined;
  /** Last modification, YYYY-MM-DD. */
  modified: string;
  /** Access date, YYYY-MM-DD. */
  accessed: string;
  /** Absolute permanent URL. */
  url: string;
}

export const textStyles = ['gbt7714', 'apa', 'chicago'] as const;
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
    zh: '芝加哥（第17版，注释-书目体系）',
    en: 'Chicago (17th ed., notes and bibliography)',
  },
  bibtex: { zh: 'BibTeX', en: 'BibTeX' },
  ris: { zh: 'RIS', en: 'RIS' },
  csl: { zh: 'CSL-JSON', en: 'CSL-JSON' },
};

/** The citation data of a record in one language, accessed on `accessed`. */
export function citationInput(
  ref: AnyRecordRef,
  lang: Lang,
  site: string | URL,
  accessed: Date,
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
    accessed: ymd(accessed),
    url: absolute(`${lang === 'en' ? '/en' : ''}/id/${ref.data.id}/`, site),
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

/** GB/T 7714-2015, electronic resource: `作者. 题名[EB/OL]. (修改日期)[引用日期]. 网址.` */
export function gbt7714(c: CitationInput, mode: Mode = 'text'): string {
  const f = fmt(mode);
  return `${f.esc(c.author)}. ${f.esc(c.title)}[EB/OL]. (${c.modified})[${c.accessed}]. ${f.link(c.url)}.`;
}

/**
 * APA 7, a page on a website whose group author is the site (site name omitted), with the
 * record ID after the title and a retrieval date because records change over time.
 */
export function apa(c: CitationInput, mode: Mode = 'text'): string {
  const f = fmt(mode);
  const [y, m, d] = parts(c.modified);
  const translated = c.translatedTitle ? ` [${f.esc(c.translatedTitle)}]` : '';
  return (
    `${f.esc(c.author)}. (${y}, ${months[m - 1]} ${d}). ${f.italic(c.title)}${translated} (${f.esc(c.id)}). ` +
    `Retrieved ${longDate(c.accessed)}, from ${f.link(c.url)}`
  );
}

/** Chicago 17, notes-bibliography system, bibliography entry for website content (CMOS 14.206). */
export function chicago(c: CitationInput, mode: Mode = 'text'): string {
  const f = fmt(mode);
  const title = c.translatedTitle
    ? `“${f.esc(c.title)}” [${f.esc(c.translatedTitle)}].`
    : `“${f.esc(c.title)}.”`;
  return (
    `${f.esc(c.author)}. ${title} Last modified ${longDate(c.modified)}. ` +
    `Accessed ${longDate(c.accessed)}. ${f.link(c.url)}.`
  );
}

/** Escape text for a braced BibTeX field. */
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
  return text.replace(/[\\{}&%$#_^~]/g, (ch) => map[ch] ?? ch);
}

/** BibTeX `@misc` entry (keys: the stable ID). */
export function bibtex(c: CitationInput): string {
  const [y] = parts(c.modified);
  const note =
    c.lang === 'zh'
      ? `${c.author}记录 ${c.id}，最后修改 ${c.modified}`
      : `${c.author} record ${c.id}, last modified ${c.modified}`;
  const fields: [string, string][] = [
    ['author', `{${bibEscape(c.author)}}`],
    ['title', `{${bibEscape(c.title)}}`],
    ['year', String(y)],
    ['date', c.modified],
    ['howpublished', `\\url{${c.url}}`],
    ['url', c.url],
    ['urldate', c.accessed],
    ['note', bibEscape(note)],
    ['langid', c.lang === 'zh' ? 'chinese' : 'english'],
  ];
  return `@misc{${c.id},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

/** RIS record, `TY  - GEN`, CRLF line ends. */
export function ris(c: CitationInput): string {
  const slash = (date: string) => date.replaceAll('-', '/');
  const lines: [string, string][] = [
    ['TY', 'GEN'],
    ['AU', c.author],
    ['TI', c.title],
    ...(c.translatedTitle ? ([['TT', c.translatedTitle]] as [string, string][]) : []),
    ['PY', String(parts(c.modified)[0])],
    ['DA', slash(c.modified)],
    ['Y2', slash(c.accessed)],
    ['PB', c.author],
    ['DB', c.author],
    ['AN', c.id],
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
  'title-short'?: string;
  author: { literal: string }[];
  'container-title': string;
  publisher: string;
  issued: { 'date-parts': [[number, number, number]] };
  accessed: { 'date-parts': [[number, number, number]] };
  URL: string;
  language: string;
  note: string;
}

export function cslItem(c: CitationInput): CslItem {
  return {
    id: c.id,
    type: 'webpage',
    title: c.title,
    author: [{ literal: c.author }],
    'container-title': c.author,
    publisher: c.author,
    issued: { 'date-parts': [parts(c.modified)] },
    accessed: { 'date-parts': [parts(c.accessed)] },
    URL: c.url,
    language: c.lang === 'zh' ? 'zh-Hans' : 'en',
    note: c.translatedTitle ? `${c.id}; ${c.translatedTitle}` : c.id,
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

/** A formatted reference in one text style. */
export function citationText(c: CitationInput, style: TextStyle, mode: Mode = 'text'): string {
  if (style === 'gbt7714') return gbt7714(c, mode);
  if (style === 'apa') return apa(c, mode);
  return chicago(c, mode);
}

/** File name of a download: `BGW-000001.zh.bib`. */
export function citationFileName(id: string, lang: Lang, format: FileFormat): string {
  return `${id}.${lang}.${fileTypes[format].ext}`;
}
