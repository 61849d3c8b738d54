/**
 * A record's films and recordings as a page shows them: the ingest's web versions, the captions
 * beside the master (read and checked as `npm run check` does; traditional-script captions made
 * from the simplified ones when there are none), and chapters from the process steps that name
 * a time in the film. Captions are served as WebVTT written from the plain text of the cues
 * (`/captions/…`), so nothing in a caption file reaches a page or a player as markup.
 * Not pure: reads the caption files beside the record (build time only).
 */
import { dirname, resolve } from 'node:path';
import { readCaptionTracks, stemOf, type CaptionTrack } from '../media/caption-files.ts';
import { captionsVtt, type CaptionLanguage } from '../media/captions.ts';
import type { Entry } from './archive.ts';
import { oncePerBuild } from './archive.ts';
import { pick, type Lang, type Localized } from './i18n.ts';
import { avEntry } from './media-data.ts';

/** The captions of a film in one language, and where the site serves them. */
export interface FilmCaptions extends CaptionTrack {
  url: string;
}

/** A chapter: a process step shown in the film. */
export interface FilmChapter {
  title: Localized;
  start: number;
  end: number;
}

export interface FilmView {
  /** The master file, the film's key in the record. */
  file: string;
  title: Localized;
  description?: Localized | undefined;
  illustration: boolean;
  rights: { license: string; holder: string; credit: string };
  media: NonNullable<ReturnType<typeof avEntry>>;
  captions: FilmCaptions[];
  chapters: FilmChapter[];
}

/** The name of a film's served caption file, without `.vtt` (a folder's `/` as `__`). */
export function captionsName(file: string, language: CaptionLanguage | `chapters-${Lang}`): string {
  return `${stemOf(file).replaceAll('/', '__')}.${language}`;
}

/** `/captions/<collection>/<slug>/<name>.vtt`: where the site serves a film's captions. */
export function captionsPath(
  collection: string,
  slug: string,
  file: string,
  language: CaptionLanguage | `chapters-${Lang}`,
): string {
  return `/captions/${collection}/${slug}/${captionsName(file, language)}.vtt`;
}

/** The captions beside a master, by language, with the URLs the site serves them at. */
function captionsOf(recordDir: string, craft: Entry<'crafts'>, file: string): FilmCaptions[] {
  return readCaptionTracks(recordDir, file).map((track) => ({
    ...track,
    url: captionsPath(craft.collection, craft.id, file, track.language),
  }));
}

/** The films of a craft that the ingest has processed, with captions and chapters. */
export function filmsOf(craft: Entry<'crafts'>): FilmView[] {
  return oncePerBuild(`films:${craft.id}`, () => {
    if (!craft.filePath || craft.data.films.length === 0) return [];
    const recordDir = dirname(resolve(craft.filePath));
    return craft.data.films.flatMap((film): FilmView[] => {
      const media = avEntry(craft.collection, craft.id, film.file);
      if (!media) return [];
      const chapters = craft.data.steps.flatMap((step) =>
        step.clip?.film === film.file
          ? [{ title: step.title, start: step.clip.start, end: step.clip.end }]
          : [],
      );
      return [
        {
          file: film.file,
          title: film.title,
          description: film.description,
          illustration: film.illustration,
          rights: film.rights,
          media,
          captions: captionsOf(recordDir, craft, film.file),
          chapters,
        },
      ];
    });
  });
}

/** A film's chapters as a WebVTT chapters track (titles in one language). */
export function chaptersVtt(chapters: readonly FilmChapter[], lang: Lang): string {
  return captionsVtt(
    chapters.map((c) => ({ start: c.start, end: c.end, text: pick(c.title, lang) })),
  );
}
