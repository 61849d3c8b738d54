// npm run bench:ingest [-- --n 24] [--rerun 200] [--rounds 2] [--skip-concurrency] [--only images|av]
// Generates photo-sized masters (4000×3000) and measures the full ingest pipeline against a bare
// sharp loop doing the same decodes/resizes/encodes/tiles, the AVIF effort options, the two ways
// of using both cores, and an unchanged re-run over many masters. Writes bench/results/ingest.*.
// Then times the film and sound transcoding as a multiple of real time (scripts/lib/bench-av.ts),
// into bench/results/ingest-av.*.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type OutputInfo, type Sharp } from 'sharp';
import { avTable, benchAv } from './lib/bench-av.ts';
import { commandLine, usageError, wholeNumber } from './lib/command-line.ts';
import { ladderFor } from './lib/ingest/images.ts';
import { pool, runIngest } from './lib/ingest/run.ts';
import { defaultSettings } from './lib/ingest/settings.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const usage =
  'usage / 用法: npm run bench:ingest -- [--n 24] [--rerun 200] [--rounds 2] [--skip-concurrency] [--only images|av]';
const { values: args } = commandLine(
  {
    options: {
      n: { type: 'string' },
      rerun: { type: 'string' },
      rounds: { type: 'string' },
      'skip-concurrency': { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  },
  usage,
);
if (args.only !== undefined && !['images', 'av'].includes(args.only))
  usageError(`--only expects images or av, got "${args.only}"`, usage);
const N = wholeNumber('n', args.n, usage) ?? 24;
const RERUN_N = wholeNumber('rerun', args.rerun, usage) ?? 200;
const ROUNDS = wholeNumber('rounds', args.rounds, usage) ?? 2;
const loadBefore = loadavg();
const work = join(root, 'bench', 'tmp', 'ingest');
const settings = defaultSettings('http://localhost:4321').image;
const log = (message: string) => process.stderr.write(`${message}\n`);

/** Times the film and sound transcoding and writes bench/results/ingest-av.*. */
async function runAvBench(): Promise<void> {
  const { settings: av, rows } = await benchAv(root, join(root, 'bench', 'tmp', 'ingest-av'), log);
  const date = new Date().toISOString();
  const machine = `${String(cpus().length)} × ${cpus()[0]?.model ?? 'unknown'}`;
  const md = [
    '# Ingest benchmark: film and sound',
    '',
    `${date}, ${machine}, Node ${process.version}. The ingest's own transcoding (x264 preset ${av.preset}, CRF ${String(av.crf)}, versions at ${av.heights.join('/')}p where the master allows), one master at a time, ffmpeg using both cores. × real time: seconds of master per second of wall time, every version of the master included.`,
    '',
    ...avTable(rows),
    '',
  ];
  await mkdir(join(root, 'bench', 'results'), { recursive: true });
  await writeFile(
    join(root, 'bench', 'results', 'ingest-av.json'),
    `${JSON.stringify({ date, machine, settings: av, rows }, null, 2)}\n`,
  );
  await writeFile(join(root, 'bench', 'results', 'ingest-av.md'), md.join('\n'));
  process.stdout.write(`${md.join('\n')}\n`);
}

if (args.only === 'av') {
  await runAvBench();
  process.exit(0);
}

/** CPU seconds (all threads of this process, user + system) since `start`. */
function cpuSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

async function photo(width: number, height: number, seed: number): Promise<Buffer> {
  // Photo-like content: gaussian noise (sensor grain, texture) over smooth colour gradients.
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .blur(1.2)
    .raw()
    .toBuffer();
  const gradient = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 3;
      gradient[i] = (x * 255) / width;
      gradient[i + 1] = (y * 255) / height;
      gradient[i + 2] = 128 + 100 * Math.sin((x + seed * 97) / 300) * Math.cos(y / 200);
    }
  }
  return sharp(gradient, { raw: { width, height, channels: 3 } })
    .composite([{ input: noise, raw: { width, height, channels: 3 }, blend: 'soft-light' }])
    .modulate({ hue: (seed * 37) % 360 })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function makeProject(dir: string, count: number, width: number, height: number) {
  await rm(dir, { recursive: true, force: true });
  const base = await photo(width, height, 1);
  for (let i = 0; i < count; i += 1) {
    const record = join(dir, 'content', 'works', `bench-${String(i).padStart(3, '0')}`);
    await mkdir(record, { recursive: true });
    await writeFile(join(record, 'index.mdx'), `---\ntitle: bench ${i}\n---\n`);
    // Distinct content per master (hue shift + crop offset) so hashes and encodes differ.
    const img =
      i === 0 && count <= 30
        ? base
        : await sharp(base)
            .modulate({ hue: (i * 13) % 360, brightness: 0.9 + (i % 5) * 0.05 })
            .jpeg({ quality: 90 })
            .toBuffer();
    await writeFile(join(record, 'photo.jpg'), img);
  }
}

async function bareLoop(dir: string, out: string, count: number, jobs: number) {
  await rm(out, { recursive: true, force: true });
  const files = Array.from({ length: count }, (_, i) =>
    join(dir, 'content', 'works', `bench-${String(i).padStart(3, '0')}`, 'photo.jpg'),
  );
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await pool(files, jobs, async (file) => {
    const dest = join(out, file.split('/').at(-2)!);
    await mkdir(dest, { recursive: true });
    const { data, info } = await sharp(file)
      .rotate()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { width: info.width, height: info.height, channels: info.channels };
    const from = (d: Buffer, r: typeof raw): Sharp => sharp(d, { raw: r });
    let level = { data, raw };
    for (const w of ladderFor(info.width, settings.widths, settings.ladderMinStep).reverse()) {
      if (level.raw.width !== w) {
        const r = await from(level.data, level.raw)
          .resize({ width: w })
          .raw()
          .toBuffer({ resolveWithObject: true });
        level = {
          data: r.data,
          raw: { width: r.info.width, height: r.info.height, channels: r.info.channels },
        };
      }
      const l = level;
      await Promise.all([
        from(l.data, l.raw)
          .avif({ quality: settings.avifQuality, effort: settings.avifEffort })
          .toFile(join(dest, `${w}.avif`)),
        from(l.data, l.raw)
          .webp({ quality: settings.webpQuality, effort: settings.webpEffort })
          .toFile(join(dest, `${w}.webp`)),
        from(l.data, l.raw)
          .jpeg({ quality: settings.jpegQuality, progressive: true })
          .toFile(join(dest, `${w}.jpg`)),
      ]);
    }
    await from(data, raw)
      .jpeg({ quality: settings.iiifQuality })
      .tile({ size: settings.iiifTileSize, layout: 'iiif3', id: 'http://localhost:4321/x' })
      .toFile(join(dest, 'iiif'));
  });
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: cpuSince(c0) };
}

