/**
 * The reference a site would pick instead of this viewer: Google's `@google/model-viewer` web
 * component, bundled the way Astro bundles the island (Vite, production build, minified, its
 * own three.js) and measured like it (sum of gzip sizes of the JavaScript it loads).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface BundleSize {
  chunks: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}

/** Build `import '@google/model-viewer'` with Vite in memory and size its chunks. */
export async function measureModelViewerJs(): Promise<BundleSize> {
  // Inside the project, so that the entry resolves the project's node_modules.
  await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
  const dir = await mkdtemp(join(ROOT, 'node_modules/.cache/model-viewer-'));
  try {
    const entry = join(dir, 'entry.js');
    await writeFile(entry, "import '@google/model-viewer';\n");
    const output = await build({
      root: ROOT,
      configFile: false,
      logLevel: 'silent',
      build: { write: false, minify: true, rolldownOptions: { input: entry } },
    });
    const outputs = (Array.isArray(output) ? output : [output]) as Rollup.RollupOutput[];
    const chunks = outputs
      .flatMap((o) => o.output)
      .filter((item): item is Rollup.OutputChunk => item.type === 'chunk')
      .map((chunk) => ({
        file: chunk.fileName,
        bytes: Buffer.byteLength(chunk.code),
        gzip: gzipSync(chunk.code, { level: 9 }).length,
      }));
    return {
      chunks,
      bytes: chunks.reduce((sum, c) => sum + c.bytes, 0),
      gzip: chunks.reduce((sum, c) => sum + c.gzip, 0),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
