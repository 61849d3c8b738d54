// npm run bench:ingest [-- --n 24] [--rerun 200] [--skip-concurrency]
// Generates photo-sized masters (4000×3000) and measures the full ingest pipeline against a bare
// sharp loop doing the same decodes/resizes/encodes/tiles, the AVIF effort options, the two ways
// of using both cores, and an unchanged re-run over many masters. Writes bench/results/ingest.*.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type OutputInfo, type Sharp } from 'sharp';
import { ladderFor } from './lib/ingest/images.ts';
import { pool, runIngest } from './lib/ingest/run.ts';
import { defaultSettings } from './lib/ingest/settings.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (flag: string, fallback: number) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = arg('--n', 24);
const RERUN_N = arg('--rerun', 200);
const work = join(root, 'bench', 'tmp', 'ingest');
const settings = defaultSettings('http://localhost:4321').image;
const log = (message: string) => process.stderr.write(`${message}\n`);

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
    for (const w of ladderFor(info.width, settings.widths).reverse()) {
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
  return (performance.now() - t0) / 1000;
}

async function pipelineRun(dir: string, jobs: number, sharpConcurrency: number) {
  await rm(join(dir, 'public'), { recursive: true, force: true });
  await rm(join(dir, '.cache'), { recursive: true, force: true });
  await rm(join(dir, 'content', 'fixity.json'), { force: true });
  const t0 = performance.now();
  const { report } = await runIngest({ root: dir, quiet: true, jobs, sharpConcurrency });
  const seconds = (performance.now() - t0) / 1000;
  if (report.errors.length > 0) throw new Error(JSON.stringify(report.errors));
  return seconds;
}

async function avifEfforts(dir: string) {
  const samples = 3;
  const raws: { data: Buffer; info: OutputInfo }[] = [];
  for (let i = 0; i < samples; i += 1) {
    const file = join(dir, 'content', 'works', `bench-${String(i).padStart(3, '0')}`, 'photo.jpg');
    raws.push(
      await sharp(file).resize({ width: 1280 }).raw().toBuffer({ resolveWithObject: true }),
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

const photoDir = join(work, 'photos');
log(`generating ${N} masters of 4000×3000…`);
await makeProject(photoDir, N, 4000, 3000);

log('AVIF effort options (1280 px wide, sharp.concurrency 1)…');
sharp.concurrency(1);
const effort = await avifEfforts(photoDir);

const concurrency: {
  jobs: number;
  sharpConcurrency: number;
  seconds: number;
  imagesPerSecond: number;
}[] = [];
if (!args.includes('--skip-concurrency')) {
  for (const [jobs, sc] of [
    [1, 2],
    [2, 1],
  ] as const) {
    log(`pipeline with ${jobs} job(s) × sharp.concurrency(${sc})…`);
    const seconds = await pipelineRun(photoDir, jobs, sc);
    concurrency.push({ jobs, sharpConcurrency: sc, seconds, imagesPerSecond: N / seconds });
  }
}
const best = [...concurrency].sort((a, b) => a.seconds - b.seconds)[0] ?? {
  jobs: 2,
  sharpConcurrency: 1,
};

log(`bare sharp loop (${best.jobs} × ${best.sharpConcurrency})…`);
sharp.concurrency(best.sharpConcurrency);
const bareSeconds = await bareLoop(photoDir, join(work, 'bare'), N, best.jobs);
log(`full pipeline (${best.jobs} × ${best.sharpConcurrency})…`);
const pipelineSeconds = await pipelineRun(photoDir, best.jobs, best.sharpConcurrency);

const re = await rerun(join(work, 'rerun'), RERUN_N);

const result = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
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
  pipeline: { seconds: pipelineSeconds, imagesPerSecond: N / pipelineSeconds },
  bare: { seconds: bareSeconds, imagesPerSecond: N / bareSeconds },
  overheadPercent: ((pipelineSeconds - bareSeconds) / bareSeconds) * 100,
  avifEffort: effort,
  rerun: re,
};

const md = [
  '# Ingest benchmark',
  '',
  `${result.date}, ${result.machine.cpus} × ${result.machine.model}, Node ${result.machine.node}, sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}).`,
  `${N} generated masters, 4000×3000 JPEG; per master: ${settings.widths.length} widths × AVIF/WebP/JPEG + IIIF tiles (${settings.iiifTileSize} px).`,
  '',
  '| run | seconds | images/s |',
  '| --- | ---: | ---: |',
  ...concurrency.map(
    (c) =>
      `| pipeline, ${c.jobs} job(s) × sharp.concurrency(${c.sharpConcurrency}) | ${c.seconds.toFixed(1)} | ${c.imagesPerSecond.toFixed(2)} |`,
  ),
  `| **bare sharp loop** (${best.jobs}×${best.sharpConcurrency}) | ${bareSeconds.toFixed(1)} | ${result.bare.imagesPerSecond.toFixed(2)} |`,
  `| **full pipeline** (${best.jobs}×${best.sharpConcurrency}) | ${pipelineSeconds.toFixed(1)} | ${result.pipeline.imagesPerSecond.toFixed(2)} |`,
  '',
  `Pipeline overhead vs bare loop: ${result.overheadPercent.toFixed(1)} % (target ≤ 15 %).`,
  '',
  `Unchanged re-run over ${re.masters} masters (640×480 copies with distinct hues): ${re.unchangedRerunSeconds.toFixed(2)} s (target < 2 s); first run ${re.firstRunSeconds.toFixed(1)} s.`,
  '',
  `Encoder options at 1280 px wide (mean of ${effort.samples} masters, one libvips thread):`,
  '',
  '| encoder | ms/image | × WebP time | KiB | PSNR dB |',
  '| --- | ---: | ---: | ---: | ---: |',
  `| WebP q${settings.webpQuality} effort 4 | ${effort.webp.msPerImage.toFixed(0)} | 1.0 | ${(effort.webp.bytesPerImage / 1024).toFixed(0)} | ${effort.webp.psnr.toFixed(2)} |`,
  `| JPEG q${settings.jpegQuality} | ${effort.jpeg.msPerImage.toFixed(0)} | ${(effort.jpeg.msPerImage / effort.webp.msPerImage).toFixed(1)} | ${(effort.jpeg.bytesPerImage / 1024).toFixed(0)} | ${effort.jpeg.psnr.toFixed(2)} |`,
  ...effort.avif.map(
    (a) =>
      `| AVIF q${settings.avifQuality} effort ${a.effort} | ${a.msPerImage.toFixed(0)} | ${a.xWebp.toFixed(1)} | ${(a.bytesPerImage / 1024).toFixed(0)} | ${a.psnr.toFixed(2)} |`,
  ),
  '',
];
await mkdir(join(root, 'bench', 'results'), { recursive: true });
await writeFile(
  join(root, 'bench', 'results', 'ingest.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
await writeFile(join(root, 'bench', 'results', 'ingest.md'), md.join('\n'));
process.stdout.write(md.join('\n'));