async function pipelineRun(dir: string, jobs: number, sharpConcurrency: number) {
  await rm(join(dir, 'public'), { recursive: true, force: true });
  await rm(join(dir, '.cache'), { recursive: true, force: true });
  await rm(join(dir, 'content', 'fixity.json'), { force: true });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { report } = await runIngest({ root: dir, quiet: true, jobs, sharpConcurrency });
  const seconds = (performance.now() - t0) / 1000;
  if (report.errors.length > 0) throw new Error(JSON.stringify(report.errors));
  return { seconds, cpuSeconds: cpuSince(c0) };
}

/** Real photographic textures from the shared models (gong scan diffuse maps, bottle colour). */
async function realTextures(): Promise<Buffer[]> {
  const models = resolve(root, '..', 'shared', 'data', 'models');
  try {
    const gltf = JSON.parse(
      await readFile(join(models, 'smithsonian-f1961.33-gong', 'gong.gltf'), 'utf8'),
    ) as {
      buffers: { uri: string }[];
      bufferViews: { byteOffset?: number; byteLength: number }[];
      images: { bufferView: number; name?: string }[];
    };
    const bin = Buffer.from(gltf.buffers[0]!.uri.split(',')[1]!, 'base64');
    const diffuse = gltf.images
      .filter((im) => /diffuse/.test(im.name ?? ''))
      .map((im) => {
        const view = gltf.bufferViews[im.bufferView]!;
        return bin.subarray(view.byteOffset ?? 0, (view.byteOffset ?? 0) + view.byteLength);
      });
    const bottle = await readFile(join(models, 'khronos-waterbottle', 'WaterBottle_baseColor.png'));
    return [...diffuse, bottle];
  } catch {
    return [];
  }
}

