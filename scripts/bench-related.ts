/**
 * `npm run bench:related`: the cost of "related works" (shared terms and similar colours, never a
 * photograph of the same object) per work, computed through the build's index, for 2,000, 10,000
 * and 20,000 synthetic works with pictures. Each work looks at most CANDIDATES_PER_FACET works per
 * shared term or colour cell, so the per-work cost grows until the lists reach that cap (by about
 * 10,000 works here) and then stays flat: linear in the number of works. Writes
 * bench/results/related.json and related.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { CANDIDATES_PER_FACET, relatedFromIndex, relatedIndex } from '../src/lib/site/related.ts';
import { root } from './lib/run-step.ts';
import { syntheticWorks } from './lib/synthetic-facets.ts';

interface Row {
  works: number;
  indexSeconds: number;
  relatedSeconds: number;
  msPerWork: number;
}

function measure(size: number): Row {
  const works = syntheticWorks(size, 5, true);
  const started = performance.now();
  const index = relatedIndex(works);
  const indexed = performance.now();
  let listed = 0;
  for (const work of works) listed += relatedFromIndex(work, index).length;
  const done = performance.now();
  console.log(`${String(size)} works: ${String(listed)} related listed`);
  return {
    works: size,
    indexSeconds: Math.round(indexed - started) / 1000,
    relatedSeconds: Math.round(done - indexed) / 1000,
    msPerWork: Math.round(((done - started) / size) * 1000) / 1000,
  };
}

const rows = [measure(2_000), measure(10_000), measure(20_000)];
const ratio = Math.round((rows[2]!.msPerWork / rows[1]!.msPerWork) * 100) / 100;
const result = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  rows,
  perWorkRatio: ratio,
};
const out = join(root, 'bench', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'related.json'), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(
  join(out, 'related.md'),
  `# Related works at scale / 相关作品基准

\`npm run bench:related\`: synthetic works with a picture each (a colour and a perceptual hash),
related by shared terms and similar colours (CIEDE2000), near-duplicate photographs left out, all
through the index the build makes once. ${result.date.slice(0, 10)}, ${String(result.machine.cpus)} CPU, Node ${result.machine.node}.

| works | index s | related lists s | ms per work |
|---:|---:|---:|---:|
${rows.map((r) => `| ${r.works.toLocaleString('en')} | ${String(r.indexSeconds)} | ${String(r.relatedSeconds)} | ${String(r.msPerWork)} |`).join('\n')}

Per-work cost at 20,000 works ÷ at 10,000: **${String(ratio)}×** (linear when about 1). Below
about 10,000 works the lists of one term or colour are shorter than the cap of
${String(CANDIDATES_PER_FACET)} a work looks at, so the cost per work rises until they reach it.
`,
);
console.log(
  `per work: ${String(rows[0]!.msPerWork)} ms → ${String(rows[1]!.msPerWork)} ms (${String(ratio)}×)`,
);
