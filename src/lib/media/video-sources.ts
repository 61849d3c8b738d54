/**
 * The `<source>` list of a film's player: the browser takes the first source whose `media`
 * matches, so the list goes from the most specific to a last source without `media` that always
 * plays. Narrow screens get the smallest version, wide ones the largest, the rest the middle one
 * (720p of 1080/720/480), or the largest when there are only two.
 * Pure.
 */
import type { VideoRendition } from '../records/media-manifest.ts';

export interface VideoSource extends VideoRendition {
  /** Media query for the source; none on the last, which always matches. */
  media?: string | undefined;
}

export const NARROW = '(max-width: 600px)';
export const WIDE = '(min-width: 1400px)';

export function videoSources(renditions: readonly VideoRendition[]): VideoSource[] {
  const sorted = [...renditions].sort((a, b) => b.height - a.height);
  const [largest] = sorted;
  if (!largest) return [];
  if (sorted.length === 1) return [largest];
  const smallest = sorted.at(-1)!;
  const fallback = sorted.length > 2 ? sorted[1]! : largest;
  return [
    { ...smallest, media: NARROW },
    ...(sorted.length > 2 ? [{ ...largest, media: WIDE }] : []),
    fallback,
  ];
}
