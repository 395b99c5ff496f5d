import { FfmpegVersion, hasFpsModeOption } from './binaries';
import { pictureOffsetSeconds, renditionTimeline } from './frame-timeline';
import { primaryAudio } from './primary-audio';
import { renditionSize } from './ladder';
import { MediaProbe } from './probe-types';

const QUIET = ['-hide_banner', '-nostdin', '-y', '-v', 'error'];

function passthrough(version: Pick<FfmpegVersion, 'major' | 'minor'>): string[] {
  return hasFpsModeOption(version) ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough'];
}

function seconds(value: number): string {
  return (Math.round(value * 1e6) / 1e6).toString();
}

export interface PosterPlan {
  args: string[];
  /** The frame shown (0 for a still). */
  frame: number;
  width: number;
  height: number;
}

export interface PosterConfig {
  /** Where in the video, as a fraction of its frames. */
  atFraction: number;
  /** Short side of the poster, never above the source's. */
  shortSide: number;
}

export const DEFAULT_POSTER_CONFIG: PosterConfig = { atFraction: 0.1, shortSide: 720 };

/** The frame a poster shows and its size; `seekSeconds` finds it in the source (null: from the start). */
export interface PosterFrame {
  frame: number;
  width: number;
  height: number;
  seekSeconds: number | null;
}

/** One frame about 10% in (a still's only frame), upright, square pixels. */
export function planPoster(probe: MediaProbe, config: PosterConfig = DEFAULT_POSTER_CONFIG): PosterFrame {
  const video = probe.video;
  if (!video || probe.kind === 'audio') throw new Error('Only pictures have a poster frame');
  const timeline = renditionTimeline(probe);
  const frame = timeline
    ? Math.min(timeline.frameCount - 1, Math.floor(timeline.frameCount * config.atFraction))
    : 0;
  const display = { width: video.displayWidth, height: video.displayHeight };
  const size = renditionSize(Math.min(config.shortSide, display.width, display.height), display);
  // Input seeking keeps the first frame at or after the target: aim half a frame early.
  const seekSeconds =
    timeline && frame > 0
      ? pictureOffsetSeconds(probe) + ((frame - 0.5) * timeline.fpsDen) / timeline.fpsNum
      : null;
  return { frame, ...size, seekSeconds };
}

/** The poster's scaling, and its JPEG output options. */
export function posterFilter(poster: Pick<PosterFrame, 'width' | 'height'>): string {
  return `scale=${poster.width}:${poster.height},setsar=1`;
}

export function posterOutputArgs(output: string): string[] {
  return ['-q:v', '3', '-f', 'image2', '-update', '1', output];
}

/** A JPEG of the poster frame, sought in the source. */
export function posterArgs(
  probe: MediaProbe,
  input: string,
  output: string,
  config: PosterConfig = DEFAULT_POSTER_CONFIG,
): PosterPlan {
  const { seekSeconds, ...poster } = planPoster(probe, config);
  const args = [
    ...QUIET,
    ...(seekSeconds !== null ? ['-ss', seconds(seekSeconds)] : []),
    '-i',
    input,
    '-map',
    '0:v:0',
    '-frames:v',
    '1',
    '-vf',
    posterFilter(poster),
    ...posterOutputArgs(output),
  ];
  return { args, ...poster };
}

export interface StoryboardConfig {
  thumbWidth: number;
  columns: number;
  rows: number;
  /** A thumbnail about this often, rounded to whole frames. */
  targetIntervalSeconds: number;
  /** Long videos get a longer interval instead of more thumbnails. */
  maxThumbnails: number;
}

export const DEFAULT_STORYBOARD_CONFIG: StoryboardConfig = {
  thumbWidth: 160,
  columns: 10,
  rows: 10,
  targetIntervalSeconds: 2,
  maxThumbnails: 1000,
};

export interface StoryboardLayout {
  fpsNum: number;
  fpsDen: number;
  frameCount: number;
  /** Thumbnail i shows frame i × intervalFrames. */
  intervalFrames: number;
  thumbWidth: number;
  thumbHeight: number;
  columns: number;
  rows: number;
  thumbnailCount: number;
  sheetCount: number;
}

