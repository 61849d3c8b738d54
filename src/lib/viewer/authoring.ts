/**
 * Ready-to-paste frontmatter for curators (the viewer's authoring aid in `npm run dev`).
 * Pure.
 */
import type { CameraView, LightingPreset, Vec3 } from './types.ts';

const num = (v: number, digits: number) => String(Number(v.toFixed(digits)) + 0);
const vec = (v: Vec3, digits = 4) => `[${v.map((x) => num(x, digits)).join(', ')}]`;

/** Unit vector (or the input when it has no length). */
export function normalize(v: Vec3): Vec3 {
  const l = Math.hypot(...v);
  return l > 0 ? (v.map((x) => x / l) as Vec3) : v;
}

/** A hotspot entry for `models[].hotspots` (indented for pasting under `hotspots:`). */
export function hotspotYaml(input: {
  id: string;
  position: Vec3;
  normal: Vec3;
  camera: CameraView;
}): string {
  return [
    `      - id: ${input.id}`,
    `        position: ${vec(input.position)}`,
    `        normal: ${vec(normalize(input.normal), 3)}`,
    `        title:`,
    `          zh: 标题`,
    `          en: Title`,
    `        text:`,
    `          zh: 说明文字。`,
    `          en: Explanation.`,
    `        camera:`,
    `          position: ${vec(input.camera.position)}`,
    `          target: ${vec(input.camera.target)}`,
  ].join('\n');
}

/** A step for `models[].tour` (indented for pasting under `tour:`). */
export function tourStepYaml(input: {
  camera: CameraView;
  lighting?: LightingPreset;
  hotspot?: string;
}): string {
  return [
    `      - camera:`,
    `          position: ${vec(input.camera.position)}`,
    `          target: ${vec(input.camera.target)}`,
    ...(input.hotspot ? [`        hotspot: ${input.hotspot}`] : []),
    ...(input.lighting ? [`        lighting: ${input.lighting}`] : []),
    `        text:`,
    `          zh: 这一步的说明。`,
    `          en: What the visitor reads at this step.`,
  ].join('\n');
}

/** The next free hotspot id `point-N` given the ids in use. */
export function nextHotspotId(used: readonly string[]): string {
  for (let i = used.length + 1; ; i++) {
    const id = `point-${i}`;
    if (!used.includes(id)) return id;
  }
}
