/**
 * What the ingest makes of a video or audio master, decided from ffprobe's report before any
 * transcoding: which streams it has, whether it is fit to publish (length, frame size, codecs)
 * and the web versions it becomes (H.264/AAC MP4 with fast start at the heights the master
 * allows, never upscaled; AAC and Opus for audio). Every refusal says why, in both languages,
 * so the curator can fix the master.
 * Pure: parsing and planning only; av.ts runs ffprobe and ffmpeg.
 */
import { BadInputError } from './sniff.ts';

/** Limits of what the ingest publishes (part of the pipeline settings). */
export interface AvLimits {
  /** Longest master accepted, in seconds: a longer film is split into parts before ingest. */
  maxSeconds: number;
  /** Largest frame accepted (width × height): 8K masters are refused, 4K are accepted. */
  maxPixels: number;
  /** Video codecs ffmpeg decodes reliably here (ffprobe `codec_name`). */
  videoCodecs: readonly string[];
  /** Audio codecs likewise. */
  audioCodecs: readonly string[];
}

export const DEFAULT_AV_LIMITS: AvLimits = {
  maxSeconds: 3 * 60 * 60,
  maxPixels: 4096 * 2304,
  videoCodecs: [
    'h264',
    'hevc',
    'prores',
    'dnxhd',
    'mpeg2video',
    'mpeg4',
    'vp8',
    'vp9',
    'av1',
    'mjpeg',
  ],
  audioCodecs: [
    'aac',
    'mp3',
    'flac',
    'alac',
    'opus',
    'vorbis',
    'ac3',
    'pcm_s16le',
    'pcm_s24le',
    'pcm_s32le',
    'pcm_f32le',
    'pcm_s16be',
    'pcm_s24be',
  ],
};

/** The video stream of a master, as it is shown (rotation applied). */
export interface VideoStream {
  codec: string;
  /** Display width and height in pixels, after rotation. */
  width: number;
  height: number;
  /** Frames per second (0 when the file does not say). */
  fps: number;
}

/** The audio stream of a master. */
export interface AudioStream {
  codec: string;
  channels: number;
  sampleRate: number;
}

/** A master as ffprobe reports it, checked. */
export interface AvProbe {
  /** The container ffprobe read (`mov`, `matroska`, `wav` …: the first of its names). */
  container: string;
  /** Duration in seconds. */
  seconds: number;
  /** Absent for an audio master. */
  video?: VideoStream;
  /** Absent for a silent film. */
  audio?: AudioStream;
}

/** The part of ffprobe's `-show_format -show_streams` JSON read here. */
interface ProbeJson {
  format?: { duration?: string; format_name?: string };
  streams?: {
    codec_type?: string;
    codec_name?: string;
    width?: number;
    height?: number;
    avg_frame_rate?: string;
    r_frame_rate?: string;
    channels?: number;
    sample_rate?: string;
    duration?: string;
    disposition?: { attached_pic?: number };
    tags?: { rotate?: string };
    side_data_list?: { rotation?: number }[];
  }[];
}

/** `"30000/1001"` as a number (0 for `0/0` or nonsense). */
function rate(text: string | undefined): number {
  const [n, d] = (text ?? '').split('/').map(Number);
  if (n === undefined || !Number.isFinite(n) || n <= 0) return 0;
  if (d === undefined) return n;
  return Number.isFinite(d) && d > 0 ? n / d : 0;
}

/** Whether a stream is turned a quarter (portrait phone video), which swaps width and height. */
function quarterTurned(stream: NonNullable<ProbeJson['streams']>[number]): boolean {
  const degrees = Number(stream.tags?.rotate ?? stream.side_data_list?.[0]?.rotation ?? 0);
  return Math.abs(degrees) % 180 === 90;
}

const hoursMinutes = (seconds: number) =>
  `${String(Math.floor(seconds / 3600))} h ${String(Math.round((seconds % 3600) / 60))} min`;

/**
 * The checked probe of a master expected to be `expected` (from its extension). Throws
 * `BadInputError` for what cannot be published: no media streams (a text file named .mp4), no
 * duration (truncated), a "video" with only sound, too long, too large, an unknown codec.
 */
