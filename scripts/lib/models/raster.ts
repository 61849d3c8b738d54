/**
 * A tiny software renderer for posters: orthographic view, z-buffer, Lambert + Blinn-Phong
 * shading of vertex colours. Pure arithmetic, so the same input gives the same pixels anywhere.
 */
import type { MeshData, RGB, V3 } from './geometry.ts';

export interface RasterView {
  width: number;
  height: number;
  /** Azimuth around +Y and elevation above the horizon of the viewer, degrees. */
  azimuth: number;
  elevation: number;
  background: RGB;
  /** Fraction of the image the model may fill. */
  fill?: number;
  /** Shininess (0 for matte). */
  specular?: number;
}

export function rasterize(meshes: MeshData[], view: RasterView): Uint8Array {
  const { width: W, height: H } = view;
  const az = (view.azimuth * Math.PI) / 180;
  const el = (view.elevation * Math.PI) / 180;
  // Camera basis: forward points from the camera to the scene.
  const back: V3 = [Math.cos(el) * Math.sin(az), Math.sin(el), Math.cos(el) * Math.cos(az)];
  const right: V3 = [Math.cos(az), 0, -Math.sin(az)];
  const up: V3 = [
    back[1] * right[2] - back[2] * right[1],
    back[2] * right[0] - back[0] * right[2],
    back[0] * right[1] - back[1] * right[0],
  ];
  const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  // Project everything to find the framing.
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const m of meshes) {
    for (let i = 0; i < m.positions.length; i += 3) {
      const p: V3 = [m.positions[i]!, m.positions[i + 1]!, m.positions[i + 2]!];
      const x = dot(p, right);
      const y = dot(p, up);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  const fill = view.fill ?? 0.82;
  const scale = Math.min((W * fill) / (maxX - minX), (H * fill) / (maxY - minY));
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const rgb = new Float32Array(W * H * 3);
  const depth = new Float32Array(W * H).fill(-Infinity);
  for (let i = 0; i < W * H; i++) rgb.set(view.background, i * 3);
  const light: V3 = normalize([-0.45, 0.75, 0.5]);
  const half = normalize([light[0] + back[0], light[1] + back[1], light[2] + back[2]]);
  const fillLight: V3 = normalize([0.6, 0.2, 0.4]);
  const shininess = view.specular ?? 0;

  for (const m of meshes) {
    const n = m.positions.length / 3;
    const sx = new Float32Array(n);
    const sy = new Float32Array(n);
    const sz = new Float32Array(n);
    const shade = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      const p: V3 = [m.positions[i * 3]!, m.positions[i * 3 + 1]!, m.positions[i * 3 + 2]!];
      sx[i] = W / 2 + (dot(p, right) - cx) * scale;
      sy[i] = H / 2 - (dot(p, up) - cy) * scale;
      sz[i] = dot(p, back);
      let nn: V3 = [m.normals[i * 3]!, m.normals[i * 3 + 1]!, m.normals[i * 3 + 2]!];
      if (dot(nn, back) < 0) nn = [-nn[0], -nn[1], -nn[2]];
      const diffuse =
        Math.max(0, dot(nn, light)) * 0.75 + Math.max(0, dot(nn, fillLight)) * 0.2 + 0.22;
      const spec = shininess > 0 ? Math.max(0, dot(nn, half)) ** shininess * 0.35 : 0;
      for (let k = 0; k < 3; k++)
        shade[i * 3 + k] = Math.min(1, m.colors[i * 3 + k]! * diffuse + spec);
    }
    const idx = m.indices;
    for (let t = 0; t < idx.length; t += 3) {
      const a = idx[t]!;
      const b = idx[t + 1]!;
      const c = idx[t + 2]!;
      const area = (sx[b]! - sx[a]!) * (sy[c]! - sy[a]!) - (sx[c]! - sx[a]!) * (sy[b]! - sy[a]!);
      if (area === 0) continue;
      const x0 = Math.max(0, Math.floor(Math.min(sx[a]!, sx[b]!, sx[c]!)));
      const x1 = Math.min(W - 1, Math.ceil(Math.max(sx[a]!, sx[b]!, sx[c]!)));
      const y0 = Math.max(0, Math.floor(Math.min(sy[a]!, sy[b]!, sy[c]!)));
      const y1 = Math.min(H - 1, Math.ceil(Math.max(sy[a]!, sy[b]!, sy[c]!)));
      for (let y = y0; y <= y1; y++) {
        const py = y + 0.5;
        for (let x = x0; x <= x1; x++) {
          const px = x + 0.5;
          const w0 = ((sx[b]! - px) * (sy[c]! - py) - (sx[c]! - px) * (sy[b]! - py)) / area;
          const w1 = ((sx[c]! - px) * (sy[a]! - py) - (sx[a]! - px) * (sy[c]! - py)) / area;
          const w2 = 1 - w0 - w1;
          if (w0 < 0 || w1 < 0 || w2 < 0) continue;
          const z = w0 * sz[a]! + w1 * sz[b]! + w2 * sz[c]!;
          const o = y * W + x;
          if (z <= depth[o]!) continue;
          depth[o] = z;
          for (let k = 0; k < 3; k++)
            rgb[o * 3 + k] =
              w0 * shade[a * 3 + k]! + w1 * shade[b * 3 + k]! + w2 * shade[c * 3 + k]!;
        }
      }
    }
  }
  const out = new Uint8Array(W * H * 3);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(Math.min(1, Math.max(0, rgb[i]!)) * 255);
  return out;
}

function normalize(v: V3): V3 {
  const l = Math.hypot(...v) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
}
