import { AudioStreamProbe, MediaKind, MediaProbe, Rotation, VideoProbe } from './probe-types';
import { parseRational, Rational, rationalToNumber, reduceRational, snapFrameRate } from './rational';

/** The parts of `ffprobe -print_format json -show_format -show_streams -count_packets` we read. */
export interface FfprobeStream {
  index?: number;
  codec_name?: string;
  codec_type?: string;
  codec_tag_string?: string;
  profile?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  pix_fmt?: string;
  color_range?: string;
  color_space?: string;
  color_transfer?: string;
  color_primaries?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  start_time?: string;
  duration?: string;
  bit_rate?: string;
  nb_frames?: string;
  nb_read_packets?: string;
  sample_rate?: string;
  channels?: number;
  channel_layout?: string;
  disposition?: Record<string, number>;
  tags?: Record<string, string>;
  side_data_list?: Array<{ side_data_type?: string; rotation?: number }>;
}

export interface FfprobeFormat {
  format_name?: string;
  start_time?: string;
  duration?: string;
  size?: string;
  bit_rate?: string;
  tags?: Record<string, string>;
}

export interface FfprobeJson {
  streams?: FfprobeStream[];
  format?: FfprobeFormat;
}

/** Frame rates closer than this (relative) count as the same: r_frame_rate vs avg_frame_rate. */
export const FRAME_RATE_TOLERANCE = 0.001;
/** Until its frame timestamps are read (probe.ts), a variable-rate source is taken at its average, snapped within this. */
export const AVERAGE_RATE_SNAP_TOLERANCE = 0.01;

const STILL_CODECS = new Set([
  'png',
  'mjpeg',
  'jpeg2000',
  'webp',
  'bmp',
  'tiff',
  'gif',
  'jpegls',
  'ppm',
  'pgm',
]);

/** Thrown by parseProbe when the file holds neither picture nor sound. */
export class NoMediaStreamsError extends Error {
  override readonly name = 'NoMediaStreamsError';
  constructor(readonly otherStreams: string[]) {
    super(
      otherStreams.length
        ? `No picture or sound, only: ${otherStreams.join(', ')}`
        : 'No streams at all (no picture, no sound)',
    );
  }
}

