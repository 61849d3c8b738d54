/**
 * The viewer's JavaScript budget, measured on the built site: starting from the island's
 * component and renderer modules on a work page with a model, follow every static and dynamic
 * import between chunks in dist/_astro and add up their gzip sizes. Decoder files that three.js
 * fetches only for Draco-compressed models are listed apart and not counted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Budget from issue 5: the viewer's JavaScript including React, gzip. */
export const VIEWER_BUDGET_BYTES = 350 * 1024;

export interface ViewerBudget {
  /** A page the figures were taken from. */
  page: string;
  chunks: { file: string; bytes: number; gzip: number }[];
  /** Sum of the chunks' gzip sizes. */
  gzip: number;
  /** Sum of raw sizes. */
  bytes: number;
  /** Fetched only for Draco-compressed models (not counted). */
  onDemand: string[];
  budget: number;
}

const DECODER = /draco_|basis_/;

/** Work pages (relative to dist) whose HTML holds the viewer island. */
export function modelPages(dist: string): string[] {
  const works = join(dist, 'works');
  if (!existsSync(works)) return [];
  return readdirSync(works)
    .map((slug) => `works/${slug}/index.html`)
    .filter(
      (page) =>
        existsSync(join(dist, page)) &&
        /component-url="[^"]*ModelViewer[^"]*"/.test(readFileSync(join(dist, page), 'utf8')),
    );
}

/** `/_astro/x.js` URLs an HTML page loads for the viewer island. */
export function islandEntries(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(
    /<astro-island[^>]*component-url="([^"]*ModelViewer[^"]*)"[^>]*>/g,
  )) {
    out.add(m[1]!);
    const renderer = /renderer-url="([^"]+)"/.exec(m[0]);
    if (renderer) out.add(renderer[1]!);
  }
  return [...out];
}

/** Import specifiers of a chunk that point at other chunks. */
export function chunkImports(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g)) out.add(m[1]!);
  // Vite's preload helper lists dependencies as plain strings.
  for (const m of code.matchAll(/["'`]((?:\.\/|\/_astro\/)[^"'`]+\.js)["'`]/g)) out.add(m[1]!);
  return [...out];
}

export function measureViewerJs(dist: string): ViewerBudget {
  const [page] = modelPages(dist);
  if (!page)
    throw new Error(
      'no page with the 3D viewer in dist/: build the site with the demo models first',
    );
  const html = readFileSync(join(dist, page), 'utf8');
  const seen = new Set<string>();
  const onDemand = new Set<string>();
  const queue = islandEntries(html).map((url) => url.replace(/^\/_astro\//, ''));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    if (DECODER.test(file)) {
      onDemand.add(file);
      continue;
    }
    seen.add(file);
    const path = join(dist, '_astro', file);
    if (!existsSync(path)) continue;
    for (const spec of chunkImports(readFileSync(path, 'utf8'))) {
      const name = spec.replace(/^\.\//, '').replace(/^\/_astro\//, '');
      if (!name.includes('/')) queue.push(name);
    }
  }
  const chunks = [...seen]
    .filter((file) => existsSync(join(dist, '_astro', file)))
    .map((file) => {
      const buf = readFileSync(join(dist, '_astro', file));
      return { file, bytes: buf.byteLength, gzip: gzipSync(buf, { level: 9 }).byteLength };
    })
    .sort((a, b) => b.gzip - a.gzip);
  return {
    page: `/${page.replace(/index\.html$/, '')}`,
    chunks,
    gzip: chunks.reduce((n, c) => n + c.gzip, 0),
    bytes: chunks.reduce((n, c) => n + c.bytes, 0),
    onDemand: [...onDemand],
    budget: VIEWER_BUDGET_BYTES,
  };
}

export function formatBudget(b: ViewerBudget): string {
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  return [
    `Viewer JavaScript (gzip) on ${b.page}: ${kib(b.gzip)} of ${kib(b.budget)} budget (${kib(b.bytes)} uncompressed)`,
    ...b.chunks.map((c) => `  ${c.file.padEnd(44)} ${kib(c.gzip).padStart(10)}`),
    ...(b.onDemand.length ? [`  fetched only for Draco models: ${b.onDemand.join(', ')}`] : []),
  ].join('\n');
}
