import * as path from 'node:path';
import { FfmpegVersion, hasFpsModeOption } from './binaries';
import { pictureOffsetSeconds, renditionTimeline } from './frame-timeline';
import { VideoRendition } from './ladder';
import { MediaProbe } from './probe-types';
import { primaryAudio } from './primary-audio';
import {
  PosterFrame,
  posterFilter,
  posterOutputArgs,
  StoryboardLayout,
  storyboardOutputArgs,
  storyboardTileFilter,
  waveformOutputArgs,
} from './extras-args';
import { SIGNATURE_FILTER, signatureOutputArgs } from './frame-signatures';

export interface EncoderConfig {
  /** x264 preset; tests use "ultrafast". */
  preset: string;
  /** Quality target, capped by each rendition's maxrate. */
  crf: number;
  /** Segments last about this long, rounded to whole frames; one GOP per segment. */
  targetSegmentSeconds: number;
  /**
   * The first segment is cut in two, this long first (whole frames), so that a version becomes
   * playable after a handful of frames instead of a whole segment; 0 for none. x264 holds back
   * about a dozen frames (lookahead and threads) before it writes one, so shorter does not help.
   */
  leadSegmentSeconds: number;
  /**
   * Sound segments: shorter than the picture's, so that the first does not hold back playback
   * (ffmpeg reads sound and picture together: the first sound segment of 1 s waits for a second
   * of picture to be encoded, later than the picture's short first segment).
   */
  audioSegmentSeconds: number;
  audioBitrateKbps: number;
}

export const DEFAULT_ENCODER_CONFIG: EncoderConfig = {
  preset: 'veryfast',
  crf: 21,
  targetSegmentSeconds: 2,
  leadSegmentSeconds: 0.2,
  audioSegmentSeconds: 0.75,
  audioBitrateKbps: 128,
};

/** What ffmpeg writes: a growing playlist (`ffmpeg.m3u8`), `init.mp4` and `seg_00000.m4s`… in `dir`. */
export interface HlsOutput {
  kind: 'video' | 'audio';
  /** "1080p" or "audio"; also the output's folder under the output directory. */
  name: string;
  dir: string;
  /** The playlist ffmpeg rewrites as it goes; never served (see media-playlist.ts). */
  ffmpegPlaylist: string;
  width: number | null;
  height: number | null;
  /** Channels written (audio only). */
  channels: number | null;
  maxBitrateKbps: number;
}

export interface HlsPlan {
  args: string[];
  /** The constant rate every video rendition has. */
  fpsNum: number;
  fpsDen: number;
  /** Frames per segment (= GOP); every segment after the first two (the lead) has exactly this many. */
  segmentFrames: number;
  /**
   * Frames of the short first segment (0: none). The first segment of `segmentFrames` is split
   * there, so every later segment starts at a multiple of `segmentFrames`.
   */
  leadFrames: number;
  segmentSeconds: number;
  /** Frames each video rendition will hold. */
  expectedFrames: number;
  durationSeconds: number;
  /** True when a variable-rate source was conformed to the constant rate (each frame held until the next). */
  constantRateFromVariable: boolean;
  /** Video outputs largest first, then audio. */
  outputs: HlsOutput[];
}

export interface HlsPlanInput {
  input: string;
  outputDir: string;
  probe: MediaProbe;
  renditions: readonly VideoRendition[];
  ffmpegVersion: Pick<FfmpegVersion, 'major' | 'minor'>;
  encoder?: Partial<EncoderConfig>;
  /** Also write every frame's signature (see frame-signatures.ts) to this file, from the same decode. */
  signaturesPath?: string;
  /** Also made from the same decode: the poster, the storyboard and the waveform's samples. */
  extras?: LadderExtras;
}

/**
 * What a version shows besides its renditions, as more outputs of the ladder's one decode: the
 * picture and sound are decoded once, and these cost only their scaling and JPEG encoding.
 */
export interface LadderExtras {
  /** One frame (planPoster) as a JPEG at `path`. */
  poster?: { frame: PosterFrame; path: string };
  /** The storyboard's sprite sheets (planStoryboard), numbered from 0 after `pattern`. */
  storyboard?: { layout: StoryboardLayout; pattern: string };
  /** The primary sound, mono 16-bit PCM at this rate, written to the child's pipe 3. */
  waveformSampleRate?: number;
}

/** The ladder's ffmpeg writes the waveform's samples here (the child's fd 3). */
export const WAVEFORM_PIPE = 'pipe:3';

export const FFMPEG_PLAYLIST = 'ffmpeg.m3u8';
export const INIT_SEGMENT = 'init.mp4';
export const SEGMENT_PATTERN = 'seg_%05d.m4s';

/** Frames per segment: the target length rounded to whole frames (48 at 23.976, 50 at 25, 120 at 59.94). */
export function segmentFrameCount(fpsNum: number, fpsDen: number, targetSeconds: number): number {
  return Math.max(1, Math.round((targetSeconds * fpsNum) / fpsDen));
}

