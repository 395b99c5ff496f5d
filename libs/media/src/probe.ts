import { stat } from 'node:fs/promises';
import { MediaProcessError, runProcess } from './ffmpeg-runner';
import { MediaLogger } from './logger';
import { FfprobeJson } from './parse-probe';
import {
  assessProbe,
  DEFAULT_PROBE_LIMITS,
  ProbeAssessment,
  ProbeLimits,
  ProbeRecord,
} from './probe-problems';
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

/** Probes a file: a usable MediaProbe, or the problem in words a person can act on. */
export async function probeMedia(
  file: string,
  options: ProbeOptions,
): Promise<ProbeAssessment & { record: ProbeRecord }> {
  const record = await runProbe(file, options);
  const assessment = assessProbe(record, options.limits ?? DEFAULT_PROBE_LIMITS);
  if (!assessment.ok)
    options.logger?.warn('media: probe rejected the file', { file, detail: assessment.problem.detail });
  return { ...assessment, record };
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