function num(text: string | number | undefined | null): number | null {
  if (text === undefined || text === null || text === '' || text === 'N/A') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function int(text: string | number | undefined | null): number | null {
  const value = num(text);
  return value === null ? null : Math.trunc(value);
}

function nonEmpty(text: string | undefined): string | null {
  return text && text !== 'unknown' && text !== 'N/A' ? text : null;
}

function tagValue(tags: Record<string, string> | undefined, key: string): string | null {
  if (!tags) return null;
  const match = Object.keys(tags).find((name) => name.toLowerCase() === key);
  return match ? tags[match] || null : null;
}

/** Matroska keeps stream durations in a DURATION tag ("00:00:02.002000000"). */
function durationTag(tags: Record<string, string> | undefined): number | null {
  const text = tagValue(tags, 'duration');
  const match = text ? /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(text) : null;
  if (!match) return null;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

function streamDuration(stream: FfprobeStream): number | null {
  return num(stream.duration) ?? durationTag(stream.tags);
}

/** Clockwise degrees, the way ffmpeg's autorotate reads them (display matrix first, then the old tag). */
export function readRotation(stream: FfprobeStream): Rotation {
  const matrix = stream.side_data_list?.find((entry) => entry.side_data_type === 'Display Matrix');
  const degrees =
    matrix && typeof matrix.rotation === 'number' ? -matrix.rotation : num(tagValue(stream.tags, 'rotate'));
  if (degrees === null) return 0;
  const quarter = (((Math.round(degrees / 90) % 4) + 4) % 4) as 0 | 1 | 2 | 3;
  return ([0, 90, 180, 270] as const)[quarter];
}

function chooseFrameRate(
  real: Rational | null,
  average: Rational | null,
): { rate: Rational; variable: boolean } {
  if (real && average) {
    const difference =
      Math.abs(rationalToNumber(real) - rationalToNumber(average)) / rationalToNumber(average);
    if (difference <= FRAME_RATE_TOLERANCE) return { rate: real, variable: false };
    return { rate: snapFrameRate(average, AVERAGE_RATE_SNAP_TOLERANCE), variable: true };
  }
  const rate = real ?? average ?? { num: 25, den: 1 };
  return { rate, variable: false };
}

function isStill(format: FfprobeFormat | undefined, stream: FfprobeStream, frameCount: number): boolean {
  const container = format?.format_name ?? '';
  const imageContainer = container === 'image2' || container.endsWith('_pipe');
  return frameCount <= 1 && (imageContainer || STILL_CODECS.has(stream.codec_name ?? ''));
}

function parseVideo(stream: FfprobeStream, format: FfprobeFormat | undefined): VideoProbe {
  const realFrameRate = parseRational(stream.r_frame_rate);
  const averageFrameRate = parseRational(stream.avg_frame_rate);
  const { rate, variable } = chooseFrameRate(realFrameRate, averageFrameRate);
  const fps = rationalToNumber(rate);
  const declaredFrameCount = int(stream.nb_frames);
  const readFrames = int(stream.nb_read_packets);
  const containerDuration = num(format?.duration);
  const duration = streamDuration(stream) ?? containerDuration;
  const frameCount =
    readFrames ?? declaredFrameCount ?? (duration !== null ? Math.max(1, Math.round(duration * fps)) : 1);
  const width = int(stream.width) ?? 0;
  const height = int(stream.height) ?? 0;
  const sampleAspect = parseRational(stream.sample_aspect_ratio) ?? { num: 1, den: 1 };
  const rotation = readRotation(stream);
  const shownWidth = Math.max(1, Math.round((width * sampleAspect.num) / sampleAspect.den));
  const sideways = rotation === 90 || rotation === 270;
  const storedAspect =
    width > 0 && height > 0
      ? reduceRational(width * sampleAspect.num, height * sampleAspect.den)
      : { num: 1, den: 1 };
  return {
    streamIndex: stream.index ?? 0,
    codec: stream.codec_name ?? '',
    profile: nonEmpty(stream.profile),
    fpsNum: rate.num,
    fpsDen: rate.den,
    realFrameRate,
    averageFrameRate,
    variableFrameRate: variable,
    frameTiming: null,
    frameCount,
    declaredFrameCount,
    durationSeconds: duration ?? frameCount / fps,
    startSeconds: num(stream.start_time) ?? 0,
    width,
    height,
    displayWidth: sideways ? height : shownWidth,
    displayHeight: sideways ? shownWidth : height,
    sampleAspect,
    displayAspect: sideways ? { num: storedAspect.den, den: storedAspect.num } : storedAspect,
    rotation,
    pixelFormat: nonEmpty(stream.pix_fmt),
    colorPrimaries: nonEmpty(stream.color_primaries),
    colorTransfer: nonEmpty(stream.color_transfer),
    colorSpace: nonEmpty(stream.color_space),
    colorRange: nonEmpty(stream.color_range),
    bitRate: int(stream.bit_rate),
  };
}

function parseAudio(stream: FfprobeStream): AudioStreamProbe {
  return {
    streamIndex: stream.index ?? 0,
    codec: stream.codec_name ?? null,
    channels: int(stream.channels) ?? 0,
    channelLayout: nonEmpty(stream.channel_layout),
    sampleRate: int(stream.sample_rate) ?? 0,
    durationSeconds: streamDuration(stream),
    startSeconds: num(stream.start_time) ?? 0,
    language: nonEmpty(tagValue(stream.tags, 'language') ?? undefined),
    bitRate: int(stream.bit_rate),
  };
}

function findTimecode(json: FfprobeJson, video: FfprobeStream | undefined): string | null {
  const streams = json.streams ?? [];
  const timecodeTrack = streams.find((stream) => stream.codec_tag_string === 'tmcd');
  return (
    tagValue(timecodeTrack?.tags, 'timecode') ??
    tagValue(video?.tags, 'timecode') ??
    tagValue(json.format?.tags, 'timecode') ??
    streams.map((stream) => tagValue(stream.tags, 'timecode')).find((value) => value !== null) ??
    null
  );
}

/** Turns ffprobe's JSON into a MediaProbe. Throws NoMediaStreamsError when there is no picture or sound. */
export function parseProbe(json: FfprobeJson): MediaProbe {
  const streams = json.streams ?? [];
  const format = json.format;
  const videoStream = streams.find(
    (stream) => stream.codec_type === 'video' && stream.disposition?.attached_pic !== 1,
  );
  const audioStreams = streams.filter((stream) => stream.codec_type === 'audio');
  const otherStreams = streams
    .filter((stream) => stream !== videoStream && !audioStreams.includes(stream))
    .filter((stream) => !(stream.codec_type === 'video' && stream.disposition?.attached_pic === 1))
    .map(
      (stream) => `${stream.codec_type ?? 'unknown'}:${stream.codec_name ?? stream.codec_tag_string ?? '?'}`,
    );
  if (!videoStream && audioStreams.length === 0) throw new NoMediaStreamsError(otherStreams);

  const video = videoStream ? parseVideo(videoStream, format) : null;
  const audio = audioStreams.map(parseAudio);
  const kind: MediaKind = video
    ? isStill(format, videoStream as FfprobeStream, video.frameCount)
      ? 'still'
      : 'video'
    : 'audio';
  const startTimecode = findTimecode(json, videoStream);
  const containerDuration = num(format?.duration);
  const audioDuration = Math.max(0, ...audio.map((stream) => stream.durationSeconds ?? 0));
  const durationSeconds =
    kind === 'still'
      ? 0
      : (containerDuration ?? video?.durationSeconds ?? (audioDuration > 0 ? audioDuration : 0));

  return {
    kind,
    container: format?.format_name ?? '',
    durationSeconds,
    startSeconds: num(format?.start_time) ?? 0,
    sizeBytes: int(format?.size),
    bitRate: int(format?.bit_rate),
    video,
    audio,
    startTimecode,
    dropFrame: startTimecode !== null && startTimecode.includes(';'),
    otherStreams,
  };
}
