/**
 * `npm run bench:build [-- --keep] [--skip-import] [--records N [--shards K] [--heap MB]]`: how long the site takes to
 * build with both real imports in the content, and, with `--records N`, with the archive grown to
 * N records by synthetic works (copies of the real imported ones under their own IDs).
 *
 * 1. Copies the project (without node_modules, dist, caches, .git) to bench/tmp/build-<time>/ and
 *    links each package of node_modules into it, so Astro's caches there are the copy's own.
 * 2. Runs `npm run import` with the IMA and national-list mappings (items, regional entries,
 *    inheritors) into the copy's content/.
 * 3. `npm run check` and `npm run ingest` once (timed, as `npm run build` runs them first).
 * 4. `astro build` cold (no .astro, node_modules/.astro or node_modules/.vite caches), then again
 *    with nothing changed.
 * Writes bench/results/build.json and build.md. Targets: cold build under 3 minutes, unchanged
 * rebuild under 1 minute on 2 cores.
 *
 * With `--records N` the unchanged rebuild is left out; the cold build is measured with its peak
 * memory and cost per page, and Hugo builds the same number of pages in the same run (the
 * reference). The run is added to bench/results/build-scale.json and build-scale.md, one row per N,
 * so runs at 2,810, 20,000 and 100,000 records can be compared by their ratio to Hugo.
 * With `--shards K` the cold build is what `npm run build -- --shard i/K` does after its content
 * check, for each i in turn (`astro build` with BUILD_SHARD, the export in shard 1; each
 * measured), then `npm run merge-shards`: the row gives the total on one machine and the time K
 * machines would take (the slowest shard, then the merge). `--heap MB` sets Node's old-space
 * limit for the builds (V8's default is about 4 GB) and is recorded with the row.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { commandLine, wholeNumber } from './lib/command-line.ts';
import { runImport } from './lib/import/importer.ts';
import { copyProject } from './lib/project-copy.ts';
import { addSyntheticWorks, hugoReference, measureNode, type Measured } from './lib/bench-scale.ts';
import { writeShardStamp } from './lib/shards/merge-site.ts';
import { ownsShared, shardName, shardText } from '../src/lib/site/shard.ts';

const root = resolve(import.meta.dirname, '..');
const usage =
  'usage / 用法: npm run bench:build -- [--keep] [--skip-import] [--records N [--shards K] [--heap MB]]';
const { values: args } = commandLine(
  {
    options: {
      keep: { type: 'boolean', default: false },
      'skip-import': { type: 'boolean', default: false },
      records: { type: 'string' },
      shards: { type: 'string' },
      heap: { type: 'string' },
    },
  },
  usage,
);
const keep = args.keep;
const skipImport = args['skip-import'];
const wantedRecords = wholeNumber('records', args.records, usage);
const shardCount = wholeNumber('shards', args.shards, usage);
const heapMB = wholeNumber('heap', args.heap, usage, 512);
const TARGET_FULL = 180;
const TARGET_REBUILD = 60;

/** The environment of every timed step: the copy as the project root, no telemetry. */
function benchEnv(cwd: string): NodeJS.ProcessEnv {
  return { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BAIGONG_ROOT: cwd };
}

/** The environment of a measured build: `benchEnv`, with the heap limit asked for. */
function buildEnv(cwd: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const heap =
    heapMB === undefined ? {} : { NODE_OPTIONS: `--max-old-space-size=${String(heapMB)}` };
  return { ...benchEnv(cwd), ...heap, ...extra };
}