/** Frames of the short first segment: the lead rounded to whole frames, 0 when it would not be shorter. */
export function leadFrameCount(
  fpsNum: number,
  fpsDen: number,
  leadSeconds: number,
  segmentFrames: number,
): number {
  const frames = Math.round((leadSeconds * fpsNum) / fpsDen);
  return frames > 0 && frames < segmentFrames ? frames : 0;
}

/** The first frame of every segment of a `frames`-long rendition: where its keyframes are. */
export function segmentStartFrames(
  plan: Pick<HlsPlan, 'segmentFrames' | 'leadFrames'>,
  frames: number,
): number[] {
  const starts: number[] = [];
  for (let frame = 0; frame < frames; frame += plan.segmentFrames) {
    starts.push(frame);
    if (frame === 0 && plan.leadFrames > 0 && plan.leadFrames < frames) starts.push(plan.leadFrames);
  }
  return starts;
}

/** Seconds with six decimals, the precision ffmpeg's time options read. */
function seconds(value: number): string {
  return (Math.round(value * 1e6) / 1e6).toString();
}

const COLOR_TAGS: ReadonlyArray<[keyof NonNullable<MediaProbe['video']>, string]> = [
  ['colorPrimaries', '-color_primaries'],
  ['colorTransfer', '-color_trc'],
  ['colorSpace', '-colorspace'],
  ['colorRange', '-color_range'],
];

/** `segmentSeconds`: where a picture output is cut at every keyframe, half a frame. */
function hlsMuxerArgs(dir: string, segmentSeconds: number): string[] {
  return [
    '-f',
    'hls',
    '-hls_time',
    seconds(segmentSeconds),
    '-hls_list_size',
    '0',
    '-hls_playlist_type',
    'event',
    '-hls_segment_type',
    'fmp4',
    '-hls_fmp4_init_filename',
    INIT_SEGMENT,
    '-hls_segment_filename',
    path.join(dir, SEGMENT_PATTERN),
    '-hls_flags',
    'independent_segments+temp_file',
    path.join(dir, FFMPEG_PLAYLIST),
  ];
}

/**
 * One ffmpeg command that decodes the source once and writes every rendition:
 * a filter graph splits the (rotated, constant-rate, zero-based) picture into
 * one scaler per rendition, each with its own `-f hls` output, plus one AAC output.
 */
