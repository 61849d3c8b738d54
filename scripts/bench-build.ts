/**
 * `npm run bench:build [-- --keep] [--skip-import]`: how long the site takes to build with both
 * real imports in the content.
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
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { commandLine } from './lib/command-line.ts';
import { runImport } from './lib/import/importer.ts';
import { copyProject } from './lib/project-copy.ts';

const root = resolve(import.meta.dirname, '..');
const { values: args } = commandLine(
  {
    options: {
      keep: { type: 'boolean', default: false },
      'skip-import': { type: 'boolean', default: false },
    },
  },
  'usage / 用法: npm run bench:build -- [--keep] [--skip-import]',
);
const keep = args.keep;
const skipImport = args['skip-import'];
const TARGET_FULL = 180;
const TARGET_REBUILD = 60;

function timed(title: string, cwd: string, command: string[]): number {
  const started = performance.now();
  console.log(`\n▶ ${title}: ${command.map((c) => relative(cwd, c) || c).join(' ')}`);
  const result = spawnSync(process.execPath, command, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BAIGONG_ROOT: cwd },
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
  const full = timed('astro build (cold)', work, [astro, 'build']);
  const pages = countFiles(join(work, 'dist'), '.html');
  const rebuild = timed('astro build (unchanged)', work, [astro, 'build']);

  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
    records: { ...records, total: records.md + records.mdx },
    pages,
    imports,
    seconds: {
      check: Math.round(check * 10) / 10,
      ingest: Math.round(ingest * 10) / 10,
      fullBuild: Math.round(full * 10) / 10,
      unchangedRebuild: Math.round(rebuild * 10) / 10,
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
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${relative(root, work)}`);
  if (existsSync(dirname(work)) && readdirSync(dirname(work)).length === 0)
    rmSync(dirname(work), { recursive: true });
}
