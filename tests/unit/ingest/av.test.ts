/**
 * Video and audio masters: what ffprobe's report lets through, and real ffmpeg runs on small
 * clips made here with ffmpeg's own test sources (a test pattern and a tone).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProbe, videoRenditions } from '../../../scripts/lib/ingest/av-probe.ts';
import {
  probeMaster,
  progressOf,
  transcodeAudio,
  transcodeVideo,
} from '../../../scripts/lib/ingest/av.ts';
import type { IngestResult } from '../../../scripts/lib/ingest/run.ts';
import { defaultSettings } from '../../../scripts/lib/ingest/settings.ts';
import { BadInputError } from '../../../scripts/lib/ingest/sniff.ts';
import type { AudioEntry, VideoEntry } from '../../../src/lib/records/media-manifest.ts';
import { type TempProject, tempProject } from './helpers.ts';

const settings = defaultSettings().av;

const stream = (extra: Record<string, unknown>) => ({ disposition: {}, ...extra });
const h264 = (width: number, height: number, extra: Record<string, unknown> = {}) =>
  stream({
    codec_type: 'video',
    codec_name: 'h264',
    width,
    height,
    avg_frame_rate: '25/1',
    ...extra,
  });
const aac = stream({ codec_type: 'audio', codec_name: 'aac', channels: 2, sample_rate: '48000' });
const probe = (duration: string | undefined, ...streams: unknown[]) => ({
  format: duration === undefined ? {} : { duration },
  streams,
});

describe('checkProbe', () => {
  it('reads a film: duration, frame size, frame rate and sound', () => {
    expect(checkProbe(probe('12.5', h264(1920, 1080), aac), 'video')).toEqual({
      container: 'unknown',
      seconds: 12.5,
      video: { codec: 'h264', width: 1920, height: 1080, fps: 25 },
      audio: { codec: 'aac', channels: 2, sampleRate: 48000 },
    });
  });

  it('shows a phone film turned a quarter as portrait', () => {
    const turned = h264(1920, 1080, { side_data_list: [{ rotation: -90 }] });
    expect(checkProbe(probe('3', turned), 'video').video).toMatchObject({
      width: 1080,
      height: 1920,
    });
  });

  it('takes an audio file with a cover picture as audio', () => {
    const cover = h264(600, 600, { disposition: { attached_pic: 1 } });
    const checked = checkProbe(probe('60', cover, aac), 'audio');
    expect(checked.video).toBeUndefined();
    expect(checked.audio?.codec).toBe('aac');
  });

  it.each([
    ['no stream at all (a text file named .mp4)', probe('1'), 'video', /not a media file/],
    ['sound only, named as a video', probe('5', aac), 'video', /sound only/],
    ['no duration (truncated)', probe(undefined, h264(640, 360)), 'video', /truncated/],
    ['ten hours', probe(String(10 * 3600), h264(640, 360)), 'video', /10 h 0 min long/],
    ['an 8K frame', probe('5', h264(7680, 4320)), 'video', /larger than 4K/],
    [
      'an unknown codec',
      probe('5', h264(640, 360, { codec_name: 'cinepak' })),
      'video',
      /codec cinepak/,
    ],
    [
      'an unknown audio codec',
      probe('5', stream({ codec_type: 'audio', codec_name: 'ra_144' })),
      'audio',
      /codec ra_144/,
    ],
  ] as const)('refuses %s, saying why', (_case, json, expected, message) => {
    expect(() => checkProbe(json, expected)).toThrow(BadInputError);
    expect(() => checkProbe(json, expected)).toThrow(message);
  });
});

describe('videoRenditions', () => {
  it('makes each rung at or below the master, never larger', () => {
    expect(videoRenditions(1920, 1080)).toEqual([
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
      { width: 854, height: 480 },
    ]);
    expect(videoRenditions(1280, 720)).toEqual([
      { width: 1280, height: 720 },
      { width: 854, height: 480 },
    ]);
  });

  it('measures portrait films by their shorter side, and keeps a small master as it is', () => {
    expect(videoRenditions(1080, 1920)[0]).toEqual({ width: 1080, height: 1920 });
    expect(videoRenditions(321, 241)).toEqual([{ width: 322, height: 242 }]);
  });
});

describe('progressOf', () => {
  it('reads the last time ffmpeg reports, as a share of the length', () => {
    expect(progressOf('frame=10\nout_time_us=500000\nout_time_us=1500000\n', 3)).toBe(0.5);
    expect(progressOf('progress=continue\n', 3)).toBeUndefined();
  });
});

describe('ffmpeg on real clips', () => {
  let dir = '';
  const ffmpeg = (...args: string[]) =>
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
  const streamsOf = (file: string) =>
    (
      JSON.parse(
        execFileSync('ffprobe', [
          '-v',
          'error',
          '-print_format',
          'json',
          '-show_streams',
          file,
        ]).toString(),
      ) as { streams: { codec_name: string; pix_fmt?: string; width?: number }[] }
    ).streams;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'av-test-'));
    const pattern = ['-f', 'lavfi', '-i', 'testsrc=duration=2:size=640x360:rate=25'];
    const tone = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'];
    // a camera-like master: H.264 4:4:4 with its index at the end, as cameras write it
    ffmpeg(
      ...pattern,
      ...tone,
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv444p',
      '-c:a',
      'pcm_s16le',
      join(dir, 'film.mov'),
    );
    ffmpeg(...tone, '-c:a', 'flac', join(dir, 'voice.flac'));
    ffmpeg(...tone, '-c:a', 'aac', join(dir, 'sound-only.mp4'));
    ffmpeg(...pattern, '-c:v', 'libx264', '-preset', 'ultrafast', join(dir, 'cut.mp4'));
    truncateSync(join(dir, 'cut.mp4'), Math.floor(readFileSync(join(dir, 'cut.mp4')).length / 2));
    writeFileSync(join(dir, 'notes.mp4'), 'these are notes, not a film\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a fast-start H.264/AAC MP4 at the master size below 480p, and a poster', async () => {
    const master = join(dir, 'film.mov');
    const probed = await probeMaster(master, 'video', settings.limits);
    expect(probed.video).toMatchObject({ width: 640, height: 360 });
    const fractions: number[] = [];
    const out = await transcodeVideo(master, dir, 'film', probed, settings, (f) =>
      fractions.push(f),
    );
    expect(out.renditions).toEqual([{ file: 'film-360p.mp4', width: 640, height: 360 }]);
    const mp4 = join(dir, 'film-360p.mp4');
    const [video, audio] = streamsOf(mp4);
    expect(video).toMatchObject({ codec_name: 'h264', pix_fmt: 'yuv420p', width: 640 });
    expect(audio).toMatchObject({ codec_name: 'aac' });
    // fast start: the index (moov) comes before the media data (mdat)
    const bytes = readFileSync(mp4);
    expect(bytes.indexOf('moov')).toBeGreaterThan(0);
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'));
    expect(out.poster.file).toBe('film-poster.webp');
    expect(streamsOf(join(dir, 'film-poster.webp'))[0]).toMatchObject({ width: 640 });
    expect(fractions.at(-1)).toBeGreaterThan(0.5);
  });

  it('makes AAC and Opus versions of an audio master', async () => {
    const master = join(dir, 'voice.flac');
    const probed = await probeMaster(master, 'audio', settings.limits);
    const out = await transcodeAudio(master, dir, 'voice', probed, settings);
    expect(out.map((o) => o.file)).toEqual(['voice.m4a', 'voice.opus']);
    expect(streamsOf(join(dir, 'voice.m4a'))[0]?.codec_name).toBe('aac');
    expect(streamsOf(join(dir, 'voice.opus'))[0]?.codec_name).toBe('opus');
  });

  it.each([
    ['notes.mp4', /not a readable video or audio file/],
    ['cut.mp4', /not a readable video or audio file|truncated/],
    ['sound-only.mp4', /sound only/],
  ])('refuses %s with a message', async (file, message) => {
    await expect(probeMaster(join(dir, file), 'video', settings.limits)).rejects.toThrow(message);
  });

  it('stops ffmpeg at its time limit and leaves no partial file', async () => {
    const master = join(dir, 'film.mov');
    const probed = await probeMaster(master, 'video', settings.limits);
    const hurried = { ...settings, timeLimit: { perSecond: 0, minSeconds: 0.01 } };
    await expect(transcodeVideo(master, dir, 'hurried', probed, hurried)).rejects.toThrow(
      /did not finish/,
    );
    expect(execFileSync('ls', [dir]).toString()).not.toMatch(/hurried/);
  });
});

describe('npm run ingest with a film, a recording and a bad file', () => {
  let project: TempProject;
  let first: IngestResult;
  beforeAll(async () => {
    project = await tempProject();
    const dir = await project.record('crafts', 'lacquer');
    const run = (...args: string[]) =>
      execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
    run(
      '-f',
      'lavfi',
      '-i',
      'testsrc=duration=2:size=854x480:rate=25',
      '-f',
      'lavfi',
      '-i',
      'sine=duration=2',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-c:a',
      'aac',
      join(dir, 'steps.mp4'),
    );
    run('-f', 'lavfi', '-i', 'sine=frequency=220:duration=2', join(dir, 'account.wav'));
    writeFileSync(join(dir, 'notes.mov'), 'not a film\n');
    first = await project.ingest();
  });
  afterAll(() => project.cleanup());

  it('publishes the film and the recording and names the bad file with its reason', () => {
    const film = first.manifest.items['crafts/lacquer/steps.mp4'] as VideoEntry;
    expect(film).toMatchObject({ kind: 'video', width: 854, height: 480, sound: true });
    expect(film.renditions.map((r) => r.height)).toEqual([480]);
    expect(film.renditions[0]?.url).toMatch(/^\/media\/crafts\/lacquer\/.+-480p\.mp4$/);
    expect(film.poster.url).toMatch(/-poster\.webp$/);
    const recording = first.manifest.items['crafts/lacquer/account.wav'] as AudioEntry;
    expect(recording.versions.map((v) => v.type)).toEqual(['audio/mp4', 'audio/ogg; codecs=opus']);
    expect(first.report.errors.map((e) => [e.file, e.message])).toEqual([
      ['notes.mov', expect.stringMatching(/not a readable video or audio file/)],
    ]);
    // the masters are in the fixity manifest, with their media types
    const fixity = JSON.parse(
      readFileSync(join(project.root, 'content', 'fixity.json'), 'utf8'),
    ) as Record<string, { type: string }>;
    expect(fixity['crafts/lacquer/steps.mp4']?.type).toBe('video/mp4');
    expect(fixity['crafts/lacquer/account.wav']?.type).toBe('audio/wav');
  });

  it('does no transcoding on a re-run with nothing changed', async () => {
    const again = await project.ingest();
    expect(again.report.items.filter((i) => i.status === 'processed')).toEqual([]);
    expect(again.report.skipped).toBe(2);
    expect(again.manifest.items['crafts/lacquer/steps.mp4']).toEqual(
      first.manifest.items['crafts/lacquer/steps.mp4'],
    );
  });
});