async function avifEfforts(sources: (string | Buffer)[]) {
  const samples = sources.length;
  const raws: { data: Buffer; info: OutputInfo }[] = [];
  for (const source of sources) {
    raws.push(
      await sharp(source)
        .removeAlpha()
        .resize({ width: 1280, withoutEnlargement: true })
        .raw()
        .toBuffer({ resolveWithObject: true }),
    );
  }
  const time = async (encode: (s: Sharp) => Sharp) => {
    let bytes = 0;
    let ms = 0;
    let psnr = 0;
    for (const { data, info } of raws) {
      const s = sharp(data, {
        raw: { width: info.width, height: info.height, channels: info.channels },
      });
      const t0 = performance.now();
      const encoded = await encode(s).toBuffer();
      ms += performance.now() - t0;
      bytes += encoded.length;
      // Quality check: PSNR of the decoded result against the source pixels.
      const decoded = await sharp(encoded).removeAlpha().raw().toBuffer();
      let se = 0;
      for (let i = 0; i < data.length; i += 1) se += (data[i]! - decoded[i]!) ** 2;
      psnr += 10 * Math.log10((255 * 255) / (se / data.length));
    }
    return { msPerImage: ms / samples, bytesPerImage: bytes / samples, psnr: psnr / samples };
  };
  const webp = await time((s) => s.webp({ quality: settings.webpQuality, effort: 4 }));
  const jpeg = await time((s) => s.jpeg({ quality: settings.jpegQuality, progressive: true }));
  const avif = [];
  for (const effort of [0, 1, 2, 3, 4, 6]) {
    const r = await time((s) => s.avif({ quality: settings.avifQuality, effort }));
    avif.push({ effort, ...r, xWebp: r.msPerImage / webp.msPerImage });
    log(
      `  avif effort ${effort}: ${r.msPerImage.toFixed(0)} ms, ${(r.bytesPerImage / 1024).toFixed(0)} KiB`,
    );
  }
  return { width: 1280, samples, sharpConcurrency: sharp.concurrency(), webp, jpeg, avif };
}

async function rerun(dir: string, count: number) {
  log(`generating ${count} small masters (640×480) for the unchanged re-run…`);
  await rm(dir, { recursive: true, force: true });
  const base = await photo(640, 480, 7);
  for (let i = 0; i < count; i += 1) {
    const record = join(dir, 'content', 'works', `r-${String(i).padStart(3, '0')}`);
    await mkdir(record, { recursive: true });
    await writeFile(join(record, 'index.mdx'), `---\ntitle: r ${i}\n---\n`);
    await writeFile(
      join(record, 'photo.jpg'),
      await sharp(base)
        .modulate({ hue: i % 360 })
        .jpeg({ quality: 85 })
        .toBuffer(),
    );
  }
  const t0 = performance.now();
  const first = await runIngest({ root: dir, quiet: true, duplicateThreshold: -1 });
  const firstSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const second = await runIngest({ root: dir, quiet: true, duplicateThreshold: -1 });
  const secondSeconds = (performance.now() - t1) / 1000;
  if (second.report.processed !== 0) throw new Error('re-run processed masters');
  return {
    masters: count,
    firstRunSeconds: firstSeconds,
    firstRunProcessed: first.report.processed,
    unchangedRerunSeconds: secondSeconds,
    skipped: second.report.skipped,
  };
}

