import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { detectFfmpegVersion, hasFpsModeOption } from './binaries';
import { runProcess, type RunProcessOptions } from './ffmpeg-runner';
import { pictureOffsetSeconds, renditionTimeline } from './frame-timeline';
import type { MediaProbe } from './probe-types';

type RunOptions = Pick<RunProcessOptions, 'signal' | 'timeoutMs' | 'logger'>;

/** Text laid over a still with ffmpeg's drawtext; the words come from a file, so nothing needs escaping. */
export interface StillText {
  textFile: string;
  x: number;
  y: number;
  /** Pixel height of the type. */
  size: number;
  /** "#rrggbb" */
  colour: string;
}

export interface StillSize {
  width: number;
  height: number;
}

/** Noted frames closer than this are taken in one decode rather than each with its own seek. */
const CLUSTER_GAP_SECONDS = 5;
/** ffmpeg's expression parser fails on a select of a few hundred terms: a decode keeps at most this many frames. */
const CLUSTER_MAX_FRAMES = 32;

/** One decode: where it seeks to, and which frames of the version's timeline it keeps, in order. */
export interface FrameGrabPlan {
  args: string[];
  frames: number[];
}

function seconds(value: number): string {
  return value.toFixed(6);
}

/** A path inside a filtergraph option: single-quoted, so ":" and "," are plain. */
function quotedPath(file: string): string {
  return `'${file.replace(/'/g, `'\\''`)}'`;
}

/**
 * ffmpeg runs that decode exactly the given frames of a version's timeline (frame numbers as
 * notes count them) from its original, scaled, as PNG or JPEG files `<prefix><n>-<i>.<ext>`. Constant-rate
 * sources seek half a frame before each cluster of nearby frames (input seeking keeps the first
 * frame at or after the target) and count frames from there; conformed variable-rate sources are
 * decoded from the start through the same `fps` conform as their renditions. Each run stops at its
 * last wanted frame.
 */
export function frameGrabPlans(
  probe: MediaProbe,
  input: string,
  wanted: readonly number[],
  size: StillSize,
  outputPrefix: string,
  ffmpegVersion: { major: number; minor: number },
  format: 'png' | 'jpeg' = 'png',
): FrameGrabPlan[] {
  const timeline = renditionTimeline(probe);
  if (!timeline) throw new Error('Only a video has frames to take a still of');
  const { fpsNum, fpsDen } = timeline;
  const last = Math.max(0, timeline.frameCount - 1);
  const frames = [...new Set(wanted.map((f) => Math.min(Math.max(0, Math.round(f)), last)))].sort(
    (a, b) => a - b,
  );
  const clusters: number[][] = [];
  const gapFrames = timeline.fromVariableRate ? Infinity : (CLUSTER_GAP_SECONDS * fpsNum) / fpsDen;
  for (const frame of frames) {
    const current = clusters[clusters.length - 1];
    if (current && current.length < CLUSTER_MAX_FRAMES && frame - current[current.length - 1] <= gapFrames)
      current.push(frame);
    else clusters.push([frame]);
  }
  const passthrough = hasFpsModeOption(ffmpegVersion)
    ? ['-fps_mode', 'passthrough']
    : ['-vsync', 'passthrough'];
  return clusters.map((cluster, index) => {
    const first = timeline.fromVariableRate ? 0 : cluster[0];
    const seek = first > 0 ? pictureOffsetSeconds(probe) + ((first - 0.5) * fpsDen) / fpsNum : null;
    const head = timeline.fromVariableRate
      ? `setpts=PTS-STARTPTS,fps=fps=${fpsNum}/${fpsDen}:round=near:eof_action=pass,`
      : '';
    const select = cluster.map((frame) => `eq(n\\,${frame - first})`).join('+');
    return {
      frames: cluster,
      args: [
        '-hide_banner',
        '-nostdin',
        '-y',
        '-v',
        'error',
        ...(seek !== null ? ['-ss', seconds(seek)] : []),
        '-i',
        input,
        '-map',
        '0:v:0',
        '-vf',
        `${head}select=${select},scale=${size.width}:${size.height},setsar=1`,
        ...passthrough,
        '-frames:v',
        String(cluster.length),
        ...(format === 'png' ? ['-c:v', 'png'] : ['-c:v', 'mjpeg', '-q:v', '2', '-pix_fmt', 'yuvj420p']),
        '-start_number',
        '0',
        '-f',
        'image2',
        `${outputPrefix}${index}-%05d.${format === 'png' ? 'png' : 'jpg'}`,
      ],
    };
  });
}

/** A grabbed frame made into the still people get: the drawing burned in, as PNG or JPEG. */
export interface FinishStillRequest extends StillSize {
  /** A picture of the frame at width×height (from `grabFrames`). */
  picture: string;
  /** Raw RGBA pixels at width×height (straight alpha) to lay over the frame: the drawing. */
  overlayPath?: string;
  texts?: readonly StillText[];
  /** A TrueType font for `texts`. */
  fontFile?: string;
  format: 'png' | 'jpeg';
}

/** ffmpeg arguments that lay a drawing over a grabbed frame and write it to stdout. */
export function finishStillArgs(request: FinishStillRequest): string[] {
  const inputs = ['-i', request.picture];
  const graph = ['[0:v]format=rgb24[base]'];
  let last = '[base]';
  if (request.overlayPath) {
    inputs.push(
      ...['-f', 'rawvideo', '-pix_fmt', 'rgba', '-video_size', `${request.width}x${request.height}`],
      ...['-i', request.overlayPath],
    );
    graph.push(`[1:v]format=rgba[drawing]`, `${last}[drawing]overlay=0:0:format=auto[drawn]`);
    last = '[drawn]';
  }
  if (request.texts?.length) {
    if (!request.fontFile) throw new Error('Text on a still needs a font file');
    const font = quotedPath(request.fontFile);
    const texts = request.texts.map(
      (text) =>
        `drawtext=fontfile=${font}:textfile=${quotedPath(text.textFile)}:x=${Math.round(text.x)}:y=${Math.round(text.y)}:fontsize=${Math.max(1, Math.round(text.size))}:fontcolor=0x${text.colour.slice(1)}:borderw=${Math.max(1, Math.round(text.size / 12))}:bordercolor=black@0.6:expansion=none`,
    );
    graph.push(`${last}${texts.join(',')}[typed]`);
    last = '[typed]';
  }
  const encode =
    request.format === 'png'
      ? ['-c:v', 'png', '-f', 'image2pipe']
      : ['-c:v', 'mjpeg', '-q:v', '3', '-pix_fmt', 'yuvj420p', '-f', 'image2pipe'];
  return [
    ...['-hide_banner', '-nostdin', '-v', 'error'],
    ...inputs,
    ...['-filter_complex', graph.join(';'), '-map', last, '-frames:v', '1'],
    ...encode,
    'pipe:1',
  ];
}

/** Runs one grab plan; returns each of its frames' picture files. */
export async function runFrameGrab(
  ffmpegPath: string,
  plan: FrameGrabPlan,
  outputPrefix: string,
  planIndex: number,
  options: RunOptions = {},
): Promise<Map<number, string>> {
  await runProcess(ffmpegPath, plan.args, { timeoutMs: 600_000, ...options });
  const dir = path.dirname(outputPrefix);
  const stem = `${path.basename(outputPrefix)}${planIndex}-`;
  const written = (await readdir(dir)).filter((name) => name.startsWith(stem)).sort();
  if (written.length !== plan.frames.length)
    throw new Error(
      `ffmpeg wrote ${written.length} of ${plan.frames.length} frames (${plan.frames.join(', ')})`,
    );
  return new Map(plan.frames.map((frame, i) => [frame, path.join(dir, written[i])]));
}

/** Burns the drawing into a grabbed frame and returns the image's bytes. */
export async function finishStill(
  ffmpegPath: string,
  request: FinishStillRequest,
  options: RunOptions = {},
): Promise<Buffer> {
  const result = await runProcess(ffmpegPath, finishStillArgs(request), {
    timeoutMs: 120_000,
    maxStdoutBytes: 64 * 1024 * 1024,
    ...options,
  });
  if (result.stdout.length === 0) throw new Error(`ffmpeg wrote no picture for ${request.picture}`);
  return result.stdout;
}

export interface StillFrameRequest extends Omit<FinishStillRequest, 'picture'> {
  probe: MediaProbe;
  input: string;
  frame: number;
  /** The ffmpeg's version, when known (else asked). */
  ffmpegVersion?: { major: number; minor: number };
}

/** One frame of a version, drawing burned in: a grab and a finish in a scratch folder. */
export async function renderStillFrame(
  ffmpegPath: string,
  request: StillFrameRequest,
  options: RunOptions = {},
): Promise<Buffer> {
  const work = await mkdtemp(path.join(tmpdir(), 'cutroom-still-'));
  try {
    const prefix = path.join(work, 'frame-');
    const version = request.ffmpegVersion ?? (await detectFfmpegVersion(ffmpegPath));
    const [plan] = frameGrabPlans(request.probe, request.input, [request.frame], request, prefix, version);
    const pictures = await runFrameGrab(ffmpegPath, plan, prefix, 0, options);
    return await finishStill(ffmpegPath, { ...request, picture: [...pictures.values()][0] }, options);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
