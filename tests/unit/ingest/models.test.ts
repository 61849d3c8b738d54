import { existsSync } from 'node:fs';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateBytes } from 'gltf-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelEntry } from '../../../src/lib/records/media-manifest.ts';
import type { IngestResult } from '../../../scripts/lib/ingest/run.ts';
import { SHARED_MODELS, type TempProject, tempProject } from './helpers.ts';

const haveModels = existsSync(SHARED_MODELS);
if (!haveModels) console.warn(`skipping model pipeline tests: ${SHARED_MODELS} is missing`);

const BROKEN_GLTF = JSON.stringify({
  asset: { version: '2.0' },
  buffers: [{ byteLength: 12, uri: 'data:application/octet-stream;base64,AAAAAAAAAAAAAAAA' }],
  bufferViews: [{ buffer: 0, byteLength: 12 }],
  accessors: [{ bufferView: 0, componentType: 5126, count: 3, type: 'VEC3' }],
  meshes: [{ primitives: [{ attributes: { POSITION: 0 } }] }],
  nodes: [{ mesh: 0 }],
  scenes: [{ nodes: [0] }],
});

describe.skipIf(!haveModels)('model pipeline (shared real models)', () => {
  let project: TempProject;
  let result: IngestResult;
  const model = (key: string) => result.manifest.items[key] as ModelEntry;

  beforeAll(async () => {
    project = await tempProject();
    const gong = await project.record('works', 'gong');
    const bottle = await project.record('works', 'water-bottle');
    await cp(join(SHARED_MODELS, 'smithsonian-f1961.33-gong'), gong, { recursive: true });
    await cp(join(SHARED_MODELS, 'khronos-waterbottle'), join(bottle, 'model'), {
      recursive: true,
    });
    await project.record('works', 'broken');
    await project.write('content/works/broken/broken.gltf', BROKEN_GLTF);
    await project.write(
      'content/works/broken/escape.gltf',
      JSON.stringify({
        asset: { version: '2.0' },
        buffers: [{ byteLength: 4, uri: '../../secret.bin' }],
      }),
    );
    result = await project.ingest();
  }, 180_000);
  afterAll(() => project?.cleanup());

  it('optimises the Draco-compressed scan into a valid meshopt GLB without Draco', async () => {
    const gong = model('works/gong/gong.gltf');
    expect(gong.kind).toBe('model');
    expect(gong.compression).toBe('meshopt');
    expect(gong.validator.errors).toBe(0);
    expect(gong.triangles).toBe(299_891);
    expect(gong.vertices).toBeGreaterThan(150_000);
    expect(gong.bbox.size[0]).toBeCloseTo(0.325, 2);
    const glb = new Uint8Array(await readFile(join(project.root, 'public', gong.url)));
    expect(glb.length).toBe(gong.bytesAfter);
    const json = JSON.parse(
      Buffer.from(glb.subarray(20, 20 + new DataView(glb.buffer).getUint32(12, true))).toString(),
    ) as { extensionsUsed: string[] };
    expect(json.extensionsUsed).toContain('EXT_meshopt_compression');
    expect(json.extensionsUsed).not.toContain('KHR_draco_mesh_compression');
    const report = (await validateBytes(glb, { writeTimestamp: false })) as {
      issues: { numErrors: number };
    };
    expect(report.issues.numErrors).toBe(0);
  });

  it('packs the multi-file PBR model into one GLB with WebP textures and reports bytes before/after', () => {
    const bottle = model('works/water-bottle/model/WaterBottle.gltf');
    expect(bottle.triangles).toBe(4510);
    expect(bottle.vertices).toBe(2549);
    expect(bottle.bytesBefore).toBe(9_375_248);
    expect(bottle.bytesAfter).toBeLessThan(bottle.bytesBefore / 5);
    expect(bottle.bbox.size.map((v) => Math.round(v * 1000))).toEqual([109, 260, 109]);
  });

  it('treats the .bin and textures of a .gltf as parts of the model, not as images', async () => {
    const keys = Object.keys(result.manifest.items).filter((k) =>
      k.startsWith('works/water-bottle/'),
    );
    expect(keys).toEqual(['works/water-bottle/model/WaterBottle.gltf']);
    const fixity = JSON.parse(await readFile(join(project.root, 'content/fixity.json'), 'utf8'));
    expect(fixity['works/water-bottle/model/WaterBottle.bin'].type).toBe(
      'application/octet-stream',
    );
    expect(fixity['works/water-bottle/model/WaterBottle_normal.png'].type).toBe('image/png');
  });

  it('fails a model with validator errors, quoting the validator', () => {
    const error = result.report.errors.find((e) => e.key === 'works/broken/broken.gltf');
    expect(error?.message).toMatch(/glTF validator found \d+ error\(s\): [A-Z_]+/);
  });

  it('refuses a model whose resources escape the record folder', () => {
    const error = result.report.errors.find((e) => e.key === 'works/broken/escape.gltf');
    expect(error?.message).toMatch(/escapes the record folder/);
  });

  it('skips both models on an unchanged re-run', async () => {
    const again = await project.ingest();
    expect(again.report.processed).toBe(0);
    expect(again.report.skipped).toBe(2);
  });
});
