/**
 * `/captions/<collection>/<slug>/<film>.<language>.vtt`: a film's captions in one language, and
 * `<film>.chapters-<zh|en>.vtt` its chapters (the process steps), written from plain text.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { captionsVtt } from '../../../../lib/media/captions.ts';
import { allOf } from '../../../../lib/site/archive.ts';
import { ownRecordPaths } from '../../../../lib/site/build-shard.ts';
import { captionsName, chaptersVtt, filmsOf } from '../../../../lib/site/films.ts';

export const getStaticPaths = (async () =>
  ownRecordPaths(
    (await allOf('crafts')).flatMap((entry) =>
      filmsOf(entry).flatMap((film) => {
        const params = { collection: entry.collection, slug: entry.id };
        const tracks = film.captions.map((c) => ({
          params: { ...params, name: captionsName(film.file, c.language) },
          props: { entry, text: captionsVtt(c.captions) },
        }));
        const chapters =
          film.chapters.length === 0
            ? []
            : (['zh', 'en'] as const).map((lang) => ({
                params: { ...params, name: captionsName(film.file, `chapters-${lang}`) },
                props: { entry, text: chaptersVtt(film.chapters, lang) },
              }));
        return [...tracks, ...chapters];
      }),
    ),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { text: string }).text, {
    headers: { 'Content-Type': 'text/vtt; charset=utf-8' },
  });