export function buildHlsPlan(plan: HlsPlanInput): HlsPlan {
  const encoder = { ...DEFAULT_ENCODER_CONFIG, ...plan.encoder };
  const { probe } = plan;
  const video = probe.kind === 'video' ? probe.video : null;
  const audio = primaryAudio(probe)?.stream ?? null;
  if (probe.kind === 'still') throw new Error('A still has no HLS renditions; make a poster from it instead');
  if (video && plan.renditions.length === 0) throw new Error('A video needs at least one rendition');
  if (!video && !audio) throw new Error('Nothing to transcode: no picture and no sound');

  const fpsNum = video?.fpsNum ?? 25;
  const fpsDen = video?.fpsDen ?? 1;
  const segmentFrames = segmentFrameCount(fpsNum, fpsDen, encoder.targetSegmentSeconds);
  const segmentSeconds = (segmentFrames * fpsDen) / fpsNum;
  const leadFrames = video ? leadFrameCount(fpsNum, fpsDen, encoder.leadSegmentSeconds, segmentFrames) : 0;
  // Half a frame: ffmpeg cuts at every keyframe, and the keyframes are placed below.
  const hlsTime = (0.5 * fpsDen) / fpsNum;
  const keyframes = `expr:${leadFrames ? `eq(n,${leadFrames})+` : ''}eq(mod(n,${segmentFrames}),0)`;
  const timeline = renditionTimeline(probe);
  const durationSeconds = timeline?.durationSeconds ?? probe.durationSeconds;
  const expectedFrames = timeline?.frameCount ?? 0;

  // ffmpeg shifts every stream by the container's start; the picture's own offset is removed by
  // shifting the whole input (not only the picture: ffmpeg 4.1's fps filter would then see a late
  // end of stream and repeat the last frame), which keeps sound and picture in sync.
  const videoOffset = pictureOffsetSeconds(probe);
  const passthrough = hasFpsModeOption(plan.ffmpegVersion) ? ['-fps_mode', 'passthrough'] : [];
  const outputs: HlsOutput[] = [];
  const graph: string[] = [];
  const outputArgs: string[] = [];

  const { poster, storyboard, waveformSampleRate } = plan.extras ?? {};
  if (video) {
    const extras: Array<[label: string, filter: string, args: string[]]> = [];
    if (plan.signaturesPath)
      extras.push(['sig', SIGNATURE_FILTER, signatureOutputArgs('[sig]', plan.signaturesPath, passthrough)]);
    if (storyboard)
      extras.push([
        'storyboard',
        storyboardTileFilter(storyboard.layout),
        ['-map', '[storyboard]', ...passthrough, ...storyboardOutputArgs(storyboard.pattern)],
      ]);
    if (poster)
      extras.push([
        'poster',
        `select='eq(n,${poster.frame.frame})',${posterFilter(poster.frame)}`,
        ['-map', '[poster]', ...passthrough, ...posterOutputArgs(poster.path)],
      ]);
    const count = plan.renditions.length + extras.length;
    // Zero-based, constant-rate frames, decoded once; `fps` at the source's own rate only regularises
    // timestamps. eof_action=pass keeps a last frame that starts late (variable-rate sources).
    const head = `[0:v:0]setpts=PTS-STARTPTS,fps=fps=${fpsNum}/${fpsDen}:round=near:eof_action=pass`;
    const labels = plan.renditions.map((_, index) => `[s${index}]`);
    labels.push(...extras.map(([label]) => `[${label}0]`));
    graph.push(count > 1 ? `${head},split=${count}${labels.join('')}` : `${head}${labels[0]}`);
    plan.renditions.forEach((rendition, index) => {
      graph.push(
        `[s${index}]scale=${rendition.width}:${rendition.height},setsar=1,format=yuv420p[v${index}]`,
      );
      const dir = path.join(plan.outputDir, rendition.name);
      const colorArgs = COLOR_TAGS.flatMap(([field, option]) => {
        const value = video[field];
        return typeof value === 'string' ? [option, value] : [];
      });
      outputArgs.push(
        '-map',
        `[v${index}]`,
        '-c:v',
        'libx264',
        '-preset',
        encoder.preset,
        '-profile:v',
        'high',
        '-crf',
        String(encoder.crf),
        '-maxrate',
        `${rendition.maxBitrateKbps}k`,
        '-bufsize',
        `${rendition.bufferKbits}k`,
        // No B-frames: no composition offset, so seeking to frame k shows frame k in the browser.
        '-bf',
        '0',
        '-g',
        String(segmentFrames),
        '-keyint_min',
        String(segmentFrames),
        '-sc_threshold',
        '0',
        '-force_key_frames',
        keyframes,
        ...colorArgs,
        ...passthrough,
        '-map_metadata',
        '-1',
        '-map_chapters',
        '-1',
        '-max_muxing_queue_size',
        '4096',
        ...hlsMuxerArgs(dir, hlsTime),
      );
      outputs.push({
        kind: 'video',
        name: rendition.name,
        dir,
        ffmpegPlaylist: path.join(dir, FFMPEG_PLAYLIST),
        width: rendition.width,
        height: rendition.height,
        channels: null,
        maxBitrateKbps: rendition.maxBitrateKbps,
      });
    });
    for (const [label, filter, args] of extras) {
      graph.push(`[${label}0]${filter}[${label}]`);
      outputArgs.push(...args);
    }
  }

  if (audio) {
    let audioInput = `0:a:${primaryAudio(probe)?.mapIndex ?? 0}`;
    // Sound from before the first frame now has negative timestamps: cut it.
    const trim = videoOffset > 0 ? ['atrim=start=0'] : [];
    if (waveformSampleRate) {
      graph.push(`[${audioInput}]${[...trim, 'asplit=2'].join(',')}[a][waveform]`);
      audioInput = '[a]';
    } else if (trim.length) {
      graph.push(`[${audioInput}]${trim.join(',')}[a]`);
      audioInput = '[a]';
    }
    const dir = path.join(plan.outputDir, 'audio');
    const channels = Math.min(2, Math.max(1, audio.channels));
    const resample = audio.sampleRate === 44100 || audio.sampleRate === 48000 ? [] : ['-ar', '48000'];
    outputArgs.push(
      '-map',
      audioInput,
      '-c:a',
      'aac',
      '-b:a',
      `${encoder.audioBitrateKbps}k`,
      '-ac',
      String(channels),
      ...resample,
      '-map_metadata',
      '-1',
      '-map_chapters',
      '-1',
      '-max_muxing_queue_size',
      '4096',
      ...hlsMuxerArgs(dir, encoder.audioSegmentSeconds),
    );
    if (waveformSampleRate)
      outputArgs.push('-map', '[waveform]', ...waveformOutputArgs(waveformSampleRate, WAVEFORM_PIPE));
    outputs.push({
      kind: 'audio',
      name: 'audio',
      dir,
      ffmpegPlaylist: path.join(dir, FFMPEG_PLAYLIST),
      width: null,
      height: null,
      channels,
      maxBitrateKbps: encoder.audioBitrateKbps,
    });
  }

  const globalArgs = ['-hide_banner', '-nostdin', '-y', '-v', 'error', '-progress', 'pipe:1', '-nostats'];
  // ffmpeg before 5.1 only has the global spelling.
  if (video && !hasFpsModeOption(plan.ffmpegVersion)) globalArgs.push('-vsync', 'passthrough');
  const args = [
    ...globalArgs,
    ...(videoOffset > 0 ? ['-itsoffset', seconds(-videoOffset)] : []),
    '-i',
    plan.input,
    ...(graph.length ? ['-filter_complex', graph.join(';')] : []),
    ...outputArgs,
  ];

  return {
    args,
    fpsNum,
    fpsDen,
    segmentFrames,
    leadFrames,
    segmentSeconds,
    expectedFrames,
    durationSeconds,
    constantRateFromVariable: Boolean(video?.variableFrameRate),
    outputs,
  };
}
