/**
 * The illustrative models: each is built from an explicit profile or formula (in centimetres,
 * converted to metres), so the output is the same every run. They illustrate a form or a
 * technique; they are not scans or replicas of particular objects.
 */
import {
  bezier,
  heightPanel,
  hex,
  lathe,
  mix,
  smoothProfile,
  tube,
  type MeshData,
  type RGB,
  type V3,
} from './geometry.ts';
import type { MaterialSpec } from './glb.ts';
import type { RasterView } from './raster.ts';

export interface Design {
  slug: string;
  title: string;
  parts: { mesh: MeshData; material: MaterialSpec }[];
  poster: Omit<RasterView, 'width' | 'height'>;
  /**
   * A large frontal still (`detail.png`, 3200 × 2400) for designs whose surface rewards close
   * looking: big enough for deep zoom.
   */
  detail?: Omit<RasterView, 'width' | 'height'>;
  /**
   * The surface drawn for the detail still, when the model's own mesh is too coarse for it (the
   * still has about ten pixels per cell of a phone-sized grid, which would show as stair steps).
   */
  detailMeshes?: () => MeshData[];
  /** Named points (model units, metres) to place hotspots: the nearest vertex is reported. */
  landmarks: Record<string, V3>;
}

const CM = 0.01;
const toMetres = (profile: [number, number][], factor = CM): [number, number][] =>
  profile.map(([r, y]) => [r * factor, y * factor]);

const smoothstep = (a: number, b: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
};

/**
 * 玉壶春瓶 (yuhuchun vase): flared mouth, slender neck, pear-shaped body, ring foot. The
 * silhouette follows the form's usual proportions (about 29 cm high); celadon glaze with an
 * unglazed foot rim.
 */
export function yuhuchun(): Design {
  const outer: [number, number][] = [
    [0, 0.45],
    [3.4, 0.45],
    [3.65, 0.1],
    [3.95, 0],
    [4.3, 0.05],
    [4.45, 0.6],
    [4.55, 1.1],
    [5.6, 2.0],
    [6.9, 3.6],
    [7.7, 5.8],
    [7.9, 8.0],
    [7.6, 10.5],
    [6.7, 13.0],
    [5.3, 15.5],
    [3.9, 17.8],
    [2.8, 19.8],
    [2.1, 21.6],
    [1.8, 23.2],
    [1.85, 24.6],
    [2.2, 26.0],
    [2.9, 27.3],
    [3.6, 28.3],
    [4.05, 28.9],
    [4.15, 29.15],
    [4.0, 29.3],
    [3.75, 29.15],
    [3.3, 28.4],
    [2.55, 27.2],
    [1.8, 25.8],
    [1.45, 24.4],
    [1.4, 23.0],
    [1.7, 21.4],
    [2.4, 19.7],
    [3.5, 17.6],
    [4.9, 15.3],
    [6.3, 12.9],
    [7.2, 10.4],
    [7.45, 8.0],
    [7.25, 5.9],
    [6.5, 3.8],
    [5.2, 2.2],
    [3.0, 1.2],
    [0, 1.1],
  ];
  const profile = smoothProfile(toMetres(outer), 6);
  const glaze = hex('#9cbfa7');
  const deep = hex('#6f9a80');
  const foot = hex('#c78a5c');
  const footEnd = 6 * 6; // the foot-ring samples (first six control points)
  const mesh = lathe('vase', profile, 128, (i, [, y]) => {
    if (i <= footEnd) return foot;
    // Glaze pools a little darker low on the body and in the neck's waist.
    const t =
      smoothstep(0.01, 0.09, y) *
      (1 - 0.35 * smoothstep(0.2, 0.23, y) * (1 - smoothstep(0.24, 0.27, y)));
    return mix(deep, glaze, 0.35 + 0.65 * t);
  });
  return {
    slug: 'yuhuchun-vase-illustration',
    title: 'Yuhuchun vase (illustration)',
    parts: [{ mesh, material: { name: 'celadon glaze', roughness: 0.22, metallic: 0 } }],
    poster: { azimuth: 25, elevation: 10, background: hex('#f3f0e8'), specular: 40 },
    landmarks: {
      lip: [0, 0.2905, 0.0412],
      neck: [0, 0.232, 0.018],
      belly: [0, 0.08, 0.079],
      foot: [0, 0.006, 0.0445],
    },
  };
}

/** The carved panel's width and height, centimetres. */
export const PANEL_CM = { width: 42, height: 28 } as const;