export function checkProbe(
  json: unknown,
  expected: 'video' | 'audio',
  limits: AvLimits = DEFAULT_AV_LIMITS,
): AvProbe {
  const probe = json as ProbeJson;
  const streams = probe.streams ?? [];
  // a cover picture in an audio file is a video stream ffprobe marks as attached
  const videoStream = streams.find(
    (s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1,
  );
  const audioStream = streams.find((s) => s.codec_type === 'audio');
  if (!videoStream && !audioStream)
    throw new BadInputError(
      'no video or audio stream: not a media file, or damaged / 不含音视频流：不是音视频文件，或已损坏',
    );
  if (expected === 'video' && !videoStream)
    throw new BadInputError(
      'the file has sound only: name it as audio (.m4a, .wav, .flac …) / 文件只有音频：请改用音频扩展名',
    );
  const seconds = Number(probe.format?.duration ?? videoStream?.duration ?? audioStream?.duration);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new BadInputError(
      'no duration: the file is truncated or still being copied / 无法读出时长：文件不完整或尚未复制完',
    );
  if (seconds > limits.maxSeconds)
    throw new BadInputError(
      `${hoursMinutes(seconds)} long; the limit is ${hoursMinutes(limits.maxSeconds)}: split the film into parts / ` +
        `时长超出上限（${hoursMinutes(limits.maxSeconds)}），请分段`,
    );
  const container = (probe.format?.format_name ?? 'unknown').split(',')[0] ?? 'unknown';
  const result: AvProbe = { container, seconds };
  if (videoStream) result.video = checkVideo(videoStream, limits);
  if (audioStream) result.audio = checkAudio(audioStream, limits);
  return result;
}

function checkVideo(stream: NonNullable<ProbeJson['streams']>[number], limits: AvLimits) {
  const codec = stream.codec_name ?? 'unknown';
  if (!limits.videoCodecs.includes(codec))
    throw new BadInputError(
      `video codec ${codec} is not supported (use H.264, HEVC, ProRes, DNxHD, VP9 or AV1) / 不支持的视频编码：${codec}`,
    );
  const [w, h] = [stream.width ?? 0, stream.height ?? 0];
  if (w <= 0 || h <= 0) throw new BadInputError('the video has no frame size / 视频没有画面尺寸');
  if (w * h > limits.maxPixels)
    throw new BadInputError(
      `${String(w)}×${String(h)} frames are larger than 4K; make a 4K master first / 画面超过 4K，请先转为 4K 母版`,
    );
  const turned = quarterTurned(stream);
  return {
    codec,
    width: turned ? h : w,
    height: turned ? w : h,
    fps: rate(stream.avg_frame_rate) || rate(stream.r_frame_rate),
  };
}

function checkAudio(stream: NonNullable<ProbeJson['streams']>[number], limits: AvLimits) {
  const codec = stream.codec_name ?? 'unknown';
  if (!limits.audioCodecs.includes(codec))
    throw new BadInputError(
      `audio codec ${codec} is not supported (use AAC, WAV, FLAC, ALAC, MP3 or Opus) / 不支持的音频编码：${codec}`,
    );
  return { codec, channels: stream.channels ?? 0, sampleRate: Number(stream.sample_rate ?? 0) };
}

/** One web version of a video: its frame size. */
export interface VideoRendition {
  width: number;
  height: number;
}

/**
 * The web versions of a `width`×`height` video: one per rung of `heights` (the shorter side, so
 * portrait films are treated alike) at or below the master's, and the master's own size when it
 * is below every rung. Even sizes (H.264 4:2:0 needs them); never upscaled.
 */
export function videoRenditions(
  width: number,
  height: number,
  heights: readonly number[] = [1080, 720, 480],
): VideoRendition[] {
  const short = Math.min(width, height);
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
  const rungs = heights.filter((h) => h <= short);
  const sides = rungs.length > 0 ? rungs : [short];
  return sides.map((side) => {
    const scale = side / short;
    return { width: even(width * scale), height: even(height * scale) };
  });
}
