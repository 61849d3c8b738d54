/**
 * `npm run generate:models`: builds the illustrative 3D models (a yuhuchun vase, a carved
 * panel, a teapot) in Node, with no browser, and writes into each work's folder:
 *
 *   content/works/<slug>/model.glb    the master (metres, Y up, vertex colours, PBR factors)
 *   content/works/<slug>/poster.png   a poster rendered from the same geometry
 *
 * The output is deterministic (same bytes every run). It also prints, for each named landmark,
 * the nearest surface point and its normal, to paste into the record's hotspots.
 * `--check` only reports whether the files on disk are up to date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commandLine } from './lib/command-line.ts';
import { designs } from './lib/models/designs.ts';
import { bounds, type MeshData, type V3 } from './lib/models/geometry.ts';
import { writeGlb } from './lib/models/glb.ts';
import type { RasterView } from './lib/models/raster.ts';
import { renderSupersampled, type RenderSize } from './lib/models/render.ts';

const root = resolve(import.meta.dirname, '..');
const { values: args } = commandLine(
  { options: { check: { type: 'boolean', default: false } } },
  'usage / 用法: npm run generate:models -- [--check]',
);
const checkOnly = args.check;
const POSTER = { width: 1200, height: 900, supersample: 2 };
// The still for deep zoom is looked at pixel by pixel: drawn at twice its size and reduced like
// the poster, so edges are smooth at native size instead of stair-stepped.
const DETAIL = { width: 3200, height: 2400, supersample: 2 };

function nearest(meshes: MeshData[], target: V3): { position: V3; normal: V3 } {
  let best = Infinity;
  let out = { position: target, normal: [0, 0, 1] as V3 };
  for (const m of meshes) {
    for (let i = 0; i < m.positions.length; i += 3) {
      const d = Math.hypot(
        m.positions[i]! - target[0],
        m.positions[i + 1]! - target[1],
        m.positions[i + 2]! - target[2],
      );
      if (d < best) {
        best = d;
        out = {
          position: [m.positions[i]!, m.positions[i + 1]!, m.positions[i + 2]!],
          normal: [m.normals[i]!, m.normals[i + 1]!, m.normals[i + 2]!],
        };
      }
    }
  }
  return out;
}

/** A view of the meshes as PNG (drawn supersampled and reduced). */
const renderPng = (
  meshes: MeshData[],
  view: Omit<RasterView, 'width' | 'height'>,
  size: RenderSize,
): Promise<Buffer> =>
  renderSupersampled(meshes, view, size)
    .png({ compressionLevel: 9, palette: false })
    .withMetadata({})
    .toBuffer();

const r4 = (v: number) => Number(v.toFixed(4)) + 0;
const r3 = (v: number) => Number(v.toFixed(3)) + 0;
let stale = 0;

for (const make of designs) {
  const design = make();
  const dir = join(root, 'content', 'works', design.slug);
  mkdirSync(dir, { recursive: true });
  const meshes = design.parts.map((p) => p.mesh);
  const glb = await writeGlb(design.parts, {
    name: design.title,
    copyright: 'CC-BY-4.0 百工·云 Baigong Cloud (illustration)',
  });
  const png = await renderPng(meshes, design.poster, POSTER);

  const outputs: [string, Uint8Array][] = [
    ['model.glb', glb],
    ['poster.png', png],
  ];
  if (design.detail) {
    const detailPng = await renderPng(design.detailMeshes?.() ?? meshes, design.detail, DETAIL);
    outputs.push(['detail.png', detailPng]);
  }
  for (const [name, bytes] of outputs) {
    const file = join(dir, name);
    const same = existsSync(file) && Buffer.compare(readFileSync(file), Buffer.from(bytes)) === 0;
    if (checkOnly) {
      if (!same) {
        stale += 1;
        console.log(`out of date: ${file}`);
      }
    } else if (!same) writeFileSync(file, bytes);
  }

  const box = bounds(meshes);
  const triangles = meshes.reduce((n, m) => n + m.indices.length / 3, 0);
  console.log(
    `\n${design.slug}: ${triangles} triangles, ${(glb.byteLength / 1024).toFixed(0)} KiB`,
  );
  console.log(
    `  size (cm): ${[0, 1, 2].map((k) => ((box.max[k]! - box.min[k]!) * 100).toFixed(1)).join(' × ')}  (x × y × z)`,
  );
  for (const [name, target] of Object.entries(design.landmarks)) {
    const { position, normal } = nearest(meshes, target);
    const len = Math.hypot(...normal) || 1;
    console.log(
      `  ${name}: position [${position.map(r4).join(', ')}] normal [${normal.map((v) => r3(v / len)).join(', ')}]`,
    );
  }
}
if (checkOnly && stale > 0) process.exit(1);
