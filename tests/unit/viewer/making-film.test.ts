import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecordFile } from '../../../scripts/lib/content.ts';
import { carvedPanel, giltLacquer } from '../../../scripts/lib/models/designs.ts';
import type { MeshData, RGB } from '../../../scripts/lib/models/geometry.ts';
import { FILM_STAGES, stageTimes } from '../../../scripts/lib/models/making-film.ts';

const root = resolve(import.meta.dirname, '../../..');
const crafts = resolve(root, 'content/crafts/chaozhou-wood-carving/index.mdx');

/** Largest height of the panel's front (z of the relief), metres. */
const frontTop = (positions: number[]) =>
  positions.reduce((m, _, i) => (i % 3 === 2 ? Math.max(m, positions[i]!) : m), 0);

/** Whether a vertex of the mesh has the colour. */
function hasColour(mesh: MeshData, [r, g, b]: RGB): boolean {
  const c = mesh.colors;
  for (let i = 0; i < c.length; i += 3)
    if (Math.abs(c[i]! - r) + Math.abs(c[i + 1]! - g) + Math.abs(c[i + 2]! - b) < 1e-6) return true;
  return false;
}

describe('the illustrative film of the carved panel', () => {
  it('gives each chapter the time range that the craft record names for its step', () => {
    const { record, problems } = loadRecordFile(root, 'crafts', crafts);
    expect(problems).toEqual([]);
    if (record?.collection !== 'crafts') throw new Error('not a craft record');
    const film = record.data.films.find((f) => f.file === 'making-illustration.mp4');
    expect(film?.illustration).toBe(true);
    const clips = record.data.steps.map((step) => ({
      step: step.title.en,
      start: step.clip?.start,
      end: step.clip?.end,
    }));
    expect(clips).toEqual(stageTimes());
  });

  it('labels itself as an illustration in its first caption, in both languages', () => {
    const [first] = FILM_STAGES[0]!.cues;
    expect(first?.[0]).toBe(0);
    expect(first?.[1]).toContain('示意');
    expect(first?.[2]).toMatch(/illustration/i);
  });

  it('starts from a flat board and ends at the finished panel, carving only downwards', () => {
    const board = FILM_STAGES[0]!.frame(0);
    const rough = FILM_STAGES[1]!.frame(1);
    const carved = FILM_STAGES[2]!.frame(1);
    const finished = FILM_STAGES.at(-1)!.frame(1);
    const model = carvedPanel().parts[0]!.mesh;
    // Flat: every front vertex at the same height.
    const fronts = new Set(board.positions.filter((_, i) => i % 3 === 2).map((z) => z.toFixed(6)));
    expect(fronts.size).toBeLessThanOrEqual(2); // the front and the back plane
    // Carving never adds wood: each stage lies at or below the one before, vertex by vertex.
    for (const [before, after] of [
      [board, rough],
      [rough, carved],
    ] as const) {
      const n = Math.min(before.positions.length, after.positions.length);
      let above = 0;
      for (let i = 2; i < n; i += 3) if (after.positions[i]! > before.positions[i]! + 1e-9) above++;
      expect(above).toBe(0);
    }
    expect(frontTop(finished.positions)).toBeCloseTo(frontTop(model.positions), 4);
    // The finished stage has the model's colours: gilt on the high parts, lacquer below.
    for (const colour of [giltLacquer(1), giltLacquer(0)]) {
      expect(hasColour(finished, colour)).toBe(true);
      expect(hasColour(carved, colour)).toBe(false);
    }
  });
});
