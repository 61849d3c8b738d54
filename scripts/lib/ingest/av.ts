/**
 * Video and audio masters into web versions, with ffmpeg (Debian package `ffmpeg`; `.ci/run`
 * installs it). The master is only read. Each output is written to a temporary name and renamed
 * into place when ffmpeg has finished, so an interrupted run leaves no half-written file under a
 * real name and the next run makes it again.
 *
 * - Video: H.264 (High profile, yuv420p) with AAC stereo in MP4, `+faststart` so playback starts
 *   before the whole file has arrived, at each height of `videoRenditions`; a poster frame (WebP)
 *   taken a tenth of the way in (past a black lead-in).
 * - Audio: AAC (M4A) and Opus, loudness-normalised to -16 LUFS (EBU R 128 measurement, the level
 *   streaming services use for speech and music heard on phones).
 *
 * Every ffmpeg run has a time limit that grows with the master's length, so a file ffmpeg
 * cannot get through fails with a message instead of stalling the ingest.
 * Not pure: runs ffprobe and ffmpeg, writes files.
 */
import { spawn } from 'node:child_process';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  AudioEntry,
  MasterInfo,
  VideoEntry,
} from '../../../src/lib/records/media-manifest.ts';
import { checkProbe, videoRenditions, type AvLimits, type AvProbe } from './av-probe.ts';
import type { Master } from './discover.ts';
import type { OutputTarget } from './images.ts';
import { BadInputError } from './sniff.ts';

/** What to install when ffmpeg is missing. */
export const FFMPEG_HELP =
  'ffmpeg is not installed: install the Debian package ffmpeg (apt-get install ffmpeg; .ci/run does) / ' +
  '未安装 ffmpeg：请安装 Debian 软件包 ffmpeg';

/** Settings of the audio and video outputs (part of the pipeline settings and their hash). */
export interface AvSettings {
  limits: AvLimits;
  /** Heights of the video versions (the shorter side), largest first. */
  videoHeights: number[];
  /** x264 constant rate factor: 23 is x264's default, visually clean for filmed craft work. */
  crf: number;
  /** x264 preset: `medium` trades encoding time for smaller files at the same quality. */
  preset: string;
  audioBitrateKbps: number;
  opusBitrateKbps: number;
  /** Integrated loudness target of audio masters, LUFS. */
  loudness: number;
  /** Seconds of ffmpeg time allowed per second of master, and at least `minSeconds`. */
  timeLimit: { perSecond: number; minSeconds: number };
}

/** A file ffmpeg wrote. */
export interface AvOutput {
  /** File name in the output folder. */
  file: string;
  width?: number;
  height?: number;
}

/** Runs a command; rejects with its last lines of stderr, or when it outlives `timeoutMs`. */
function run(
  command: string,
  args: readonly string[],
  timeoutMs: number,
  onStdout?: (text: string) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      onStdout?.(text);
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr = (stderr + text).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? new Error(FFMPEG_HELP) : error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL')
        reject(
          new BadInputError(
            `${command} did not finish within ${String(Math.round(timeoutMs / 1000))} s / 处理超时`,
          ),
        );
      else if (code !== 0)
        reject(new BadInputError(`${command} failed: ${lastLines(stderr)} / 无法处理该文件`));
      else resolve(stdout);
    });
  });
}

const lastLines = (text: string) => text.trim().split('\n').slice(-3).join(' · ');

/** The checked probe of a master (ffprobe gets 30 s: it reads headers, not the whole file). */
export async function probeMaster(
  path: string,
  expected: 'video' | 'audio',
  limits: AvLimits,
): Promise<AvProbe> {
  const text = await run(
    'ffprobe',
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path],
    30_000,
  ).catch((error: unknown) => {
    if (error instanceof BadInputError)
      throw new BadInputError(
        'not a readable video or audio file / 无法读取的音视频文件: ' + error.message,
      );
    throw error;
  });
  return checkProbe(JSON.parse(text), expected, limits);
}

/** ffmpeg's progress lines (`-progress pipe:1`) as a fraction of `seconds`. */
export function progressOf(text: string, seconds: number): number | undefined {
  const matches = [...text.matchAll(/^out_time_us=(\d+)$/gm)];
  const last = matches.at(-1)?.[1];
  if (last === undefined || seconds <= 0) return undefined;
  return Math.min(1, Number(last) / 1e6 / seconds);
}

/** Runs ffmpeg to write `output` through a temporary file, renamed into place at the end. */
async function ffmpegTo(
  output: string,
  args: readonly string[],
  probe: AvProbe,
  settings: AvSettings,
  onProgress?: (fraction: number) => void,
): Promise<void> {
  const partial = `${output}.partial-${String(process.pid)}`;
  const limit = Math.max(
    settings.timeLimit.minSeconds,
    probe.seconds * settings.timeLimit.perSecond,
  );
  try {
    await run(
      'ffmpeg',
      ['-hide_banner', '-nostdin', '-y', '-v', 'error', '-progress', 'pipe:1', ...args, partial],
      limit * 1000,
      (text) => {
        const fraction = progressOf(text, probe.seconds);
        if (fraction !== undefined) onProgress?.(fraction);
      },
    );
    await rename(partial, output);
  } finally {
    await rm(partial, { force: true });
  }
}

