/**
 * Small geometry builders for the illustrative models: lathe (turned) surfaces, height-field
 * relief panels and tubes. Plain arrays, metres, Y up; colours are sRGB 0–1 (converted to
 * linear when written to glTF).
 */

export type V3 = [number, number, number];
export type RGB = [number, number, number];

export interface MeshData {
  name: string;
  positions: number[];
  normals: number[];
  colors: number[];
  indices: number[];
}

export function emptyMesh(name: string): MeshData {
  return { name, positions: [], normals: [], colors: [], indices: [] };
}

export function hex(value: string): RGB {
  const n = Number.parseInt(value.replace('#', ''), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

export function mix(a: RGB, b: RGB, t: number): RGB {
  const c = Math.min(1, Math.max(0, t));
  return [a[0] + (b[0] - a[0]) * c, a[1] + (b[1] - a[1]) * c, a[2] + (b[2] - a[2]) * c];
}

const norm = (v: V3): V3 => {
  const l = Math.hypot(...v) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
};
const cross = (a: V3, b: V3): V3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];

/** Centripetal-free (uniform) Catmull-Rom resampling of a 2D polyline to `count` points. */
export function smoothProfile(points: [number, number][], perSegment: number): [number, number][] {
  const out: [number, number][] = [];
  const n = points.length;
  const at = (i: number) => points[Math.min(n - 1, Math.max(0, i))]!;
  for (let i = 0; i < n - 1; i++) {
    const p0 = at(i - 1);
    const p1 = at(i);
    const p2 = at(i + 1);
    const p3 = at(i + 2);
    for (let s = 0; s < perSegment; s++) {
      const t = s / perSegment;
      const t2 = t * t;
      const t3 = t2 * t;
      const f = (a: number, b: number, c: number, d: number) =>
        0.5 *
        (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
      out.push([f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  out.push(at(n - 1));
  return out;
}

/**
 * A surface of revolution around +Y from a profile of [radius, height] points (metres). The
 * side of the surface that faces out is on the right of the direction of travel: go up the
 * outside and down the inside. `color(i)` gives each profile point a colour.
 */
export function lathe(
  name: string,
  profile: [number, number][],
  segments: number,
  color: (index: number, point: [number, number]) => RGB,
  offset: V3 = [0, 0, 0],
): MeshData {
  const mesh = emptyMesh(name);
  const n = profile.length;
  for (let i = 0; i < n; i++) {
    const prev = profile[Math.max(0, i - 1)]!;
    const next = profile[Math.min(n - 1, i + 1)]!;
    const [r, y] = profile[i]!;
    const tr = next[0] - prev[0];
    const ty = next[1] - prev[1];
    const tl = Math.hypot(tr, ty) || 1;
    // Outward normal in the profile plane: tangent turned clockwise.
    const nr = ty / tl;
    const ny = -tr / tl;
    const c = color(i, profile[i]!);
    for (let s = 0; s <= segments; s++) {
      const a = (s / segments) * Math.PI * 2;
      const sin = Math.sin(a);
      const cos = Math.cos(a);
      mesh.positions.push(offset[0] + r * sin, offset[1] + y, offset[2] + r * cos);
      mesh.normals.push(nr * sin, ny, nr * cos);
      mesh.colors.push(...c);
    }
  }
  stitchRings(mesh, n, segments);
  return mesh;
}

/**
 * Triangles between consecutive rings of `sides + 1` vertices each (the last vertex of a ring
 * repeats its first, so the seam has its own texture coordinates and normals).
 */
function stitchRings(mesh: MeshData, rings: number, sides: number): void {
  const row = sides + 1;
  for (let i = 0; i < rings - 1; i++) {
    for (let s = 0; s < sides; s++) {
      const a = i * row + s;
      const b = a + row;
      mesh.indices.push(a, a + 1, b, b, a + 1, b + 1);
    }
  }
}

/** A tube along a path with a radius per point; open ends. */
export function tube(
  name: string,
  path: V3[],
  radius: (t: number) => number,
  sides: number,
  color: (t: number) => RGB,
): MeshData {
  const mesh = emptyMesh(name);
  const n = path.length;
  // Parallel-transport frames so the tube does not twist.
  let normal: V3 | undefined;
  for (let i = 0; i < n; i++) {
    const p = path[i]!;
    const a = path[Math.max(0, i - 1)]!;
    const b = path[Math.min(n - 1, i + 1)]!;
    const tangent = norm([b[0] - a[0], b[1] - a[1], b[2] - a[2]]);
    if (!normal) {
      const helper: V3 = Math.abs(tangent[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0];
      normal = norm(cross(cross(tangent, helper), tangent));
    } else {
      const d = dot(normal, tangent);
      normal = norm([
        normal[0] - tangent[0] * d,
        normal[1] - tangent[1] * d,
        normal[2] - tangent[2] * d,
      ]);
    }
    const binormal = cross(tangent, normal);
    const t = i / (n - 1);
    const r = radius(t);
    const c = color(t);
    for (let s = 0; s <= sides; s++) {
      const ang = (s / sides) * Math.PI * 2;
      const dir: V3 = [
        normal[0] * Math.cos(ang) + binormal[0] * Math.sin(ang),
        normal[1] * Math.cos(ang) + binormal[1] * Math.sin(ang),
        normal[2] * Math.cos(ang) + binormal[2] * Math.sin(ang),
      ];
      mesh.positions.push(p[0] + dir[0] * r, p[1] + dir[1] * r, p[2] + dir[2] * r);
      mesh.normals.push(...dir);
      mesh.colors.push(...c);
    }
  }
  stitchRings(mesh, n, sides);
  return mesh;
}

/** Points along a cubic Bézier curve. */
export function bezier(p0: V3, p1: V3, p2: V3, p3: V3, count: number): V3[] {
  const out: V3[] = [];
  for (let i = 0; i <= count; i++) {
    const t = i / count;
    const u = 1 - t;
    const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t] as const;
    out.push(
      [0, 1, 2].map((k) => w[0] * p0[k]! + w[1] * p1[k]! + w[2] * p2[k]! + w[3] * p3[k]!) as V3,
    );
  }
  return out;
}

/**
 * A relief panel: the front is a height field `height(u, v)` (0–1, u left→right, v bottom→top)
 * over `width` × `height` metres, raised by up to `relief` above a board of `thickness`; flat
 * back and sides. The board's back lies on z = 0, the front faces +Z.
 */
export function heightPanel(
  name: string,
  size: { width: number; height: number; thickness: number; relief: number },
  grid: { nu: number; nv: number },
  height: (u: number, v: number) => number,
  color: (h: number, u: number, v: number) => RGB,
  sideColor: RGB,
): MeshData {
  const mesh = emptyMesh(name);
  const { nu, nv } = grid;
  const hs: number[] = [];
  for (let j = 0; j <= nv; j++) for (let i = 0; i <= nu; i++) hs.push(height(i / nu, j / nv));
  const h = (i: number, j: number) =>
    hs[Math.min(nv, Math.max(0, j)) * (nu + 1) + Math.min(nu, Math.max(0, i))]!;
  const du = size.width / nu;
  const dv = size.height / nv;
  const z = (i: number, j: number) => size.thickness + h(i, j) * size.relief;
  for (let j = 0; j <= nv; j++) {
    for (let i = 0; i <= nu; i++) {
      const x = -size.width / 2 + i * du;
      const y = j * dv;
      const dzdx = (z(i + 1, j) - z(i - 1, j)) / (2 * du);
      const dzdy = (z(i, j + 1) - z(i, j - 1)) / (2 * dv);
      const nrm = norm([-dzdx, -dzdy, 1]);
      mesh.positions.push(x, y, z(i, j));
      mesh.normals.push(...nrm);
      mesh.colors.push(...color(h(i, j), i / nu, j / nv));
    }
  }
  const row = nu + 1;
  for (let j = 0; j < nv; j++) {
    for (let i = 0; i < nu; i++) {
      const a = j * row + i;
      const b = a + row;
      mesh.indices.push(a, a + 1, b, b, a + 1, b + 1);
    }
  }
  // Sides: a strip from each front edge down to the back plane.
  const addQuadStrip = (edge: [number, number][], outward: V3) => {
    const start = mesh.positions.length / 3;
    for (const [i, j] of edge) {
      const x = -size.width / 2 + i * du;
      const y = j * dv;
      mesh.positions.push(x, y, z(i, j), x, y, 0);
      mesh.normals.push(...outward, ...outward);
      mesh.colors.push(...sideColor, ...sideColor);
    }
    for (let k = 0; k < edge.length - 1; k++) {
      const a = start + k * 2;
      // Winding chosen so the face points along `outward`.
      const flip = outward[1] > 0 || outward[0] < 0;
      if (flip) mesh.indices.push(a, a + 2, a + 1, a + 1, a + 2, a + 3);
      else mesh.indices.push(a, a + 1, a + 2, a + 1, a + 3, a + 2);
    }
  };
  const bottom: [number, number][] = [];
  const top: [number, number][] = [];
  const left: [number, number][] = [];
  const right: [number, number][] = [];
  for (let i = 0; i <= nu; i++) {
    bottom.push([i, 0]);
    top.push([i, nv]);
  }
  for (let j = 0; j <= nv; j++) {
    left.push([0, j]);
    right.push([nu, j]);
  }
  addQuadStrip(bottom, [0, -1, 0]);
  addQuadStrip(top, [0, 1, 0]);
  addQuadStrip(left, [-1, 0, 0]);
  addQuadStrip(right, [1, 0, 0]);
  // Back.
  const b0 = mesh.positions.length / 3;
  const w = size.width / 2;
  mesh.positions.push(-w, 0, 0, w, 0, 0, -w, size.height, 0, w, size.height, 0);
  for (let k = 0; k < 4; k++) {
    mesh.normals.push(0, 0, -1);
    mesh.colors.push(...sideColor);
  }
  mesh.indices.push(b0, b0 + 2, b0 + 1, b0 + 1, b0 + 2, b0 + 3);
  return mesh;
}

/** Bounds of meshes. */
export function bounds(meshes: MeshData[]): { min: V3; max: V3 } {
  const min: V3 = [Infinity, Infinity, Infinity];
  const max: V3 = [-Infinity, -Infinity, -Infinity];
  for (const m of meshes) {
    for (let i = 0; i < m.positions.length; i += 3) {
      for (let k = 0; k < 3; k++) {
        const v = m.positions[i + k]!;
        if (v < min[k]!) min[k] = v;
        if (v > max[k]!) max[k] = v;
      }
    }
  }
  return { min, max };
}
