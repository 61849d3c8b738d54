/**
 * The film and sound part of `npm run bench:ingest`: how fast the ingest's own transcoding
 * (scripts/lib/ingest/av.ts, with the pipeline's settings) turns masters into web versions, as a
 * multiple of real time (seconds of master per second of wall time) on this machine. Three
 * masters: the project's illustrative film (720p, 30 s), a 1080p test pattern with grain
 * standing for filmed footage (harder to compress), and a minute of stereo sound as FLAC.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FFMPEG_HELP, probeMaster, transcodeAudio, transcodeVideo } from './ingest/av.ts';
import { defaultSettings } from './ingest/settings.ts';

export interface AvBenchRow {
  master: string;
  kind: 'video' | 'audio';
  /** Length of the master, seconds. */
  seconds: number;
  /** What the ingest made from it. */
  outputs: string;
  wallSeconds: number;
  /** Seconds of master transcoded per second of wall time (all outputs of the master). */
  timesRealTime: number;
}

/** Makes a synthetic master with ffmpeg's own sources (lavfi); refuses without ffmpeg. */
function synthesise(file: string, args: string[]): void {
  const result = spawnSync('ffmpeg', ['-v', 'error', '-y', ...args, file], { stdio: 'inherit' });
  if (result.error) throw new Error(FFMPEG_HELP);
  if (result.status !== 0) throw new Error(`ffmpeg could not make ${file}`);
}

/** Transcodes each master as the ingest does and times it. */
export async function benchAv(root: string, work: string, log: (m: string) => void) {
  const settings = defaultSettings().av;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const film = join(root, 'content', 'crafts', 'chaozhou-wood-carving', 'making-illustration.mp4');
  const footage = join(work, 'footage-1080p.mp4');
  const sound = join(work, 'sound.flac');
  log('making the synthetic masters…');
  synthesise(footage, [
    ...['-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=25:duration=20,noise=alls=18:allf=t'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=20:sample_rate=48000'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '12', '-c:a', 'aac', '-shortest'],
  ]);
  synthesise(sound, [
    ...['-f', 'lavfi', '-i', 'anoisesrc=color=pink:amplitude=0.2:duration=60:sample_rate=48000'],
    ...['-ac', '2', '-c:a', 'flac'],
  ]);
  const masters: [string, string, 'video' | 'audio'][] = [
    [
      'illustrative film, 1280×720, 24 fps, 30 s (content/crafts/chaozhou-wood-carving)',
      film,
      'video',
    ],
    ['test pattern with grain, 1920×1080, 25 fps, 20 s, with sound', footage, 'video'],
    ['pink noise, stereo FLAC 48 kHz, 60 s', sound, 'audio'],
  ];
  const rows: AvBenchRow[] = [];
  for (const [name, path, kind] of masters) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run npm run generate:film`);
    const probe = await probeMaster(path, kind, settings.limits);
    const out = join(work, `out-${String(rows.length)}`);
    mkdirSync(out, { recursive: true });
    log(`transcoding ${name}…`);
    const started = performance.now();
    let outputs: string;
    if (kind === 'video') {
      const { renditions } = await transcodeVideo(path, out, 'bench', probe, settings);
      outputs = `${renditions.map((r) => `${String(r.height)}p`).join(' + ')} MP4 + poster`;
    } else {
      await transcodeAudio(path, out, 'bench', probe, settings);
      outputs = 'AAC + Opus, loudness-normalised';
    }
    const wallSeconds = (performance.now() - started) / 1000;
    rows.push({
      master: name,
      kind,
      seconds: probe.seconds,
      outputs,
      wallSeconds,
      timesRealTime: probe.seconds / wallSeconds,
    });
  }
  rmSync(work, { recursive: true, force: true });
  return {
    settings: { preset: settings.preset, crf: settings.crf, heights: settings.videoHeights },
    rows,
  };
}

/** The rows as a Markdown table. */
export function avTable(rows: readonly AvBenchRow[]): string[] {
  return [
    '| master | outputs | master s | wall s | × real time |',
    '| --- | --- | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.master} | ${r.outputs} | ${r.seconds.toFixed(1)} | ${r.wallSeconds.toFixed(1)} | ${r.timesRealTime.toFixed(2)} |`,
    ),
  ];
}
