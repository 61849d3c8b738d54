import { describe, expect, it } from 'vitest';
import { carvedPanel, teapot, yuhuchun } from '../../../scripts/lib/models/designs.ts';
import { bounds, lathe, type MeshData } from '../../../scripts/lib/models/geometry.ts';
import { writeGlb } from '../../../scripts/lib/models/glb.ts';
import { rasterize } from '../../../scripts/lib/models/raster.ts';

/** Share of vertices whose normal points away from the vertical axis through the centre. */
function outwardShare(mesh: MeshData, centre: [number, number]): number {
  let out = 0;
  const n = mesh.positions.length / 3;
  for (let i = 0; i < n; i++) {
    const dx = mesh.positions[i * 3]! - centre[0];
    const dz = mesh.positions[i * 3 + 2]! - centre[1];
    if (dx * mesh.normals[i * 3]! + dz * mesh.normals[i * 3 + 2]! >= 0) out++;
  }
  return out / n;
}

describe('illustrative models', () => {
  it('are built at real-world size in metres', () => {
    const vase = bounds(yuhuchun().parts.map((p) => p.mesh));
    expect(vase.max[1] - vase.min[1]).toBeCloseTo(0.293, 3);
    const panel = bounds(carvedPanel().parts.map((p) => p.mesh));
    expect(panel.max[0] - panel.min[0]).toBeCloseTo(0.42, 3);
    const pot = bounds(teapot().parts.map((p) => p.mesh));
    expect(pot.max[1] - pot.min[1]).toBeGreaterThan(0.06);
    expect(pot.max[1] - pot.min[1]).toBeLessThan(0.09);
  });

  it('turn a profile with normals facing out on the outside', () => {
    const cylinder = lathe(
      'c',
      [
        [0.1, 0],
        [0.1, 1],
      ],
      16,
      () => [1, 1, 1],
    );
    expect(outwardShare(cylinder, [0, 0])).toBe(1);
    expect(cylinder.indices.length).toBe(16 * 6);
  });

  it('write the same bytes every time', async () => {
    const design = teapot();
    const a = await writeGlb(design.parts, { name: 't', copyright: 'x' });
    const b = await writeGlb(teapot().parts, { name: 't', copyright: 'x' });
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    expect(new TextDecoder().decode(a.slice(0, 4))).toBe('glTF');
  });

  it('render a poster with the model on the background', () => {
    const design = teapot();
    const pixels = rasterize(
      design.parts.map((p) => p.mesh),
      { ...design.poster, width: 80, height: 60 },
    );
    const background = pixels.slice(0, 3).join();
    const centre = (30 * 80 + 40) * 3;
    expect(pixels.slice(centre, centre + 3).join()).not.toBe(background);
  });
});