interface Run {
  seconds: number;
  cpuSeconds: number;
}

const photoDir = join(work, 'photos');
log(`generating ${N} masters of 4000×3000…`);
await makeProject(photoDir, N, 4000, 3000);

log('AVIF effort options (1280 px wide, sharp.concurrency 1)…');
sharp.concurrency(1);
const effort = await avifEfforts(
  [0, 1, 2].map((i) =>
    join(photoDir, 'content', 'works', `bench-${String(i).padStart(3, '0')}`, 'photo.jpg'),
  ),
);
const textures = await realTextures();
log(`AVIF effort options on ${textures.length} real textures…`);
const realEffort = textures.length > 0 ? await avifEfforts(textures) : undefined;

const concurrency: ({ jobs: number; sharpConcurrency: number; imagesPerSecond: number } & Run)[] =
  [];
if (!args['skip-concurrency']) {
  for (const [jobs, sc] of [
    [1, 2],
    [2, 1],
  ] as const) {
    log(`pipeline with ${jobs} job(s) × sharp.concurrency(${sc})…`);
    const run = await pipelineRun(photoDir, jobs, sc);
    concurrency.push({ jobs, sharpConcurrency: sc, ...run, imagesPerSecond: N / run.seconds });
  }
}
const best = [...concurrency].sort((a, b) => a.seconds - b.seconds)[0] ?? {
  jobs: 2,
  sharpConcurrency: 1,
};

// Alternate bare and pipeline runs and keep the best of each: the machine may be shared, and the
// minimum is the least disturbed measurement of the same work. CPU seconds (all threads of this
// process) are recorded too: they are much less sensitive to other processes than wall time.
sharp.concurrency(best.sharpConcurrency);
const bareRuns: Run[] = [];
const pipelineRuns: Run[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  log(`round ${round + 1}: bare sharp loop (${best.jobs} × ${best.sharpConcurrency})…`);
  bareRuns.push(await bareLoop(photoDir, join(work, 'bare'), N, best.jobs));
  log(`round ${round + 1}: full pipeline (${best.jobs} × ${best.sharpConcurrency})…`);
  pipelineRuns.push(await pipelineRun(photoDir, best.jobs, best.sharpConcurrency));
}
const min = (runs: Run[], field: keyof Run) => Math.min(...runs.map((r) => r[field]));
const bare = { seconds: min(bareRuns, 'seconds'), cpuSeconds: min(bareRuns, 'cpuSeconds') };
const pipe = { seconds: min(pipelineRuns, 'seconds'), cpuSeconds: min(pipelineRuns, 'cpuSeconds') };
const loadAfter = loadavg();

const re = await rerun(join(work, 'rerun'), RERUN_N);

const result = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAfter,
  },
  sharp: sharp.versions,
  masters: { count: N, width: 4000, height: 3000, format: 'jpeg q90' },
  settings: {
    widths: settings.widths,
    avifEffort: settings.avifEffort,
    avifQuality: settings.avifQuality,
    webpQuality: settings.webpQuality,
    jpegQuality: settings.jpegQuality,
    iiifTileSize: settings.iiifTileSize,
  },
  concurrency,
  chosen: { jobs: best.jobs, sharpConcurrency: best.sharpConcurrency },
  pipeline: { ...pipe, imagesPerSecond: N / pipe.seconds, runs: pipelineRuns },
  bare: { ...bare, imagesPerSecond: N / bare.seconds, runs: bareRuns },
  overheadPercent: ((pipe.seconds - bare.seconds) / bare.seconds) * 100,
  cpuOverheadPercent: ((pipe.cpuSeconds - bare.cpuSeconds) / bare.cpuSeconds) * 100,
  avifEffort: effort,
  avifEffortRealTextures: realEffort,
  rerun: re,
};