/** The web versions of a video master: the MP4s, largest first, and the poster. */
export async function transcodeVideo(
  master: string,
  outDir: string,
  stem: string,
  probe: AvProbe,
  settings: AvSettings,
  onProgress?: (fraction: number) => void,
): Promise<{ renditions: AvOutput[]; poster: AvOutput }> {
  const video = probe.video;
  if (!video) throw new BadInputError('the file has no picture / 文件没有画面');
  const sizes = videoRenditions(video.width, video.height, settings.videoHeights);
  const renditions: AvOutput[] = [];
  for (const [n, size] of sizes.entries()) {
    const file = `${stem}-${String(Math.min(size.width, size.height))}p.mp4`;
    await ffmpegTo(
      join(outDir, file),
      [
        '-i',
        master,
        '-map',
        '0:v:0',
        '-map',
        '0:a:0?',
        '-vf',
        `scale=${String(size.width)}:${String(size.height)}`,
        '-c:v',
        'libx264',
        '-preset',
        settings.preset,
        '-crf',
        String(settings.crf),
        '-profile:v',
        'high',
        '-pix_fmt',
        'yuv420p',
        '-c:a',
        'aac',
        '-b:a',
        `${String(settings.audioBitrateKbps)}k`,
        '-ac',
        '2',
        '-movflags',
        '+faststart',
        '-f',
        'mp4',
      ],
      probe,
      settings,
      (fraction) => onProgress?.((n + fraction) / sizes.length),
    );
    renditions.push({ file, ...size });
  }
  const poster = `${stem}-poster.webp`;
  const largest = sizes[0] ?? { width: video.width, height: video.height };
  await ffmpegTo(
    join(outDir, poster),
    [
      '-ss',
      String(probe.seconds / 10),
      '-i',
      master,
      '-frames:v',
      '1',
      '-vf',
      `scale=${String(largest.width)}:${String(largest.height)}`,
      '-c:v',
      'libwebp',
      '-quality',
      '80',
      '-f',
      'webp',
    ],
    probe,
    settings,
  );
  return { renditions, poster: { file: poster, ...largest } };
}

/** The web versions of an audio master: AAC in M4A and Opus in Ogg, loudness-normalised. */
export async function transcodeAudio(
  master: string,
  outDir: string,
  stem: string,
  probe: AvProbe,
  settings: AvSettings,
  onProgress?: (fraction: number) => void,
): Promise<AvOutput[]> {
  const loudnorm = `loudnorm=I=${String(settings.loudness)}:TP=-1.5:LRA=11`;
  const versions = [
    {
      file: `${stem}.m4a`,
      args: ['-c:a', 'aac', '-b:a', `${String(settings.audioBitrateKbps)}k`, '-f', 'mp4'],
    },
    {
      file: `${stem}.opus`,
      args: ['-c:a', 'libopus', '-b:a', `${String(settings.opusBitrateKbps)}k`, '-f', 'ogg'],
    },
  ];
  for (const [n, version] of versions.entries()) {
    await ffmpegTo(
      join(outDir, version.file),
      // -ar 48000: loudnorm resamples to 192 kHz internally and would keep it
      ['-i', master, '-map', '0:a:0', '-vn', '-af', loudnorm, '-ar', '48000', ...version.args],
      probe,
      settings,
      (fraction) => onProgress?.((n + fraction) / versions.length),
    );
  }
  return versions.map(({ file }) => ({ file }));
}

/** What processing one video or audio master gives run.ts: its entry and output files. */
export interface ProcessedAv {
  entry: VideoEntry | AudioEntry;
  /** File names in the master's output folder. */
  outputs: string[];
}

/** Probes, checks and transcodes one video or audio master into `target`. */
export async function processAv(
  master: Pick<Master, 'abs' | 'kind'>,
  hashed: { sha256: string; bytes: number },
  target: OutputTarget,
  settings: AvSettings,
  onProgress?: (fraction: number) => void,
): Promise<ProcessedAv> {
  if (hashed.bytes === 0) throw new BadInputError('empty file (0 bytes) / 空文件');
  const expected = master.kind === 'audio' ? 'audio' : 'video';
  const probe = await probeMaster(master.abs, expected, settings.limits);
  const masterInfo: MasterInfo = { ...hashed, format: probe.container };
  await mkdir(target.dir, { recursive: true });
  const stem = `${target.stem}-${target.tag}`;
  const urlOf = (file: string) => `${target.url}/${file}`;
  const bytesOf = async (file: string) => (await stat(join(target.dir, file))).size;
  if (expected === 'audio') {
    const versions = await transcodeAudio(
      master.abs,
      target.dir,
      stem,
      probe,
      settings,
      onProgress,
    );
    const types = ['audio/mp4', 'audio/ogg; codecs=opus'];
    return {
      entry: {
        kind: 'audio',
        master: masterInfo,
        seconds: probe.seconds,
        channels: probe.audio?.channels ?? 0,
        versions: await Promise.all(
          versions.map(async (v, i) => ({
            url: urlOf(v.file),
            type: types[i] ?? 'audio/mp4',
            bytes: await bytesOf(v.file),
          })),
        ),
        warnings: [],
      },
      outputs: versions.map((v) => v.file),
    };
  }
  const video = probe.video!;
  const made = await transcodeVideo(master.abs, target.dir, stem, probe, settings, onProgress);
  return {
    entry: {
      kind: 'video',
      master: masterInfo,
      seconds: probe.seconds,
      width: video.width,
      height: video.height,
      fps: video.fps,
      sound: probe.audio !== undefined,
      renditions: await Promise.all(
        made.renditions.map(async (r) => ({
          url: urlOf(r.file),
          width: r.width ?? 0,
          height: r.height ?? 0,
          bytes: await bytesOf(r.file),
        })),
      ),
      poster: {
        url: urlOf(made.poster.file),
        width: made.poster.width ?? video.width,
        height: made.poster.height ?? video.height,
      },
      warnings: probe.audio ? [] : ['the film has no sound / 影片无声'],
    },
    outputs: [...made.renditions.map((r) => r.file), made.poster.file],
  };
}
