import { stat } from 'node:fs/promises';
import { MediaProcessError, runProcess } from './ffmpeg-runner';
import { MediaLogger } from './logger';
import { chooseConstantRate, FrameTimes } from './frame-rate-choice';
import { withFrameTiming } from './frame-timeline';
import { readMp4Outline } from './mp4-boxes';
import { FfprobeJson } from './parse-probe';
import {
  assessProbe,
  DEFAULT_PROBE_LIMITS,
  ProbeAssessment,
  ProbeLimits,
  ProbeRecord,
} from './probe-problems';
import { MediaProbe } from './probe-types';
import { parseRational, Rational } from './rational';

export interface ProbeOptions {
  ffprobePath: string;
  limits?: ProbeLimits;
  signal?: AbortSignal;
  timeoutMs?: number;
  logger?: MediaLogger;
}

/** The ffprobe arguments: streams and format as JSON, with packets counted (demux only, no decode). */
export function probeArgs(file: string): string[] {
  return [
    '-v',
    'error',
    '-hide_banner',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    '-count_packets',
    file,
  ];
}

/** Runs ffprobe once and keeps everything a diagnosis needs. */
export async function runProbe(file: string, options: ProbeOptions): Promise<ProbeRecord> {
  const { size } = await stat(file);
  if (size === 0) return { fileSize: 0, exitCode: null, json: null, stderr: '' };
  const mp4 = await readMp4Outline(file);
  return { ...(await runFfprobe(file, size, options)), mp4 };
}

async function runFfprobe(file: string, size: number, options: ProbeOptions): Promise<ProbeRecord> {
  try {
    const { stdout, stderrTail } = await runProcess(options.ffprobePath, probeArgs(file), {
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? 120_000,
      logger: options.logger,
    });
    let json: FfprobeJson | null = null;
    try {
      json = JSON.parse(stdout.toString('utf8')) as FfprobeJson;
    } catch {
      json = null;
    }
    return { fileSize: size, exitCode: 0, json, stderr: stderrTail };
  } catch (error) {
    // A file ffprobe rejects is an answer about the file; cancellation, timeouts and a missing binary are not.
    if (error instanceof MediaProcessError && error.failure === 'exit') {
      return { fileSize: size, exitCode: error.exitCode, json: null, stderr: error.stderrTail };
    }
    throw error;
  }
}

/**
 * Probes a file: a usable MediaProbe, or the problem in words a person can act on. A picture
 * whose rates cannot be trusted also has its frames' timestamps read, and gets the constant rate
 * that shows every frame at its own time (frame-rate-choice.ts).
 */
export async function probeMedia(
  file: string,
  options: ProbeOptions,
): Promise<ProbeAssessment & { record: ProbeRecord }> {
  const record = await runProbe(file, options);
  const assessment = assessProbe(record, options.limits ?? DEFAULT_PROBE_LIMITS);
  if (!assessment.ok) {
    options.logger?.warn('media: probe rejected the file', { file, detail: assessment.problem.detail });
    return { ...assessment, record };
  }
  return { ok: true, probe: await timeFrames(file, assessment.probe, options), record };
}

/**
 * True when the container's frame rates cannot be trusted: they disagree (a variable rate, or a
 * constant one misflagged), or the container is Matroska/WebM, which states none of its own and
 * whose rates ffprobe derives from the average.
 */
export function needsFrameTimes(probe: MediaProbe): boolean {
  if (probe.kind !== 'video' || !probe.video) return false;
  return probe.video.variableFrameRate || /\b(matroska|webm)\b/.test(probe.container);
}

