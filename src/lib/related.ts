/**
 * "Related records": works that share a craft, maker, region, period or material with a work,
 * scored so the strongest links come first. Pure: pages pass in the candidate records.
 */
export interface WorkFacets {
  id: string;
  techniques: readonly string[];
  makers: readonly string[];
  province?: string | undefined;
  period: string;
  materials: readonly string[];
  category: string;
}

const weights = { technique: 4, maker: 5, province: 2, period: 2, material: 1, category: 1 };

function overlap(a: readonly string[], b: readonly string[]): number {
  return a.filter((x) => b.includes(x)).length;
}

/** Score of how closely two works are related (0 = not at all). */
export function relatedness(a: WorkFacets, b: WorkFacets): number {
  if (a.id === b.id) return 0;
  return (
    weights.technique * overlap(a.techniques, b.techniques) +
    weights.maker * overlap(a.makers, b.makers) +
    (a.province && a.province === b.province ? weights.province : 0) +
    (a.period === b.period ? weights.period : 0) +
    weights.material * overlap(a.materials, b.materials) +
    (a.category === b.category ? weights.category : 0)
  );
}

/** The `limit` works most related to `work`, strongest first, ties by ID. */
export function relatedWorks<T extends WorkFacets>(
  work: WorkFacets,
  candidates: T[],
  limit = 6,
): T[] {
  return candidates
    .map((c) => ({ c, score: relatedness(work, c) }))
    .filter((x) => x.score >= 2)
    .sort((x, y) => y.score - x.score || x.c.id.localeCompare(y.c.id))
    .slice(0, limit)
    .map((x) => x.c);
}