function timed(title: string, cwd: string, command: string[]): number {
  const started = performance.now();
  console.log(`\n▶ ${title}: ${command.map((c) => relative(cwd, c) || c).join(' ')}`);
  const result = spawnSync(process.execPath, command, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: benchEnv(cwd),
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${title} failed (exit ${String(result.status)})`);
  console.log(`  ${title}: ${seconds.toFixed(1)} s`);
  return seconds;
}

function countFiles(dir: string, suffix: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) n += countFiles(path, suffix);
    else if (name.endsWith(suffix)) n++;
  }
  return n;
}

/** One row of bench/results/build-scale.json. */
interface ScaleRun {
  date: string;
  machine: { cpus: number; model: string; node: string };
  records: number;
  synthetic: number;
  pages: number;
  files: number;
  seconds: { check: number; ingest: number; build: number };
  msPerPage: number;
  peakMB: number | null;
  reference: { tool: string; pages: number; seconds: number; msPerPage: number };
  /** astro build seconds ÷ Hugo seconds for the same number of pages, in the same run. */
  ratio: number;
  /** Node's old-space limit for the build in MB, when one was set (`--heap`). */
  heapMB?: number;
  /** A sharded build: each shard's seconds and peak, the merge, and the time on K machines. */
  sharded?: {
    count: number;
    seconds: number[];
    peakMB: (number | null)[];
    mergeSeconds: number;
    parallelSeconds: number;
  };
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** The machine a run was measured on, as every result file records it. */
const machine = () => ({
  cpus: cpus().length,
  model: cpus()[0]?.model ?? 'unknown',
  node: process.version,
});

/** Cold build measured with its peak memory, then Hugo on the same page count; adds the row. */
async function scaleRun(
  work: string,
  astro: string,
  records: { total: number; synthetic: number },
  steps: { check: number; ingest: number },
): Promise<void> {
  const { build, sharded } = await coldBuild(work, astro);
  const pages = countFiles(join(work, 'dist'), '.html');
  console.log(
    `  ${String(pages)} pages in ${build.seconds.toFixed(1)} s, peak ${String(build.peakMB)} MB`,
  );
  console.log('\n▶ reference: Hugo, same number of pages');
  const reference = hugoReference(join(work, 'bench', 'tmp', 'hugo-reference'), pages);
  console.log(`  ${reference.version}: ${reference.seconds.toFixed(1)} s`);
  const run: ScaleRun = {
    date: new Date().toISOString(),
    machine: machine(),
    records: records.total,
    synthetic: records.synthetic,
    pages,
    files: countFiles(join(work, 'dist'), ''),
    seconds: {
      check: round(steps.check),
      ingest: round(steps.ingest),
      build: round(build.seconds),
    },
    msPerPage: round((build.seconds * 1000) / pages, 2),
    peakMB: build.peakMB ?? null,
    reference: {
      tool: reference.version,
      pages,
      seconds: round(reference.seconds, 2),
      msPerPage: round((reference.seconds * 1000) / pages, 3),
    },
    ratio: round(build.seconds / reference.seconds),
    ...(heapMB === undefined ? {} : { heapMB }),
    ...(sharded ? { sharded } : {}),
  };
  const out = join(root, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const file = join(out, 'build-scale.json');
  const earlier = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { runs: ScaleRun[] }).runs
    : [];
  const runs = [...earlier.filter((r) => r.records !== run.records), run].sort(
    (a, b) => a.records - b.records,
  );
  writeFileSync(file, `${JSON.stringify({ runs }, null, 2)}\n`);
  writeFileSync(join(out, 'build-scale.md'), scaleTable(runs));
  console.log(`\n${JSON.stringify(run)} → bench/results/build-scale.json, build-scale.md`);
}

/** Steps run one after another: their seconds added, the highest peak. */
function sumOf(steps: readonly Measured[]): Measured {
  const peak = Math.max(...steps.map((m) => m.peakMB ?? 0));
  return {
    seconds: steps.reduce((sum, m) => sum + m.seconds, 0),
    peakMB: peak > 0 ? peak : undefined,
  };
}

/**
 * The measured cold build: `astro build` and the open-data export, or with `--shards K` each
 * shard in turn (the export in the first) and the merge
 * (seconds summed, the highest peak), leaving the whole site in dist/ either way.
 */
async function coldBuild(
  work: string,
  astro: string,
): Promise<{ build: Measured; sharded?: ScaleRun['sharded'] }> {
  /** The streamed open-data downloads, written into `out` after its build (as `npm run build`). */
  const exportInto = (out: string) => {
    console.log('\n▶ export-open-data (measured)');
    const script = join(work, 'scripts', 'export-open-data.ts');
    return measureNode([script, '--out', out], { cwd: work, env: buildEnv(work) });
  };
  if (shardCount === undefined) {
    console.log('\n▶ astro build (cold, measured)');
    const astroBuild = await measureNode([astro, 'build'], { cwd: work, env: buildEnv(work) });
    return { build: sumOf([astroBuild, await exportInto(join(work, 'dist'))]) };
  }
  const shards: Measured[] = [];
  const outs: string[] = [];
  for (let index = 1; index <= shardCount; index += 1) {
    const shard = { index, count: shardCount };
    console.log(`\n▶ astro build, shard ${shardText(shard)} (measured)`);
    const out = join(work, 'dist-shards', shardName(shard));
    outs.push(out);
    const built = await measureNode([astro, 'build', '--outDir', out], {
      cwd: work,
      env: buildEnv(work, { BUILD_SHARD: shardText(shard) }),
    });
    shards.push(ownsShared(shard) ? sumOf([built, await exportInto(out)]) : built);
    writeShardStamp(out, shard);
  }
  console.log('\n▶ merge-shards (measured)');
  // Paths in full: a relative --out is taken from where `npm run` was typed (INIT_CWD).
  const merge = await measureNode(
    [join(work, 'scripts', 'merge-shards.ts'), '--out', join(work, 'dist'), ...outs],
    { cwd: work, env: buildEnv(work) },
  );
  return {
    build: sumOf([...shards, merge]),
    sharded: {
      count: shardCount,
      seconds: shards.map((m) => round(m.seconds)),
      peakMB: shards.map((m) => m.peakMB ?? null),
      mergeSeconds: round(merge.seconds),
      parallelSeconds: round(Math.max(...shards.map((m) => m.seconds)) + merge.seconds),
    },
  };
}

/** The scale runs as a table; per-page cost also relative to the smallest run. */
function scaleTable(runs: ScaleRun[]): string {
  const base = runs[0];
  const rows = runs.map((r) =>
    [
      r.records.toLocaleString('en'),
      r.synthetic.toLocaleString('en'),
      r.pages.toLocaleString('en'),
      r.seconds.build,
      r.msPerPage,
      base ? `${round(r.msPerPage / base.msPerPage, 2)}×` : '',
      r.peakMB === null ? 'n/a' : r.peakMB.toLocaleString('en'),
      r.sharded
        ? `${String(r.sharded.count)} (${r.sharded.seconds.join(' + ')} + merge ${String(r.sharded.mergeSeconds)}); ${String(r.sharded.parallelSeconds)} s on ${String(r.sharded.count)} machines`
        : '—',
      r.heapMB === undefined ? 'default' : r.heapMB.toLocaleString('en'),
      r.reference.seconds,
      `${r.ratio}×`,
      r.date.slice(0, 10),
    ].join(' | '),
  );
  return `# Build at scale / 规模构建基准

\`npm run bench:build -- --records N\`: the real archive (both imports) grown to N records by
synthetic works (copies of the imported IMA works under their own IDs), built cold with
\`astro build\`; Hugo builds the same number of one-template pages in the same run. Machine:
${runs
  .map((r) => `${String(r.machine.cpus)} CPU, Node ${r.machine.node}`)
  .filter((v, i, all) => all.indexOf(v) === i)
  .join('; ')}.

| records | synthetic | pages | astro build s | ms/page | per page vs smallest | peak MB | shards (s each) | heap MB | Hugo s | astro ÷ Hugo | date |
|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|
${rows.map((row) => `| ${row} |`).join('\n')}

Target (issue 16): per-page cost at 20,000 records within 1.25× of the smallest run.
`;
}

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const work = join(root, 'bench', 'tmp', `build-${stamp}`);
console.log(`Copying the project to ${relative(root, work)} …`);
copyProject(root, work, { ownCaches: true });
mkdirSync(join(work, 'bench', 'results'), { recursive: true });

try {
  const imports = [];
  if (!skipImport) {
    const shared = resolve(root, '..', 'shared', 'data');
    for (const [mapping, source] of [
      ['ima', join(shared, 'museum', 'ima-chinese-objects.json')],
      ['ich', join(shared, 'ich', 'crafts-items.csv')],
      ['ich-entries', join(shared, 'ich', 'crafts-regional-entries.csv')],
      ['ich-inheritors', join(shared, 'people', 'ich-inheritors-crafts.csv')],
    ] as const) {
      if (!existsSync(source))
        throw new Error(`missing ${source}: the benchmark needs ../shared/data`);
      const started = performance.now();
      const report = runImport({
        root: work,
        mapping: join(root, 'import-mappings', `${mapping}.json`),
        source,
      });
      const seconds = (performance.now() - started) / 1000;
      console.log(`import ${mapping}: ${JSON.stringify(report.counts)} in ${seconds.toFixed(1)} s`);
      imports.push({ mapping, seconds, counts: report.counts });
    }
  }
  const content = join(work, 'content');
  const records = {
    mdx: countFiles(content, 'index.mdx'),
    md: countFiles(content, 'index.md'),
  };
  const real = records.md + records.mdx;
  if (wantedRecords !== undefined && wantedRecords < real)
    throw new Error(
      `--records ${String(wantedRecords)}: the archive already has ${String(real)} records; ` +
        'the smallest run is the real archive (leave --records out, or ask for more)',
    );
  const synthetic =
    wantedRecords === undefined ? 0 : addSyntheticWorks(content, wantedRecords - real);
  records.md += synthetic;
  if (synthetic > 0) console.log(`added ${String(synthetic)} synthetic works`);
  const astro = join(work, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const check = timed('check', work, [join(work, 'scripts', 'check-content.ts')]);
  const ingest = timed('ingest', work, [join(work, 'scripts', 'ingest-media.ts'), '--root', work]);
  for (const cache of [
    '.astro',
    join('node_modules', '.astro'),
    join('node_modules', '.vite'),
    'dist',
  ]) {
    rmSync(join(work, cache), { recursive: true, force: true });
  }
  if (wantedRecords !== undefined) {
    await scaleRun(work, astro, { total: real + synthetic, synthetic }, { check, ingest });
  } else {
    const full = timed('astro build (cold)', work, [astro, 'build']);
    const pages = countFiles(join(work, 'dist'), '.html');
    const rebuild = timed('astro build (unchanged)', work, [astro, 'build']);

    const result = {
      date: new Date().toISOString(),
      machine: machine(),
      records: { ...records, total: records.md + records.mdx },
      pages,
      imports,
      seconds: {
        check: round(check),
        ingest: round(ingest),
        fullBuild: round(full),
        unchangedRebuild: round(rebuild),
      },
      targets: { fullBuild: TARGET_FULL, unchangedRebuild: TARGET_REBUILD },
      pass: { fullBuild: full < TARGET_FULL, unchangedRebuild: rebuild < TARGET_REBUILD },
    };
    const out = join(root, 'bench', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'build.json'), `${JSON.stringify(result, null, 2)}\n`);
    const ok = (pass: boolean) => (pass ? 'pass' : '**FAIL**');
    writeFileSync(
      join(out, 'build.md'),
      `# Build benchmark / 构建基准

${result.date} · ${result.machine.cpus} CPU (${result.machine.model}) · Node ${result.machine.node}

Content: ${result.records.total} records (${records.mdx} MDX curated, ${records.md} Markdown imported) → ${pages} HTML pages.
${imports.map((i) => `- import ${i.mapping}: ${i.counts.created} created, ${i.counts['skipped-existing']} skipped (hand-written), ${i.counts['skipped-scope']} skipped (outside the archive), ${i.counts.rejected} rejected — ${i.seconds.toFixed(1)} s`).join('\n')}

| step | seconds | target | |
|---|---:|---:|---|
| npm run check | ${result.seconds.check} | | |
| npm run ingest | ${result.seconds.ingest} | | |
| astro build, cold (no caches) | ${result.seconds.fullBuild} | < ${TARGET_FULL} | ${ok(result.pass.fullBuild)} |
| astro build, nothing changed | ${result.seconds.unchangedRebuild} | < ${TARGET_REBUILD} | ${ok(result.pass.unchangedRebuild)} |

Re-run with \`npm run bench:build\` (\`--keep\` keeps the copy in bench/tmp/).
`,
    );
    console.log(`\n${JSON.stringify(result.seconds)} → bench/results/build.json, build.md`);
  }
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${relative(root, work)}`);
  if (existsSync(dirname(work)) && readdirSync(dirname(work)).length === 0)
    rmSync(dirname(work), { recursive: true });
}