/**
 * The carved panel's relief: height (0–1) at (u, v), u left→right and v bottom→top. The film of
 * its making (`npm run generate:film`) draws the same surface at each stage.
 */
export const panelRelief = (() => {
  const { width: W, height: H } = PANEL_CM;
  const spiral = (
    x: number,
    y: number,
    cx: number,
    cy: number,
    R: number,
    turns: number,
    hand: 1 | -1,
  ) => {
    const dx = x - cx;
    const dy = y - cy;
    const r = Math.hypot(dx, dy);
    if (r > R) return 0;
    const theta = Math.atan2(dy, dx) * hand;
    const f = 0.5 + 0.5 * Math.cos(2 * Math.PI * ((r / R) * turns - theta / (2 * Math.PI)));
    const ridge = smoothstep(0.5, 0.85, f);
    const dome = 1 - (r / R) ** 2;
    return (0.35 + 0.55 * ridge) * smoothstep(0, 0.15, dome) * (0.75 + 0.25 * dome);
  };
  const height = (u: number, v: number) => {
    const x = (u - 0.5) * W;
    const y = v * H;
    const d = Math.min(x + W / 2, W / 2 - x, y, H - y);
    // Frame: a rounded bead, a flat band and an inner fillet.
    if (d < 2.2) return 0.7 + 0.25 * Math.sin(Math.PI * Math.min(1, d / 2.2));
    const fillet = Math.max(0, 1 - Math.abs(d - 2.7) / 0.35) * 0.6;
    let h = 0.1;
    // Oval medallion.
    const ex = x / 11;
    const ey = (y - 14) / 8;
    const e = Math.hypot(ex, ey);
    const rim = Math.max(0, 1 - Math.abs(e - 1) / 0.06) * 0.75;
    if (e < 1) {
      h = 0.16;
      h = Math.max(
        h,
        spiral(x, y, -4.6, 14, 3.8, 2.5, 1),
        spiral(x, y, 4.6, 14, 3.8, 2.5, -1),
        spiral(x, y, 0, 19.2, 2.4, 2, 1),
        spiral(x, y, 0, 8.8, 2.4, 2, -1),
      );
      // A raised stem joining the two large scrolls.
      h = Math.max(h, Math.abs(y - 14) < 0.9 && Math.abs(x) < 1.5 ? 0.55 : 0);
    } else if (d > 3.1) {
      // Lattice ground: diagonal ribs.
      const s = 3;
      const a = (x + y) / s;
      const b = (x - y) / s;
      const da = Math.abs(a - Math.round(a)) * s;
      const db = Math.abs(b - Math.round(b)) * s;
      h = Math.max(h, 0.42 * smoothstep(0.32, 0.18, Math.min(da, db)));
      // Corner brackets with small scrolls.
      for (const cx of [-W / 2 + 5.2, W / 2 - 5.2]) {
        for (const cy of [5.2, H - 5.2]) {
          const hand = cx * (cy - H / 2) > 0 ? 1 : -1;
          h = Math.max(h, spiral(x, y, cx, cy, 2.3, 1.6, hand));
        }
      }
    }
    return Math.min(1, Math.max(h, rim, fillet));
  };
  return height;
})();

const GOLD = hex('#d2ab57');
const LACQUER = hex('#4a1f17');

/** The finished panel's colour: gilt on the raised parts over dark lacquer. */
export const giltLacquer = (h: number): RGB => mix(LACQUER, GOLD, smoothstep(0.24, 0.4, h));

/**
 * The carved panel as a mesh on a `grid`: its board (42 × 28 × 1.8 cm, 1.2 cm of relief) with a
 * front of `height` coloured by `color` (the finished panel unless given).
 */
export function panelMesh(
  grid: { nu: number; nv: number },
  height: (u: number, v: number) => number = panelRelief,
  color: (h: number, u: number, v: number) => RGB = giltLacquer,
  sideColor: RGB = hex('#3a1812'),
): MeshData {
  const { width: W, height: H } = PANEL_CM;
  return heightPanel(
    'panel',
    { width: W * CM, height: H * CM, thickness: 1.8 * CM, relief: 1.2 * CM },
    grid,
    height,
    color,
    sideColor,
  );
}

/**
 * A gilded relief panel in the manner of Chaozhou wood carving (潮州木雕): a moulded frame, a
 * lattice ground, an oval medallion with cloud scrolls and corner brackets, gilt on the raised
 * parts over dark lacquer. Procedural height field, 42 × 28 cm.
 */