const f1 = (v: number) => v.toFixed(1);
function effortTable(label: string, e: Awaited<ReturnType<typeof avifEfforts>>): string[] {
  return [
    `Encoder options, ${label} (mean of ${e.samples}, one libvips thread):`,
    '',
    '| encoder | ms/image | × WebP time | KiB | PSNR dB |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| WebP q${settings.webpQuality} effort 4 | ${e.webp.msPerImage.toFixed(0)} | 1.0 | ${(e.webp.bytesPerImage / 1024).toFixed(0)} | ${e.webp.psnr.toFixed(2)} |`,
    `| JPEG q${settings.jpegQuality} | ${e.jpeg.msPerImage.toFixed(0)} | ${(e.jpeg.msPerImage / e.webp.msPerImage).toFixed(1)} | ${(e.jpeg.bytesPerImage / 1024).toFixed(0)} | ${e.jpeg.psnr.toFixed(2)} |`,
    ...e.avif.map(
      (a) =>
        `| AVIF q${settings.avifQuality} effort ${a.effort} | ${a.msPerImage.toFixed(0)} | ${a.xWebp.toFixed(1)} | ${(a.bytesPerImage / 1024).toFixed(0)} | ${a.psnr.toFixed(2)} |`,
    ),
    '',
  ];
}
const md = [
  '# Ingest benchmark',
  '',
  `${result.date}, ${result.machine.cpus} × ${result.machine.model}, Node ${result.machine.node}, sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}). Load average before/after: ${loadBefore.map(f1).join(' ')} / ${loadAfter.map(f1).join(' ')}.`,
  `${N} generated masters, 4000×3000 JPEG; per master: ${settings.widths.length} widths × AVIF/WebP/JPEG + IIIF tiles (${settings.iiifTileSize} px).`,
  '',
  '| run | wall s | images/s | CPU s |',
  '| --- | ---: | ---: | ---: |',
  ...concurrency.map(
    (c) =>
      `| pipeline, ${c.jobs} job(s) × sharp.concurrency(${c.sharpConcurrency}) | ${f1(c.seconds)} | ${c.imagesPerSecond.toFixed(2)} | ${f1(c.cpuSeconds)} |`,
  ),
  `| **bare sharp loop** (${best.jobs}×${best.sharpConcurrency}, best of ${ROUNDS}) | ${f1(bare.seconds)} | ${result.bare.imagesPerSecond.toFixed(2)} | ${f1(bare.cpuSeconds)} |`,
  `| **full pipeline** (${best.jobs}×${best.sharpConcurrency}, best of ${ROUNDS}) | ${f1(pipe.seconds)} | ${result.pipeline.imagesPerSecond.toFixed(2)} | ${f1(pipe.cpuSeconds)} |`,
  '',
  `Pipeline vs bare loop: ${f1(result.overheadPercent)} % wall time, ${f1(result.cpuOverheadPercent)} % CPU time (target ≤ 15 %). Rounds: bare ${bareRuns.map((r) => f1(r.seconds)).join(' / ')} s, pipeline ${pipelineRuns.map((r) => f1(r.seconds)).join(' / ')} s.`,
  '',
  `Unchanged re-run over ${re.masters} masters (640×480 copies with distinct hues): ${re.unchangedRerunSeconds.toFixed(2)} s (target < 2 s); first run ${f1(re.firstRunSeconds)} s.`,
  '',
  ...[
    ['generated 4000×3000 masters, scaled to 1280 px', effort] as const,
    [
      'real textures (gong scan diffuse maps, water-bottle colour map; ≤ 1280 px)',
      realEffort,
    ] as const,
  ].flatMap(([label, e]) => (e ? effortTable(label, e) : [])),
];
await mkdir(join(root, 'bench', 'results'), { recursive: true });
await writeFile(
  join(root, 'bench', 'results', 'ingest.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
await writeFile(join(root, 'bench', 'results', 'ingest.md'), md.join('\n'));
process.stdout.write(md.join('\n'));
if (args.only !== 'images') await runAvBench();
