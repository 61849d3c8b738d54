// Quality levels of a model: which lighter versions to make (pure planning), and the
// simplification that makes one. The viewer shows the lightest first and the full detail on
// demand, as museum viewers do (Smithsonian Voyager keeps thumb/low/medium/high derivatives).
import type { Document } from '@gltf-transform/core';
import { cloneDocument, simplify } from '@gltf-transform/functions';
import { MeshoptSimplifier } from 'meshoptimizer';
import type { ModelLevelName } from '../../../src/lib/records/media-manifest.ts';

/** One lighter level the ingest may make. */
export interface LevelSetting {
  name: ModelLevelName;
  /** Most triangles of the level. */
  maxTriangles: number;
  /** Largest texture side of the level, in pixels. */
  maxTextureSize: number;
  /** WebP quality of the level's colour textures (every texture is re-encoded). */
  colourTextureQuality: number;
  /** WebP quality of its data textures (normal, occlusion, roughness). */
  dataTextureQuality: number;
}

/** A level to make from a master, with the share of its triangles to keep. */
export interface LevelPlan extends LevelSetting {
  /** Target share of the master's triangles (1: geometry unchanged, only textures smaller). */
  ratio: number;
}

/**
 * A level is worth a file only when it is clearly lighter than the full detail: a third fewer
 * triangles, or smaller textures. A 35,000-triangle model with 1,024 px textures gets none.
 */
const WORTHWHILE = 1.5;

/** A level file must be at most this share of the next heavier one's bytes, or it is dropped. */
const MAX_BYTES_SHARE = 0.8;

/** The lighter levels to make for a master with `triangles` and textures up to `textureSide`. */
export function planLevels(
  triangles: number,
  textureSide: number,
  levels: readonly LevelSetting[],
): LevelPlan[] {
  const plans: LevelPlan[] = [];
  for (const level of [...levels].sort((a, b) => a.maxTriangles - b.maxTriangles)) {
    const fewerTriangles = triangles > level.maxTriangles * WORTHWHILE;
    const smallerTextures = textureSide > level.maxTextureSize;
    if (!fewerTriangles && !smallerTextures) continue;
    plans.push({ ...level, ratio: fewerTriangles ? level.maxTriangles / triangles : 1 });
  }
  return plans;
}

/**
 * The levels worth keeping, lightest first: each at most {@link MAX_BYTES_SHARE} of the bytes
 * of the next heavier level kept (the full detail has `fullBytes`).
 */
export function worthwhileLevels<L extends { bytes: number; triangles: number }>(
  levels: readonly L[],
  fullBytes: number,
): L[] {
  const kept: L[] = [];
  let heavier = fullBytes;
  for (const level of [...levels].sort((a, b) => b.triangles - a.triangles)) {
    if (level.bytes > heavier * MAX_BYTES_SHARE) continue;
    kept.unshift(level);
    heavier = level.bytes;
  }
  return kept;
}

/** Largest texture side in a document (0 without textures or sizes). */
export function largestTextureSide(document: Document): number {
  let side = 0;
  for (const texture of document.getRoot().listTextures()) {
    const size = texture.getSize();
    if (size) side = Math.max(side, size[0], size[1]);
  }
  return side;
}

/**
 * Error limits tried in turn, as fractions of the mesh radius: the smallest that reaches the
 * triangle budget wins, so a level is no coarser than it must be. 1 % of a 30 cm vessel is
 * 1.5 mm; the viewer's marker occlusion test allows 2 % before it hides a hotspot.
 */
const ERROR_LADDER = [0.002, 0.005, 0.01, 0.02];

/** Result of simplifying one level. */
export interface Simplified {
  document: Document;
  /** The error limit that was used (fraction of the mesh radius); 0 when not simplified. */
  error: number;
}

/**
 * A copy of `document` simplified towards the plan's triangle budget (meshoptimizer, through
 * glTF-Transform); `count` gives the triangles of a document. When no error limit on the ladder
 * reaches the budget, the coarsest result is kept and its triangles tell.
 */
export async function simplifiedCopy(
  document: Document,
  plan: LevelPlan,
  count: (document: Document) => number,
): Promise<Simplified> {
  if (plan.ratio >= 1) return { document: cloneDocument(document), error: 0 };
  await MeshoptSimplifier.ready;
  let result: Simplified | undefined;
  for (const error of ERROR_LADDER) {
    const copy = cloneDocument(document);
    await copy.transform(simplify({ simplifier: MeshoptSimplifier, ratio: plan.ratio, error }));
    result = { document: copy, error };
    if (count(copy) <= plan.maxTriangles) break;
  }
  return result!;
}
