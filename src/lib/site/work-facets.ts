/** A work's facets for the "related records" scoring (`related.ts`). Pure. */
import type { Work } from '../../schemas/work.ts';
import { provinceOf } from '../records/regions.ts';
import {
  relatedFromIndex,
  relatedIndex,
  type RelatedIndex,
  type WorkFacets,
  type WorkLook,
} from './related.ts';

/** The facets of a work that relate it to others, with how its first picture looks. */
export function workFacets(work: Work, look?: WorkLook): WorkFacets {
  return {
    look,
    id: work.id,
    techniques: work.techniques,
    makers: work.makers.flatMap((m) => (m.person ? [m.person] : [])),
    province: work.region ? provinceOf(work.region.code)?.code : undefined,
    period: work.period,
    materials: work.materials,
    category: work.category,
  };
}

/** Candidate works (any objects holding a work's data) indexed by the facets that relate them. */
export type RelatedWorksIndex<T extends { data: Work }> = RelatedIndex<
  WorkFacets & { candidate: T }
>;

/**
 * Indexes `candidates` once, so each work's related works are looked up, not scanned for;
 * `lookOf` tells how each candidate's first picture looks, where it has one.
 */
export function relatedWorksIndex<T extends { data: Work }>(
  candidates: readonly T[],
  lookOf: (candidate: T) => WorkLook | undefined = () => undefined,
): RelatedWorksIndex<T> {
  return relatedIndex(
    candidates.map((candidate) => ({
      ...workFacets(candidate.data, lookOf(candidate)),
      candidate,
    })),
  );
}

/** The works most related to `work` (whose first picture looks like `look`) in an index. */
export function relatedWorksIn<T extends { data: Work }>(
  work: Work,
  index: RelatedWorksIndex<T>,
  look?: WorkLook,
): T[] {
  return relatedFromIndex(workFacets(work, look), index).map((r) => r.candidate);
}

/** The works most related to `work` among `candidates`. */
export function relatedWorksOf<T extends { data: Work }>(
  work: Work,
  candidates: readonly T[],
): T[] {
  return relatedWorksIn(work, relatedWorksIndex(candidates));
}
