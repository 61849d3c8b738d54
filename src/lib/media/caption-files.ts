/**
 * The caption files beside a film's master (`<stem>.zh-Hans.vtt`, `<stem>.en.vtt`, …), read and
 * checked as `npm run check` does, with traditional-script captions made from the simplified ones
 * when there are none. The record page (src/lib/site/films.ts) and the search indexer read them
 * here, so a page and its search hits show the same cues.
 * Not pure: reads the files (build and index time only).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CAPTION_LANGUAGES,
  parseCaptions,
  traditionalCaptions,
  type Caption,
  type CaptionLanguage,
} from './captions.ts';

/** The stem of a master's file name: captions are named after it. */
export const stemOf = (file: string) => file.replace(/\.[^./]+$/, '');

/** A film's captions in one language. */
export interface CaptionTrack {
  language: CaptionLanguage;
  /** Made from the simplified-script captions, not written by a person. */
  generated: boolean;
  captions: Caption[];
}

/**
 * The captions of the master `file` in the record folder `recordDir`, in the order of
 * CAPTION_LANGUAGES. A file with problems stops the build with its path and line: `npm run
 * check` refuses it, and a build run without the check must not publish it either.
 */
export function readCaptionTracks(recordDir: string, file: string): CaptionTrack[] {
  const found = new Map<CaptionLanguage, Caption[]>();
  for (const language of CAPTION_LANGUAGES) {
    const path = join(recordDir, `${stemOf(file)}.${language}.vtt`);
    if (!existsSync(path)) continue;
    const { captions, problems } = parseCaptions(readFileSync(path, 'utf8'));
    if (problems.length > 0)
      throw new Error(`${path}:${String(problems[0]?.line)}: ${problems[0]?.message ?? ''}`);
    found.set(language, captions);
  }
  const simplified = found.get('zh-Hans');
  const generated = !found.has('zh-Hant') && simplified !== undefined;
  if (generated) found.set('zh-Hant', traditionalCaptions(simplified));
  return CAPTION_LANGUAGES.flatMap((language) => {
    const captions = found.get(language);
    return captions ? [{ language, generated: generated && language === 'zh-Hant', captions }] : [];
  });
}
