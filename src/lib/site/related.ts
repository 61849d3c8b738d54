/**
 * "Related records": works that share a craft, maker, region, period or material with a work, or
 * look alike (their objects' colours close by CIEDE2000), scored so the strongest links come first.
 * Photographs of the same object (near-duplicate perceptual hashes) are the same thing seen
 * twice, not a similar work, and are never listed. Pure: pages pass in the candidate records.
 */
import { colourDifference, oklabOf, rgbOfHex, type Oklab } from '../colour/colour.ts';
import { nearDuplicates } from '../records/perceptual-hash.ts';

/** How a work's first picture looks, from the media ingest. */
export interface WorkLook {
  /** The object's main colour (`#rrggbb`), or the picture's where the object was not told apart. */
  colour: string;
  /** The picture's perceptual hash (dHash). */
  phash: string;
}

export interface WorkFacets {
  id: string;
  techniques: readonly string[];
  makers: readonly string[];
  province?: string | undefined;
  period: string;
  materials: readonly string[];
  category: string;
  /** Its first picture, where it has one. */
  look?: WorkLook | undefined;
}

const weights = {
  technique: 4,
  maker: 5,
  province: 2,
  period: 2,
  material: 1,
  category: 1,
  /** Colours that look alike, and colours that are close. */
  sameColour: 2,
  nearColour: 1,
};

/** CIEDE2000 differences under which two colours look alike, or close. */
const SAME_COLOUR = 10;
const NEAR_COLOUR = 20;

/** How alike two works' colours look, as a score. */
function colourScore(a: WorkLook | undefined, b: WorkLook | undefined): number {
  if (!a || !b) return 0;
  const difference = colourDifference(a.colour, b.colour);
  if (difference <= SAME_COLOUR) return weights.sameColour;
  return difference <= NEAR_COLOUR ? weights.nearColour : 0;
}

/** Whether two works' first pictures are photographs of the same object. */
export function sameObjectPictured(a: WorkFacets, b: WorkFacets): boolean {
  return a.look !== undefined && b.look !== undefined && nearDuplicates(a.look.phash, b.look.phash);
}

function overlap(a: readonly string[], b: readonly string[]): number {
  return a.filter((x) => b.includes(x)).length;
}

/** Score of how closely two works are related (0 = not at all). */
export function relatedness(a: WorkFacets, b: WorkFacets): number {
  if (a.id === b.id || sameObjectPictured(a, b)) return 0;
  return (
    colourScore(a.look, b.look) +
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

/**
 * How many works of each shared facet value a page considers. A facet value shared by more
 * works (a period, a province, a common technique) contributes only its first works by ID, so a
 * page's cost stays the same however large the archive grows; with fewer works per value than
 * this the result is exactly {@link relatedWorks} over the whole archive.
 */
export const CANDIDATES_PER_FACET = 200;

/** Works by facet value (`technique:…`, `maker:…`, `province:…`, `period:…`, `material:…`), each list sorted by ID. */
export type RelatedIndex<T extends WorkFacets> = ReadonlyMap<string, readonly T[]>;

/**
 * The facet values that can make a work related: a category alone scores 1, under the
 * threshold of 2, so it needs a shared material as well and is not a key of its own.
 */
function facetKeys(work: WorkFacets): string[] {
  return [
    ...work.techniques.map((t) => `technique:${t}`),
    ...work.makers.map((m) => `maker:${m}`),
    ...(work.province ? [`province:${work.province}`] : []),
    `period:${work.period}`,
    ...work.materials.map((m) => `material:${m}`),
    ...(work.look ? [`colour:${colourCell(oklabOf(rgbOfHex(work.look.colour)))}`] : []),
  ];
}

/**
 * A coarse cell of OKLab (lightness in fifths, the two colour axes in steps of 0.06): works whose
 * colours share a cell are candidates for looking alike, found without comparing every pair.
 */
function colourCell([l, a, b]: Oklab): string {
  return `${String(Math.floor(l * 5))}/${String(Math.floor(a / 0.06))}/${String(Math.floor(b / 0.06))}`;
}

/** Indexes the works once per build by every facet value that can relate them. */
export function relatedIndex<T extends WorkFacets>(works: readonly T[]): RelatedIndex<T> {
  const index = new Map<string, T[]>();
  const sorted = [...works].sort((a, b) => a.id.localeCompare(b.id));
  for (const work of sorted) {
    for (const key of new Set(facetKeys(work))) {
      const list = index.get(key);
      if (list) list.push(work);
      else index.set(key, [work]);
    }
  }
  return index;
}

/**
 * The works that may be related to `work`: the first `perFacet` works (plus the work itself)
 * of each of its facet values, looked up in the index instead of scanning the archive.
 */
export function relatedCandidates<T extends WorkFacets>(
  work: WorkFacets,
  index: RelatedIndex<T>,
  perFacet = CANDIDATES_PER_FACET,
): T[] {
  const found = new Map<string, T>();
  for (const key of facetKeys(work)) {
    for (const candidate of index.get(key)?.slice(0, perFacet + 1) ?? []) {
      found.set(candidate.id, candidate);
    }
  }
  return [...found.values()];
}

/** {@link relatedWorks} through the index: the same ranking, a bounded number of candidates. */
export function relatedFromIndex<T extends WorkFacets>(
  work: WorkFacets,
  index: RelatedIndex<T>,
  limit = 6,
  perFacet = CANDIDATES_PER_FACET,
): T[] {
  return relatedWorks(work, relatedCandidates(work, index, perFacet), limit);
}
