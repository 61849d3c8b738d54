/**
 * The illustrative film of how the carved panel is made (`npm run generate:film`): the panel's
 * own relief (designs.ts) drawn at each step of Chaozhou wood carving as the craft record lists
 * them — the design drawn on the board, the waste cut away, the detail carved, the tool marks
 * smoothed, lacquer and gold laid on. Each step is a chapter of the film; its captions say what
 * the step is and that the film is an illustration, not filmed work.
 */
import { panelMesh, panelRelief, giltLacquer } from './designs.ts';
import { hex, mix, type MeshData, type RGB } from './geometry.ts';

/** One chapter: `frame(t)` draws the panel at `t` (0–1) through the step. */
export interface FilmStage {
  /** The step's title in the craft record (`steps[].title.en`), which the chapter shows. */
  step: string;
  seconds: number;
  /** Captions of the chapter, from its start: [seconds, Chinese, English]. */
  cues: [number, string, string][];
  frame: (t: number) => MeshData;
  /** Shininess of the surface (the rasteriser's Blinn-Phong exponent; 0 for matte). */
  specular: number;
}

const GRID = { nu: 240, nv: 160 };
const WOOD = hex('#c99a63');
const WOOD_SIDE = hex('#a97a48');
const INK = hex('#2b2420');
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Cells of the roughed-out panel: 1 cm square. */
const ROUGH = { nu: 42, nv: 28 };

/**
 * The roughed-out relief: blocks of 1 cm at four levels, each as high as the highest
 * point of the final relief in its block, so the blocks hold every form still to be carved.
 */
function roughRelief(u: number, v: number): number {
  const i = Math.min(ROUGH.nu - 1, Math.floor(u * ROUGH.nu));
  const j = Math.min(ROUGH.nv - 1, Math.floor(v * ROUGH.nv));
  let top = 0;
  for (const a of [0, 0.5, 1])
    for (const b of [0, 0.5, 1])
      top = Math.max(top, panelRelief((i + a) / ROUGH.nu, (j + b) / ROUGH.nv));
  // the point's own height too: a block must hold every form in it, not only those sampled
  return Math.ceil(Math.max(top, panelRelief(u, v)) * 4) / 4;
}

/** A repeatable speckle (0–1) standing for the chisel's marks. */
function toolMarks(u: number, v: number): number {
  const s = Math.sin(u * 12_989.8 + v * 78_233.1) * 43_758.545;
  return s - Math.floor(s);
}

/** The panel in bare wood: the stages before lacquer. */
const wood = (
  height: (u: number, v: number) => number,
  color: (h: number, u: number, v: number) => RGB,
) => panelMesh(GRID, height, color, WOOD_SIDE);

/** Ink where the relief crosses the outline level, drawn left to right up to `reach`. */
function drawing(reach: number) {
  return (_h: number, u: number, v: number): RGB => {
    if (u > reach) return WOOD;
    const r = panelRelief(u, v);
    const line = Math.abs(r - 0.3) < 0.035 || Math.abs(r - 0.6) < 0.02;
    return line ? INK : WOOD;
  };
}

export const FILM_STAGES: FilmStage[] = [
  {
    step: 'Design',
    seconds: 6,
    cues: [
      [
        0,
        '示意动画：由本项目的插图模型生成，并非实拍。',
        'An illustration made from the project’s model, not filmed work.',
      ],
      [
        3,
        '设计画稿：构图后把画稿转到木料上。',
        'Design: the composition is drawn and transferred to the wood.',
      ],
    ],
    frame: (t) => wood(() => 1, drawing(clamp01(t * 1.25))),
    specular: 0,
  },
  {
    step: 'Roughing out',
    seconds: 6,
    cues: [
      [
        0,
        '凿粗坯：锯去多余部分，凿出层次与大形。',
        'Roughing out: waste is sawn away and the main forms are chiselled.',
      ],
    ],
    frame: (t) =>
      wood(
        (u, v) => Math.max(roughRelief(u, v), 1 - clamp01(t * 1.2) * 0.9),
        () => WOOD,
      ),
    specular: 0,
  },
  {
    step: 'Fine carving and openwork',
    seconds: 6,
    cues: [
      [
        0,
        '精雕镂通：细刻纹样，层层镂空。',
        'Fine carving: the scrolls and lattice are carved in detail, layer by layer.',
      ],
    ],
    frame: (t) =>
      wood(
        (u, v) => (u < clamp01(t * 1.2) ? panelRelief(u, v) : roughRelief(u, v)),
        (_h, u, v) => mix(WOOD, INK, 0.18 * toolMarks(u, v)),
      ),
    specular: 0,
  },
  {
    step: 'Finishing the surface',
    seconds: 6,
    cues: [
      [
        0,
        '修光：修整刀痕，使线条清晰。',
        'Finishing: tool marks are smoothed and the lines sharpened.',
      ],
    ],
    frame: (t) =>
      wood(panelRelief, (_h, u, v) =>
        mix(WOOD, INK, 0.18 * (1 - clamp01(t * 1.25)) * toolMarks(u, v)),
      ),
    specular: 0,
  },
  {
    step: 'Lacquering and gilding',
    seconds: 6,
    cues: [
      [
        0,
        '髹漆贴金：上漆、贴金，金漆木雕由此得名。',
        'Lacquering and gilding: lacquer, then gold leaf on the raised parts.',
      ],
    ],
    frame: (t) =>
      panelMesh(GRID, panelRelief, (h) => {
        const lacquered = clamp01(t * 2.2);
        const gilded = clamp01(t * 2.2 - 1.1);
        const finished = giltLacquer(h);
        return mix(mix(WOOD, giltLacquer(0), lacquered), finished, gilded);
      }),
    specular: 24,
  },
];

/** Where each chapter starts and ends, seconds from the film's start. */
export function stageTimes(stages = FILM_STAGES): { step: string; start: number; end: number }[] {
  let start = 0;
  return stages.map(({ step, seconds }) => {
    const time = { step, start, end: start + seconds };
    start += seconds;
    return time;
  });
}
