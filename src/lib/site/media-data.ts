/**
 * The ingest's generated/media.json, read once at build time. Before the first ingest the
 * manifest is empty and pages show their placeholders instead of images.
 * Not pure: reads generated/media.json from disk (build time only).
 */
import {
  allOf,
  byIds,
  oncePerBuild,
  worksWithTechnique,
  type AnyEntry,
  type Entry,
} from './archive.ts';
import { craftShowcase, type CraftShowcase, type ShowcaseWork } from './craft-showcase.ts';
import type { Localized } from './i18n.ts';
import { CANDIDATES_PER_FACET, type WorkLook } from './related.ts';
import { relatedWorksIn, relatedWorksIndex } from './work-facets.ts';
import {
  entryLookup,
  isImageEntry,
  isAvEntry,
  isModelEntry,
  type MediaManifest,
} from '../records/media-manifest.ts';
import { EMPTY_MEDIA_MANIFEST, readMediaManifest } from '../records/media-file.ts';
import { byRecordId } from '../records/record-ref.ts';

let cached: MediaManifest | undefined;

export function mediaManifest(): MediaManifest {
  cached ??= readMediaManifest(process.cwd()) ?? EMPTY_MEDIA_MANIFEST;
  return cached;
}

export const imageEntry = entryLookup(mediaManifest, isImageEntry);
export const modelEntry = entryLookup(mediaManifest, isModelEntry);
export const avEntry = entryLookup(mediaManifest, isAvEntry);

/** A picture of a record: an image, or a 3D model's poster. */
export interface RecordPicture {
  file: string;
  alt: Localized;
  /** Made by the project (a diagram, a generated model's poster), not a photograph or scan. */
  illustration: boolean;
}

/**
 * The pictures of a record that the ingest has processed, in the order to show them: its
 * photographs and scans first, then illustrations, each in the order listed (images, then the
 * posters of 3D models: a work with only a model shows the model's poster).
 */
export function picturesOf(entry: AnyEntry): RecordPicture[] {
  // asked for every card, ranking and craft page: computed once per record and build
  return oncePerBuild(`pictures:${entry.collection}/${entry.id}`, () => processedPictures(entry));
}

function processedPictures(entry: AnyEntry): RecordPicture[] {
  const images = 'images' in entry.data ? entry.data.images : [];
  const posters =
    'models' in entry.data
      ? entry.data.models.flatMap((m) =>
          m.poster ? [{ file: m.poster, alt: m.alt, illustration: m.illustration }] : [],
        )
      : [];
  const all = [...images, ...posters].filter((img) =>
    imageEntry(entry.collection, entry.id, img.file),
  );
  return [...all.filter((p) => !p.illustration), ...all.filter((p) => p.illustration)];
}

/** How a work's first picture looks (its object's colour, its perceptual hash), if it has one. */
export function lookOf(work: Entry<'works'>): WorkLook | undefined {
  const first = picturesOf(work)[0];
  const image = first ? imageEntry(work.collection, work.id, first.file) : undefined;
  if (!image) return undefined;
  return {
    colour: (image.tags.object?.palette[0] ?? image.tags.dominant).hex,
    phash: image.tags.phash,
  };
}

/**
 * The works related to `work` — by craft, maker, region, period, material and colour — from an
 * index made once per build (src/lib/site/related.ts).
 */
export function worksRelatedTo(work: Entry<'works'>): Promise<Entry<'works'>[]> {
  // the Chinese and English pages of a work ask for the same list: made once
  return oncePerBuild(`related:${work.id}`, async () => {
    const index = await oncePerBuild('related', async () =>
      relatedWorksIndex(await allOf('works'), lookOf),
    );
    return relatedWorksIn(work.data, index, lookOf(work));
  });
}

/** Whether a record has a real photograph (or scan) the ingest has processed. */
export function isPhotographed(entry: AnyEntry): boolean {
  return picturesOf(entry).some((p) => !p.illustration);
}