export function carvedPanel(): Design {
  const panel = (grid: { nu: number; nv: number }) => panelMesh(grid);
  const mesh = panel({ nu: 300, nv: 200 });
  const front = (x: number, y: number): V3 => [x * CM, y * CM, 3 * CM];
  return {
    slug: 'chaozhou-carved-panel-illustration',
    title: 'Carved panel (illustration)',
    parts: [{ mesh, material: { name: 'gilt lacquered wood', roughness: 0.45, metallic: 0.3 } }],
    poster: { azimuth: 18, elevation: 8, background: hex('#f3f0e8'), fill: 0.88 },
    detail: { azimuth: 0, elevation: 0, background: hex('#f3f0e8'), fill: 0.96 },
    // The same surface at about 2.5 pixels of the still per cell.
    detailMeshes: () => [panel({ nu: 1200, nv: 800 })],
    landmarks: {
      frame: front(-20, 14),
      // Points on the tops of the relief (normals facing the viewer), found by sampling.
      medallion: [-0.0448, 0.1428, 0.0288],
      lattice: [-0.1498, 0.14, 0.0192],
      corner: [0.1582, 0.231, 0.0288],
    },
  };
}

/**
 * A round teapot in the manner of Yixing zisha ware (宜兴紫砂): turned body and lid with a ball
 * knob, a curved spout and a loop handle. About 7.5 cm high and 17 cm from spout to handle.
 */
export function teapot(): Design {
  const S = 0.75 * CM;
  const clay = hex('#86442b');
  const dark = hex('#5e2c1b');
  const body = smoothProfile(
    toMetres(
      [
        [0, 0.3],
        [4.0, 0.3],
        [4.3, 0],
        [4.8, 0.05],
        [5.0, 0.4],
        [5.9, 1.0],
        [6.7, 2.0],
        [7.05, 3.2],
        [6.9, 4.4],
        [6.2, 5.6],
        [5.1, 6.5],
        [4.1, 7.0],
        [3.9, 7.2],
        [3.7, 7.25],
        [3.45, 7.0],
        [3.45, 6.6],
        [4.8, 5.6],
        [6.4, 3.2],
        [5.5, 1.2],
        [0, 0.8],
      ],
      S,
    ),
    5,
  );
  const lid = smoothProfile(
    toMetres(
      [
        [0, 6.6],
        [3.3, 6.6],
        [3.35, 7.25],
        [4.0, 7.28],
        [4.05, 7.45],
        [3.6, 7.7],
        [2.6, 7.95],
        [1.3, 8.05],
        [0.9, 8.1],
        [0.8, 8.3],
        [1.05, 8.7],
        [1.1, 9.1],
        [0.9, 9.5],
        [0.5, 9.75],
        [0, 9.8],
      ],
      S,
    ),
    5,
  );
  const p = (x: number, y: number, z = 0): V3 => [x * S, y * S, z * S];
  const spout = tube(
    'spout',
    bezier(p(6.0, 2.6), p(8.8, 2.9), p(9.9, 5.0), p(10.9, 7.3), 40),
    (t) => (1.3 - 0.85 * t) * S,
    24,
    () => clay,
  );
  const handle = tube(
    'handle',
    bezier(p(-5.8, 5.6), p(-10.8, 6.6), p(-11.1, 1.4), p(-6.3, 1.9), 48),
    (t) => (0.48 + 0.16 * Math.abs(2 * t - 1)) * S,
    20,
    () => clay,
  );
  const material: MaterialSpec = {
    name: 'zisha clay',
    roughness: 0.75,
    metallic: 0,
    doubleSided: true,
  };
  return {
    slug: 'yixing-teapot-illustration',
    title: 'Round teapot (illustration)',
    parts: [
      {
        mesh: lathe('body', body, 96, (_, [r]) => (r < 5.05 * S && r > 3.9 * S ? dark : clay)),
        material,
      },
      {
        mesh: lathe('lid', lid, 96, (_, [r, y]) => (y < 7.5 * S && r > 3.7 * S ? dark : clay)),
        material,
      },
      { mesh: spout, material },
      { mesh: handle, material },
    ],
    poster: { azimuth: 25, elevation: 18, background: hex('#f3f0e8'), specular: 12 },
    landmarks: {
      knob: p(0, 9.8),
      lid: p(0, 7.4, 4.05),
      spout: p(10.9, 7.3, 0.6),
      handle: p(-10.7, 3.8, 0.6),
      body: p(0, 3.2, 7.05),
    },
  };
}

export const designs = [yuhuchun, carvedPanel, teapot];
export type { RGB };
