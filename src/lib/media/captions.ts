/**
 * Captions of a film or recording: WebVTT files beside the master, named by language
 * (`steps.zh-Hans.vtt`, `steps.en.vtt`). Read with the W3C's own WebVTT parser (the one behind
 * its validator), checked further for what a museum page needs (cues in time order, within the
 * film), and turned into plain text for the transcript and the search index: cue markup never
 * reaches a page as HTML. Traditional-script captions are made from the simplified ones.
 * Pure.
 */
import webvtt, { type WebVTTNode } from 'webvtt-parser';
import { Converter } from 'opencc-js';

/** The caption languages a film may have, as in the file names. */
export const CAPTION_LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type CaptionLanguage = (typeof CAPTION_LANGUAGES)[number];

/** One cue as plain text. */
export interface Caption {
  /** Seconds from the start. */
  start: number;
  end: number;
  /** The cue's text without markup; lines joined by a space. */
  text: string;
}

/** A problem of a captions file, at its line. */
export interface CaptionProblem {
  line: number;
  message: string;
}

/** `steps.zh-Hans.vtt` → the master's stem and the language; undefined for another name. */
export function captionFileOf(
  file: string,
): { stem: string; language: CaptionLanguage } | undefined {
  const match = /^(.+)\.(zh-Hans|zh-Hant|en)\.vtt$/.exec(file);
  if (!match?.[1] || !match[2]) return undefined;
  return { stem: match[1], language: match[2] as CaptionLanguage };
}

/** The text of a cue's parsed tree: text nodes only (tags and ruby annotations' bases kept). */
function plainText(nodes: readonly WebVTTNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value ?? '';
      if (node.type === 'object' && node.name !== 'rt') return plainText(node.children ?? []);
      return '';
    })
    .join('');
}

/**
 * The character references WebVTT allows. The parser's own table lists them without the closing
 * `;` and then decodes `&lt;` as `<;` (webvtt-parser 2.2.0), so it is given the full names.
 */
const REFERENCES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&lrm;': '\u200e',
  '&rlm;': '\u200f',
  '&nbsp;': '\u00a0',
};

const TIME = /(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})/;
const seconds = (m: RegExpExecArray) =>
  Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;

/** The file's line of each timing line that reads, with its times (to name a cue's line). */
function timingLines(text: string): { line: number; start: number; end: number }[] {
  return text.split(/\r\n|\r|\n/).flatMap((line, i) => {
    const [from, to] = line.split('-->');
    const start = from === undefined ? null : TIME.exec(from);
    const end = to === undefined ? null : TIME.exec(to);
    return start && end ? [{ line: i + 1, start: seconds(start), end: seconds(end) }] : [];
  });
}

/**
 * The cues of a WebVTT file as plain text, and every problem: the W3C parser's errors (syntax,
 * cues out of time order, markup that is not WebVTT's), cues past the end of the film (`length`
 * in seconds, when known) and empty cues.
 */
export function parseCaptions(
  text: string,
  length?: number,
): { captions: Caption[]; problems: CaptionProblem[] } {
  const parsed = new webvtt.WebVTTParser(REFERENCES).parse(text, 'subtitles');
  const problems: CaptionProblem[] = parsed.errors.map((e) => ({
    line: e.line,
    message: e.message,
  }));
  const timings = timingLines(text);
  const captions: Caption[] = [];
  for (const cue of parsed.cues) {
    // the parser drops a cue whose timing it cannot read: match the rest by their times
    const at = timings.findIndex((t) => t.start === cue.startTime && t.end === cue.endTime);
    const line = at >= 0 ? (timings.splice(0, at + 1).at(-1)?.line ?? 0) : 0;
    const caption = {
      start: cue.startTime,
      end: cue.endTime,
      text: plainText(cue.tree.children).replace(/\s+/g, ' ').trim(),
    };
    if (length !== undefined && caption.end > length + 0.5)
      problems.push({
        line,
        message: `cue ends after the film (${length.toFixed(1)} s) / 字幕超出影片时长`,
      });
    if (!caption.text) problems.push({ line, message: 'empty cue / 空字幕' });
    captions.push(caption);
  }
  return { captions, problems: problems.sort((a, b) => a.line - b.line) };
}

let toTraditional: ((text: string) => string) | undefined;

/** Traditional-script captions from simplified ones (OpenCC, mainland to Taiwan standard). */
export function traditionalCaptions(captions: readonly Caption[]): Caption[] {
  toTraditional ??= Converter({ from: 'cn', to: 'tw' });
  const convert = toTraditional;
  return captions.map((c) => ({ ...c, text: convert(c.text) }));
}

/** `93.5` → `01:33.500` (hours only when needed), as WebVTT writes times. */
export function vttTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${h > 0 ? `${pad(h)}:` : ''}${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** Captions as a WebVTT file (plain text cues: `&`, `<`, `>` escaped as WebVTT requires). */
export function captionsVtt(captions: readonly Caption[]): string {
  const escape = (text: string) =>
    text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const cues = captions.map((c) => `${vttTime(c.start)} --> ${vttTime(c.end)}\n${escape(c.text)}`);
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}