/**
 * How early a record comes in a gallery: 3 with a photograph, 2 with an illustration only,
 * 1 curated without a picture, 0 imported without a picture. Visitors judge a museum by its
 * pictures, so galleries, the timeline, regions, crafts and search show photographs first.
 */
export function pictureRank(entry: AnyEntry): number {
  const pictures = picturesOf(entry);
  if (pictures.some((p) => !p.illustration)) return 3;
  if (pictures.length > 0) return 2;
  return 'imported' in entry.data && entry.data.imported ? 0 : 1;
}

/** Sort order for galleries: higher `pictureRank` first (stable otherwise). */
export function byPictureRank(a: AnyEntry, b: AnyEntry): number {
  return pictureRank(b) - pictureRank(a);
}

/**
 * Whether a record earns a card in galleries and previews: curated records always, imported
 * ones once they have a picture. (A wall of empty cards helps nobody; the others stay listed in
 * text, in search, on the regions pages and in the open data.)
 */
export function showsAsCard(entry: AnyEntry): boolean {
  return !('imported' in entry.data && entry.data.imported) || picturesOf(entry).length > 0;
}

/**
 * The photographed work whose picture a record without one may show, by reference (its
 * derivatives, not a copied file): an exhibition shows the first of its works, a craft the work
 * that leads its own page (so its card and its page show the same photograph). Other records,
 * and records with a picture, have none.
 */
export async function pictureStandIn(entry: AnyEntry): Promise<AnyEntry | undefined> {
  if (picturesOf(entry).length > 0) return undefined;
  if (entry.collection === 'exhibitions') {
    return (await byIds('works', entry.data.works)).find(isPhotographed);
  }
  if (entry.collection === 'crafts') return (await craftShowcaseOf(entry.data)).lead?.work;
  return undefined;
}

/** Photographed works by category and by `category|material`, each list sorted by ID. */
type PhotographedByFacet = Map<string, Entry<'works'>[]>;

/** Photographed works by facet: built once per build. */
function photographedWorks(): Promise<PhotographedByFacet> {
  return oncePerBuild('photographed-works', async () => {
    const byFacet: PhotographedByFacet = new Map();
    const add = (key: string, work: Entry<'works'>) => {
      const list = byFacet.get(key);
      if (list) list.push(work);
      else byFacet.set(key, [work]);
    };
    for (const work of (await allOf('works')).filter(isPhotographed)) {
      add(work.data.category, work);
      for (const material of new Set(work.data.materials))
        add(`${work.data.category}|${material}`, work);
    }
    return byFacet;
  });
}

type ShowcaseEntry = ShowcaseWork & { work: Entry<'works'> };

const showcaseWork = (work: Entry<'works'>): ShowcaseEntry => ({
  id: work.data.id,
  category: work.data.category,
  materials: work.data.materials,
  techniques: work.data.techniques,
  photographed: isPhotographed(work),
  work,
});

/**
 * What a craft page shows of its works' photographs (craft-showcase.ts), from lookups instead of
 * a scan of the archive: the craft's own works, and as stand-ins photographed works of its
 * category, the first `CANDIDATES_PER_FACET` by ID of the category and of each of its materials
 * in that category (as related.ts bounds related works).
 */
export async function craftShowcaseOf(
  craft: Entry<'crafts'>['data'],
): Promise<CraftShowcase<ShowcaseEntry>> {
  const byFacet = await photographedWorks();
  const keys = [craft.category, ...craft.materials.map((m) => `${craft.category}|${m}`)];
  const works = new Set([
    ...(await worksWithTechnique(craft.id)),
    ...(await byIds('works', craft.relatedWorks)),
    ...keys.flatMap((key) => byFacet.get(key)?.slice(0, CANDIDATES_PER_FACET) ?? []),
  ]);
  const sorted = [...works].sort(byRecordId);
  return craftShowcase(craft, sorted.map(showcaseWork));
}