/** Which frames become thumbnails and how they are tiled into sprite sheets. */
export function planStoryboard(
  probe: MediaProbe,
  config: StoryboardConfig = DEFAULT_STORYBOARD_CONFIG,
): StoryboardLayout {
  const timeline = renditionTimeline(probe);
  const video = probe.video;
  if (!timeline || !video) throw new Error('Only videos have a storyboard');
  const byTime = Math.max(1, Math.round((config.targetIntervalSeconds * timeline.fpsNum) / timeline.fpsDen));
  const intervalFrames = Math.max(byTime, Math.ceil(timeline.frameCount / config.maxThumbnails));
  const thumbnailCount = Math.ceil(timeline.frameCount / intervalFrames);
  const thumbHeight = Math.max(
    2,
    Math.round((config.thumbWidth * video.displayHeight) / video.displayWidth / 2) * 2,
  );
  return {
    fpsNum: timeline.fpsNum,
    fpsDen: timeline.fpsDen,
    frameCount: timeline.frameCount,
    intervalFrames,
    thumbWidth: config.thumbWidth,
    thumbHeight,
    columns: config.columns,
    rows: config.rows,
    thumbnailCount,
    sheetCount: Math.ceil(thumbnailCount / (config.columns * config.rows)),
  };
}

export const SPRITE_PATTERN = 'sprite_%03d.jpg';

export function spriteFileName(sheet: number): string {
  return `sprite_${String(sheet).padStart(3, '0')}.jpg`;
}

/** From constant-rate frames numbered like the renditions': every intervalFrames-th, scaled and tiled. */
export function storyboardTileFilter(layout: StoryboardLayout): string {
  return [
    `select='not(mod(n,${layout.intervalFrames}))'`,
    `scale=${layout.thumbWidth}:${layout.thumbHeight}`,
    'setsar=1',
    `tile=${layout.columns}x${layout.rows}`,
  ].join(',');
}

/** The sheets as JPEGs numbered from 0 (`outputPattern` as SPRITE_PATTERN). */
export function storyboardOutputArgs(outputPattern: string): string[] {
  return ['-q:v', '4', '-start_number', '0', '-f', 'image2', outputPattern];
}

/**
 * Sprite sheets: the same constant-rate frame numbering as the HLS renditions,
 * every intervalFrames-th frame, tiled columns × rows per JPEG.
 */
export function storyboardArgs(
  layout: StoryboardLayout,
  input: string,
  outputPattern: string,
  ffmpegVersion: Pick<FfmpegVersion, 'major' | 'minor'>,
): string[] {
  const filter = [
    'setpts=PTS-STARTPTS',
    `fps=fps=${layout.fpsNum}/${layout.fpsDen}:round=near:eof_action=pass`,
    storyboardTileFilter(layout),
  ].join(',');
  return [
    ...QUIET,
    '-i',
    input,
    '-map',
    '0:v:0',
    '-vf',
    filter,
    ...passthrough(ffmpegVersion),
    ...storyboardOutputArgs(outputPattern),
  ];
}

export interface WaveformConfig {
  /** Decoding rate: low is enough for a picture of the sound. */
  sampleRate: number;
  /** Peaks per second for short files… */
  peaksPerSecond: number;
  /** …and at most this many for long ones. */
  maxPeaks: number;
}

export const DEFAULT_WAVEFORM_CONFIG: WaveformConfig = {
  sampleRate: 8000,
  peaksPerSecond: 100,
  maxPeaks: 50_000,
};

/** Samples per min/max pair for a duration. */
export function samplesPerPeakFor(
  durationSeconds: number,
  config: WaveformConfig = DEFAULT_WAVEFORM_CONFIG,
): number {
  const byRate = Math.max(1, Math.round(config.sampleRate / config.peaksPerSecond));
  const byLimit = Math.ceil((Math.max(0, durationSeconds) * config.sampleRate) / config.maxPeaks);
  return Math.max(byRate, byLimit);
}

/** Output options for the waveform's samples: mono 16-bit PCM at `sampleRate`. */
export function waveformOutputArgs(sampleRate: number, output: string): string[] {
  return ['-ac', '1', '-ar', String(sampleRate), '-c:a', 'pcm_s16le', '-f', 's16le', output];
}

/** The first audio stream as mono 16-bit PCM on stdout, aligned with the picture's first frame. */
export function waveformArgs(probe: MediaProbe, input: string, sampleRate: number): string[] {
  const audio = primaryAudio(probe);
  if (!audio) throw new Error('No sound to draw');
  const offset = pictureOffsetSeconds(probe);
  return [
    ...QUIET,
    '-i',
    input,
    '-map',
    `0:a:${audio.mapIndex}`,
    ...(offset > 0 ? ['-af', `atrim=start=${seconds(offset)},asetpts=PTS-${seconds(offset)}/TB`] : []),
    ...waveformOutputArgs(sampleRate, 'pipe:1'),
  ];
}