async function timeFrames(file: string, probe: MediaProbe, options: ProbeOptions): Promise<MediaProbe> {
  if (!needsFrameTimes(probe) || !probe.video) return probe;
  let times: FrameTimes | null = null;
  try {
    times = await readFrameTimes(file, probe.video.streamIndex, options);
  } catch (error) {
    if (!(error instanceof MediaProcessError) || error.failure === 'aborted') throw error;
    // The average rate parseProbe chose still makes a playable version.
    options.logger?.warn('media: could not read the frame timestamps; using the average rate', {
      file,
      detail: error.message,
    });
  }
  const choice = times && chooseConstantRate(times, { declaredRate: probe.video.realFrameRate });
  if (!choice) return probe;
  options.logger?.info('media: frame rate chosen from the frame timestamps', {
    file,
    rate: `${choice.rate.num}/${choice.rate.den}`,
    variable: choice.variable,
    sourceFrames: choice.sourceFrames,
    timelineFrames: choice.frameCount,
    lostFrames: choice.lostFrames,
  });
  return withFrameTiming(probe, choice);
}

/**
 * Every frame's timestamp of one picture stream, read from the packets (demux only, no decode:
 * seconds for a two-hour file), streamed so that a day-long source does not fill memory with text.
 * Null when the packets carry no presentation timestamps.
 */
export async function readFrameTimes(
  file: string,
  streamIndex: number,
  options: Pick<ProbeOptions, 'ffprobePath' | 'signal' | 'timeoutMs'>,
): Promise<FrameTimes | null> {
  const pts: number[] = [];
  let lastPts = -Infinity;
  let lastFrameDuration: number | null = null;
  let timeBase: Rational | null = null;
  let untimed = false;
  let pending = '';
  const readLine = (line: string) => {
    const fields = line.split(',');
    if (fields[0] === 'stream') {
      timeBase = parseRational(fields[1]);
      return;
    }
    if (fields[0] !== 'packet') return;
    // Packets an edit list discards are never shown.
    if ((fields[3] ?? '').includes('D')) return;
    const value = Number(fields[1]);
    if (fields[1] === 'N/A' || !Number.isFinite(value)) {
      untimed = true;
      return;
    }
    pts.push(value);
    if (value > lastPts) {
      lastPts = value;
      const duration = Number(fields[2]);
      lastFrameDuration = Number.isFinite(duration) && duration > 0 ? duration : null;
    }
  };
  await runProcess(
    options.ffprobePath,
    [
      '-v',
      'error',
      '-select_streams',
      String(streamIndex),
      '-show_entries',
      'stream=time_base:packet=pts,duration,flags',
      '-of',
      'csv',
      file,
    ],
    {
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? 120_000,
      onStdout: (chunk) => {
        const lines = (pending + chunk.toString('latin1')).split('\n');
        pending = lines.pop() ?? '';
        lines.forEach(readLine);
      },
    },
  );
  if (pending) readLine(pending);
  if (untimed || !timeBase || pts.length === 0) return null;
  return { timeBase, pts, lastFrameDuration };
}

export interface VideoPacket {
  /** Presentation and decode timestamps in `timeBase` units. */
  pts: number;
  dts: number;
  keyframe: boolean;
}

export interface VideoPackets {
  timeBase: Rational;
  packets: VideoPacket[];
}

/** Every packet of the first video stream, in file order (for checks on renditions). */
export async function readVideoPackets(
  file: string,
  options: Pick<ProbeOptions, 'ffprobePath' | 'signal' | 'timeoutMs'>,
): Promise<VideoPackets> {
  const { stdout } = await runProcess(
    options.ffprobePath,
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=time_base:packet=pts,dts,flags',
      '-of',
      'json',
      file,
    ],
    { signal: options.signal, timeoutMs: options.timeoutMs ?? 120_000 },
  );
  const json = JSON.parse(stdout.toString('utf8')) as {
    streams?: Array<{ time_base?: string }>;
    packets?: Array<{ pts?: number; dts?: number; flags?: string }>;
  };
  const timeBase = parseRational(json.streams?.[0]?.time_base);
  if (!timeBase) throw new Error(`No video stream in ${file}`);
  const packets = (json.packets ?? []).map((packet) => ({
    pts: Number(packet.pts),
    dts: Number(packet.dts),
    keyframe: (packet.flags ?? '').includes('K'),
  }));
  return { timeBase, packets };
}
