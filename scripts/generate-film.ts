/**
 * `npm run generate:film`: renders the illustrative film of how the carved panel is made
 * (scripts/lib/models/making-film.ts) in Node with the models' software rasteriser, encodes it
 * with ffmpeg and writes it, with its captions, into the Chaozhou wood carving record:
 *
 *   content/crafts/chaozhou-wood-carving/making-illustration.mp4          the master (H.264)
 *   content/crafts/chaozhou-wood-carving/making-illustration.zh-Hans.vtt  Chinese captions
 *   content/crafts/chaozhou-wood-carving/making-illustration.en.vtt       English captions
 *
 * The record lists the film as an illustration and names each chapter's time range in its
 * steps (printed at the end). The master is written once: an existing file is left alone unless
 * `--force` is given, since masters are never replaced silently (the fixity manifest holds its
 * hash).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { captionsVtt, type Caption } from '../src/lib/media/captions.ts';
import { FFMPEG_HELP } from './lib/ingest/av.ts';
import { commandLine } from './lib/command-line.ts';
import { hex } from './lib/models/geometry.ts';
import { FILM_STAGES, stageTimes } from './lib/models/making-film.ts';
import { renderSupersampled } from './lib/models/render.ts';

const USAGE = 'usage / 用法: npm run generate:film -- [--force] [--fps N]';
const { values: args } = commandLine(
  {
    options: {
      force: { type: 'boolean', default: false },
      fps: { type: 'string', default: '12' },
    },
  },
  USAGE,
);
const root = resolve(import.meta.dirname, '..');
const dir = join(root, 'content', 'crafts', 'chaozhou-wood-carving');
const master = join(dir, 'making-illustration.mp4');
const FPS = Number(args.fps);
// Drawn at twice the size and reduced, as the posters are, so that edges are smooth.
const SIZE = { width: 1280, height: 720, supersample: 2 };
const BACKGROUND = hex('#f3f0e8');

/** The camera turns slowly across the whole film, so that the relief reads as relief. */
const azimuthAt = (fraction: number) => -14 + 28 * fraction;

/** One frame of a stage as raw RGB, `t` through the stage and `fraction` through the film. */
function frameAt(stage: (typeof FILM_STAGES)[number], t: number, fraction: number) {
  const view = {
    azimuth: azimuthAt(fraction),
    elevation: 10,
    background: BACKGROUND,
    fill: 0.82,
    specular: stage.specular,
  };
  return renderSupersampled([stage.frame(t)], view, SIZE)
    .raw()
    .toBuffer();
}

/** Pipes raw RGB frames into ffmpeg; resolves when the MP4 is complete. */
function encoder(output: string) {
  const child = spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...['-f', 'rawvideo', '-pix_fmt', 'rgb24'],
      ...['-s', `${String(SIZE.width)}x${String(SIZE.height)}`, '-r', String(FPS), '-i', '-'],
      // A master keeps detail (CRF 16); the ingest makes the web versions from it.
      ...['-c:v', 'libx264', '-preset', 'slow', '-crf', '16', '-pix_fmt', 'yuv420p'],
      ...['-r', '24', '-movflags', '+faststart', '-map_metadata', '-1'],
      ...['-metadata', 'title=Chaozhou wood carving: the making of a carved panel (illustration)'],
      ...['-metadata', 'copyright=CC-BY-4.0 百工·云 Baigong Cloud (illustration)'],
      ...['-f', 'mp4', output],
    ],
    { stdio: ['pipe', 'inherit', 'inherit'] },
  );
  const done = new Promise<void>((resolveDone, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(FFMPEG_HELP) : error),
    );
    child.on('close', (code) =>
      code === 0 ? resolveDone() : reject(new Error(`ffmpeg exited with ${String(code)}`)),
    );
  });
  const write = (frame: Buffer) =>
    new Promise<void>((resolveWrite, reject) =>
      child.stdin.write(frame, (error) => (error ? reject(error) : resolveWrite())),
    );
  return { write, end: () => (child.stdin.end(), done) };
}

/** The captions of one language, each cue lasting until the next or the chapter's end. */
function captionsOf(language: 'zh' | 'en'): Caption[] {
  const times = stageTimes();
  return FILM_STAGES.flatMap((stage, s) =>
    stage.cues.map(([at, zh, en], c) => ({
      start: times[s]!.start + at,
      end: times[s]!.start + (stage.cues[c + 1]?.[0] ?? stage.seconds),
      text: language === 'zh' ? zh : en,
    })),
  );
}

if (existsSync(master) && !args.force) {
  console.log(`${master} exists: left alone (--force renders it again).`);
} else {
  mkdirSync(dir, { recursive: true });
  const partial = `${master}.partial`;
  const total = FILM_STAGES.reduce((n, stage) => n + stage.seconds, 0);
  const out = encoder(partial);
  const started = performance.now();
  try {
    let elapsed = 0;
    for (const stage of FILM_STAGES) {
      const frames = Math.round(stage.seconds * FPS);
      for (let f = 0; f < frames; f++) {
        await out.write(await frameAt(stage, f / (frames - 1), (elapsed + f / FPS) / total));
      }
      elapsed += stage.seconds;
      console.log(`rendered: ${stage.step} (${String(frames)} frames)`);
    }
    await out.end();
    renameSync(partial, master);
  } finally {
    rmSync(partial, { force: true });
  }
  console.log(`wrote ${master} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
writeFileSync(join(dir, 'making-illustration.zh-Hans.vtt'), captionsVtt(captionsOf('zh')));
writeFileSync(join(dir, 'making-illustration.en.vtt'), captionsVtt(captionsOf('en')));
console.log('\nchapters (steps[].clip in index.mdx):');
for (const { step, start, end } of stageTimes()) console.log(`  ${step}: ${start}–${end} s`);
