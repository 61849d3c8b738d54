import type { Work } from '../schemas/work.ts';
import { provinceOf } from './regions.ts';
import type { WorkFacets } from './related.ts';

/** The facets of a work that relate it to others. */
export function workFacets(work: Work): WorkFacets {
  return {
    id: work.id,
    techniques: work.techniques,
    makers: work.makers.flatMap((m) => (m.person ? [m.person] : [])),
    province: work.region ? provinceOf(work.region.code)?.code : undefined,
    period: work.period,
    materials: work.materials,
    category: work.category,
  };
}
