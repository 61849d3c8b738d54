/**
 * `/iiif/<ID>/manifest.json`: IIIF Presentation 3 manifest of every work with images, and of every
 * craft with processed films (its films and recordings, with captions and the steps as ranges).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { craftFilmManifest, hasManifest, workManifest } from '../../../lib/research/iiif.ts';
import { imageEntry } from '../../../lib/site/media-data.ts';
import { allOf, entryRef } from '../../../lib/site/archive.ts';
import { filmsOf } from '../../../lib/site/films.ts';
import type { RecordRef } from '../../../lib/records/record-ref.ts';
import { refsOf, researchContext, siteUrl } from '../../../lib/research/research-site.ts';
import { ownRecordPaths } from '../../../lib/site/build-shard.ts';

type Props =
  | { kind: 'work'; ref: RecordRef<'works'> }
  | { kind: 'films'; ref: RecordRef<'crafts'>; films: ReturnType<typeof filmsOf> };

export const getStaticPaths = (async () => {
  const works = (await refsOf('works'))
    .filter((ref) => hasManifest(ref, imageEntry))
    .map((ref) => ({ params: { id: ref.data.id }, props: { kind: 'work', ref } as Props }));
  const crafts = (await allOf('crafts')).flatMap((entry) => {
    const films = filmsOf(entry);
    if (films.length === 0) return [];
    const ref = entryRef(entry);
    return [{ params: { id: ref.data.id }, props: { kind: 'films', ref, films } as Props }];
  });
  return ownRecordPaths([...works, ...crafts]);
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const p = props as Props;
  const manifest =
    p.kind === 'work'
      ? workManifest(p.ref, researchContext(site))
      : craftFilmManifest(p.ref, p.films, siteUrl(site));
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, {
    headers: {
      'Content-Type':
        'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"',
    },
  });
};
