/**
 * The caption cues of the records' films, for the search index: for each record, each film the
 * ingest has published (as its page shows them), the cues of every caption file a person wrote
 * beside the master. The page reads the same files (src/lib/media/caption-files.ts), so a hit
 * inside a film opens it at a cue the page also shows.
 */
import { readCaptionTracks } from '../../../src/lib/media/caption-files.ts';
import {
  getMedia,
  isAvEntry,
  type MediaManifest,
} from '../../../src/lib/records/media-manifest.ts';
import type { FilmTranscript } from '../../../src/lib/search/build-document.ts';
import { filmAnchor } from '../../../src/lib/site/urls.ts';
import type { AnyRecord } from '../content.ts';

/** Films of the records with their cues, by record ID (records without films are absent). */
export function transcriptsOf(
  records: readonly AnyRecord[],
  media: MediaManifest | undefined,
): Map<string, FilmTranscript[]> {
  const transcripts = new Map<string, FilmTranscript[]>();
  if (!media) return transcripts; // without the ingest's versions no page shows a film
  for (const record of records) {
    if (record.collection !== 'crafts' || record.data.films.length === 0) continue;
    const films = record.data.films
      .filter((film) => isAvEntry(getMedia(media, record.collection, record.slug, film.file)))
      .map((film) => ({
        anchor: filmAnchor(film.file),
        cues: readCaptionTracks(record.dir, film.file)
          .filter((track) => !track.generated)
          .flatMap((track) => track.captions),
      }));
    if (films.length > 0) transcripts.set(record.data.id, films);
  }
  return transcripts;
}
