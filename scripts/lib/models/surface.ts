// How far points lie from a model's surface: the test that a hotspot placed on the full detail
// still lies on the surface of every lighter level.
import { type Document, type mat4, Primitive, type vec3 } from '@gltf-transform/core';
import { dot, sub, type V3 } from './geometry.ts';

/** World-space triangles of the default scene, as flat xyz triples (9 numbers per triangle). */
export function worldTriangles(document: Document): Float64Array {
  const root = document.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  const out: number[] = [];
  scene?.traverse((node) => {
    const mesh = node.getMesh();
    if (!mesh) return;
    const matrix = node.getWorldMatrix();
    for (const primitive of mesh.listPrimitives()) {
      if (primitive.getMode() !== Primitive.Mode.TRIANGLES) continue;
      const position = primitive.getAttribute('POSITION');
      if (!position) continue;
      const indices = primitive.getIndices();
      const count = indices ? indices.getCount() : position.getCount();
      const point = [0, 0, 0] as vec3;
      for (let i = 0; i < count; i++) {
        const index = indices ? indices.getScalar(i) : i;
        position.getElement(index, point);
        out.push(...transformPoint(point, matrix));
      }
    }
  });
  return Float64Array.from(out);
}

/** A point through a column-major 4×4 matrix (glTF's layout). */
function transformPoint([x, y, z]: vec3, m: mat4): V3 {
  const w = m[3] * x + m[7] * y + m[11] * z + m[15] || 1;
  return [
    (m[0] * x + m[4] * y + m[8] * z + m[12]) / w,
    (m[1] * x + m[5] * y + m[9] * z + m[13]) / w,
    (m[2] * x + m[6] * y + m[10] * z + m[14]) / w,
  ];
}

/** The point `t` of the way along `dir` from `o`. */
const along = (o: V3, dir: V3, t: number): V3 => [
  o[0] + dir[0] * t,
  o[1] + dir[1] * t,
  o[2] + dir[2] * t,
];

/** Squared distance from `p` to the triangle abc (Ericson, Real-Time Collision Detection 5.1.5). */
export function pointTriangleDistanceSq(p: V3, a: V3, b: V3, c: V3): number {
  const ab = sub(b, a);
  const ac = sub(c, a);
  const ap = sub(p, a);
  const d1 = dot(ab, ap);
  const d2 = dot(ac, ap);
  const closest = (q: V3) => {
    const d = sub(p, q);
    return dot(d, d);
  };
  if (d1 <= 0 && d2 <= 0) return closest(a);
  const bp = sub(p, b);
  const d3 = dot(ab, bp);
  const d4 = dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return closest(b);
  const vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return closest(along(a, ab, d1 / (d1 - d3)));
  const cp = sub(p, c);
  const d5 = dot(ab, cp);
  const d6 = dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return closest(c);
  const vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return closest(along(a, ac, d2 / (d2 - d6)));
  const va = d3 * d6 - d5 * d4;
  if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
    return closest(along(b, sub(c, b), (d4 - d3) / (d4 - d3 + (d5 - d6))));
  }
  const denom = 1 / (va + vb + vc);
  const v = vb * denom;
  const w = vc * denom;
  return closest([
    a[0] + ab[0] * v + ac[0] * w,
    a[1] + ab[1] * v + ac[1] * w,
    a[2] + ab[2] * v + ac[2] * w,
  ]);
}

/** Distance from `point` to the nearest of `triangles` (flat xyz triples); Infinity if none. */
export function distanceToSurface(point: V3, triangles: Float64Array): number {
  let best = Infinity;
  const t = triangles;
  for (let i = 0; i + 8 < t.length; i += 9) {
    const d = pointTriangleDistanceSq(
      point,
      [t[i]!, t[i + 1]!, t[i + 2]!],
      [t[i + 3]!, t[i + 4]!, t[i + 5]!],
      [t[i + 6]!, t[i + 7]!, t[i + 8]!],
    );
    if (d < best) best = d;
  }
  return Math.sqrt(best);
}
