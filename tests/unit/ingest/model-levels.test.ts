/**
 * Quality levels of the demo models: planned only where they save something, lighter than the
 * full detail, and every hotspot still on the surface of every level.
 */
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger, NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelEntry } from '../../../src/lib/records/media-manifest.ts';
import { loadRecordFile } from '../../../scripts/lib/content.ts';
import { planLevels, worthwhileLevels } from '../../../scripts/lib/ingest/model-levels.ts';
import type { IngestResult } from '../../../scripts/lib/ingest/run.ts';
import { defaultSettings } from '../../../scripts/lib/ingest/settings.ts';
import { distanceToSurface, worldTriangles } from '../../../scripts/lib/models/surface.ts';
import { modelRadius } from '../../../src/lib/viewer/camera.ts';
import { REPO_ROOT, type TempProject, tempProject } from './helpers.ts';

const { levels } = defaultSettings().model;

describe('planLevels', () => {
  it('makes no level for a model that is light already', () => {
    expect(planLevels(35_520, 512, levels)).toEqual([]);
    // 64,512 triangles is not a third above the preview's 50,000: not worth a file.
    expect(planLevels(64_512, 512, levels)).toEqual([]);
  });

  it('makes a preview, then a standard level, as the master grows', () => {
    expect(planLevels(122_002, 512, levels).map((l) => l.name)).toEqual(['preview']);
    const gong = planLevels(299_891, 720, levels);
    expect(gong.map((l) => [l.name, Number(l.ratio.toFixed(3))])).toEqual([
      ['preview', 0.167],
      ['standard', 0.5],
    ]);
  });

  it('makes a preview with smaller textures even when the triangles are few', () => {
    expect(planLevels(4_510, 2048, levels)).toEqual([
      expect.objectContaining({ name: 'preview', ratio: 1, maxTextureSize: 512 }),
    ]);
  });
});

describe('worthwhileLevels', () => {
  it('drops a level that saves too few bytes against the next heavier one', () => {
    const preview = { name: 'preview', bytes: 900, triangles: 50 };
    const standard = { name: 'standard', bytes: 950, triangles: 150 };
    expect(worthwhileLevels([preview, standard], 1000)).toEqual([]);
    expect(worthwhileLevels([preview, standard], 2000)).toEqual([standard]);
    expect(worthwhileLevels([{ ...preview, bytes: 500 }, standard], 2000)).toEqual([
      { ...preview, bytes: 500 },
      standard,
    ]);
  });
});

const DEMOS = [
  'bronze-ritual-wine-ewer-gong',
  'chaozhou-carved-panel-illustration',
  'yixing-teapot-illustration',
  'yuhuchun-vase-illustration',
];

describe('levels of the demo models', () => {
  let project: TempProject;
  let result: IngestResult;
  const io = new NodeIO()
    .setLogger(new Logger(Logger.Verbosity.ERROR))
    .registerExtensions(ALL_EXTENSIONS)
    .registerDependencies({ 'meshopt.decoder': MeshoptDecoder });

  beforeAll(async () => {
    project = await tempProject();
    for (const slug of DEMOS) {
      await cp(join(REPO_ROOT, 'content/works', slug), join(project.root, 'content/works', slug), {
        recursive: true,
        filter: (src) => !/\.(png|jpe?g)$/i.test(src),
      });
    }
    await MeshoptDecoder.ready;
    result = await project.ingest();
  }, 180_000);
  afterAll(() => project?.cleanup());

  const modelOf = (slug: string, file: string) =>
    result.manifest.items[`works/${slug}/${file}`] as ModelEntry;

  it('gives the 300,000-triangle scan a preview within 50,000 triangles and 1 MB', () => {
    const gong = modelOf('bronze-ritual-wine-ewer-gong', 'gong.gltf');
    expect(gong.levels.map((l) => l.name)).toEqual(['preview', 'standard']);
    const [preview, standard] = gong.levels;
    expect(preview!.triangles).toBeLessThanOrEqual(50_000);
    expect(preview!.bytes).toBeLessThan(1_000_000);
    expect(standard!.triangles).toBeLessThanOrEqual(150_000);
    expect(preview!.bytes).toBeLessThan(standard!.bytes);
    expect(standard!.bytes).toBeLessThan(gong.bytesAfter);
    expect(gong.triangles).toBe(299_891);
  });

  it('writes each level as a file of the stated size', async () => {
    for (const entry of Object.values(result.manifest.items)) {
      if (entry.kind !== 'model') continue;
      for (const level of entry.levels) {
        const bytes = await readFile(join(project.root, 'public', level.url));
        expect(bytes.length, level.url).toBe(level.bytes);
      }
    }
  });

  it('keeps every hotspot on the surface of every level', async () => {
    let onLighterLevels = 0;
    let worst = 0;
    for (const slug of DEMOS) {
      const loaded = loadRecordFile(
        project.root,
        'works',
        join(project.root, 'content/works', slug, 'index.mdx'),
      );
      const record = loaded.record;
      if (record?.collection !== 'works') throw new Error(`${slug}: ${loaded.problems[0]?.en}`);
      for (const model of record.data.models) {
        const entry = modelOf(slug, model.file);
        const radius = modelRadius(entry.bbox);
        for (const url of [...entry.levels.map((l) => l.url), entry.url]) {
          const triangles = worldTriangles(await io.read(join(project.root, 'public', url)));
          for (const hotspot of model.hotspots) {
            const distance = distanceToSurface(hotspot.position, triangles);
            // The viewer hides a marker more than 2 % of the radius behind the surface.
            expect(distance / radius, `${slug} ${hotspot.id} on ${url}`).toBeLessThan(0.01);
            worst = Math.max(worst, distance / radius);
            // The measure can fail: the same point moved out along its normal is off the surface.
            const off = hotspot.position.map((p, i) => p + hotspot.normal[i]! * radius * 0.05);
            expect(
              distanceToSurface(off as typeof hotspot.position, triangles) / radius,
            ).toBeGreaterThan(0.02);
            if (url !== entry.url) onLighterLevels += 1;
          }
        }
      }
    }
    console.log(`hotspots: worst distance ${(worst * 100).toFixed(3)} % of the radius`);
    // The gong's 4 hotspots on its preview and standard levels, the panel's 4 on its preview.
    expect(onLighterLevels).toBe(4 * 2 + 4);
  });
});
