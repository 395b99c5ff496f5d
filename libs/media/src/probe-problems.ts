import { MIN_RENDITION_SIDE } from './ladder';
import { FfprobeJson, NoMediaStreamsError, parseProbe } from './parse-probe';
import { isCutShort, Mp4Outline } from './mp4-boxes';
import { MediaProbe } from './probe-types';

export type ProbeProblemCode =
  | 'empty'
  | 'not-media'
  | 'truncated'
  | 'unsupported-codec'
  | 'too-large'
  | 'too-small'
  | 'too-long'
  | 'no-picture-or-sound';

/** Why a file cannot become a version: `reason` is for the person, `detail` for the log. */
export interface ProbeProblem {
  code: ProbeProblemCode;
  reason: string;
  detail: string;
}

export interface ProbeLimits {
  /** Largest picture side in pixels. */
  maxDimension: number;
  maxDurationSeconds: number;
}

export const DEFAULT_PROBE_LIMITS: ProbeLimits = { maxDimension: 8192, maxDurationSeconds: 24 * 3600 };

/** What one ffprobe run left behind. */
export interface ProbeRecord {
  fileSize: number;
  exitCode: number | null;
  json: FfprobeJson | null;
  stderr: string;
  /** The file's MP4/MOV box outline; null when it is not one, absent when not read. */
  mp4?: Mp4Outline | null;
}

export type ProbeAssessment = { ok: true; probe: MediaProbe } | { ok: false; problem: ProbeProblem };

/** "3.2 s", "4 min 05 s", "25 h 00 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Number(seconds.toFixed(1))} s`;
  if (seconds < 3600) {
    const minutes = Math.floor(seconds / 60);
    return `${minutes} min ${String(Math.floor(seconds - minutes * 60)).padStart(2, '0')} s`;
  }
  const hours = Math.floor(seconds / 3600);
  return `${hours} h ${String(Math.floor((seconds - hours * 3600) / 60)).padStart(2, '0')} min`;
}

/** ffprobe's own words without the server's file path in front. */
function technicalLine(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const last = lines[lines.length - 1] ?? '';
  const withoutPath = last.replace(/^.*?:\s(?=[A-Z])/, '');
  return withoutPath || 'no output';
}

const STREAM_KIND_NAMES: Record<string, string> = {
  subtitle: 'subtitles',
  data: 'data',
  attachment: 'attachments',
};

const TRY_AGAIN = 'Upload the complete file again, or export it again if the export was interrupted.';

/** "29 KB", "56.7 MB", "1.2 GB". */
function sizeText(bytes: number): string {
  const [unit, scale] = bytes >= 1e9 ? ['GB', 1e9] : bytes >= 1e6 ? ['MB', 1e6] : ['KB', 1e3];
  return `${Number((bytes / scale).toPrecision(3))} ${unit}`;
}

/** An MP4/MOV that stops before its own boxes do (or has no index): cut short, not foreign. */
function cutShortProblem(record: ProbeRecord, detail: string): ProbeProblem | null {
  const outline = record.mp4;
  if (!outline || !isCutShort(outline)) return null;
  const extent =
    outline.declaredEnd > outline.fileSize
      ? `it stops after ${sizeText(outline.fileSize)} of the ${sizeText(outline.declaredEnd)} its MP4/MOV structure declares`
      : 'it is an MP4/MOV file whose index (the "moov" box) is missing';
  return {
    code: 'truncated',
    reason: `The file is cut short: ${extent}, so the upload or the export may be incomplete. ${TRY_AGAIN}`,
    detail: `${detail}; mp4 boxes end at ${outline.declaredEnd} of ${outline.fileSize} bytes, index ${outline.hasIndex ? 'present' : 'missing'}`,
  };
}

/** When ffprobe could not read the file at all (or there is nothing to read). */
export function describeProbeFailure(record: ProbeRecord): ProbeProblem {
  const detail = `ffprobe exit ${record.exitCode}: ${record.stderr.trim() || 'no output'}`;
  if (record.fileSize === 0) {
    return {
      code: 'empty',
      reason:
        'The file is empty (0 bytes): the upload may have failed before any data arrived. Upload it again.',
      detail,
    };
  }
  const cutShort = cutShortProblem(record, detail);
  if (cutShort) return cutShort;
  // ffprobe says so of any file named .mp4; only one that starts like an MP4 lacks an index.
  if (record.mp4 !== null && /moov atom not found/i.test(record.stderr)) {
    return {
      code: 'truncated',
      reason:
        'The file is incomplete: it is an MP4/MOV file whose index (the "moov" box) is missing, ' +
        `so the upload or the export may be incomplete. ${TRY_AGAIN}`,
      detail,
    };
  }
  if (/Invalid data found|could not find codec parameters|Unknown format/i.test(record.stderr)) {
    return {
      code: 'not-media',
      reason:
        'This is not a video, audio or image file Cutroom can read ' +
        `(${technicalLine(record.stderr)}). Check that you chose the right file.`,
      detail,
    };
  }
  return {
    code: 'not-media',
    reason: `Cutroom could not read this file as video, audio or an image (${technicalLine(record.stderr)}).`,
    detail,
  };
}

function codecLabel(codec: string | null, tag: string | undefined): string {
  if (codec) return `"${codec}"`;
  return tag && !tag.startsWith('[') ? `an unknown codec (tag "${tag}")` : 'an unknown codec';
}

/** Checks a parsed probe against what the pipeline can and will process; null when it is fine. */
export function validateProbe(
  probe: MediaProbe,
  limits: ProbeLimits = DEFAULT_PROBE_LIMITS,
  json?: FfprobeJson,
): ProbeProblem | null {
  const video = probe.video;
  if (video) {
    const stream = json?.streams?.find((candidate) => candidate.index === video.streamIndex);
    if (!video.codec || video.width <= 0 || video.height <= 0) {
      return {
        code: 'unsupported-codec',
        reason:
          `The picture is encoded with ${codecLabel(video.codec, stream?.codec_tag_string)}, which Cutroom cannot decode. ` +
          'Export it as H.264, HEVC or ProRes and upload it again.',
        detail: `video stream ${video.streamIndex}: codec "${video.codec}", tag "${stream?.codec_tag_string ?? ''}", ${video.width}x${video.height}`,
      };
    }
    if (video.width > limits.maxDimension || video.height > limits.maxDimension) {
      return {
        code: 'too-large',
        reason:
          `The picture is ${video.width}×${video.height} pixels; Cutroom accepts up to ${limits.maxDimension} pixels ` +
          'on each side. Export a smaller version and upload it.',
        detail: `video ${video.width}x${video.height} > ${limits.maxDimension}`,
      };
    }
    if (probe.kind === 'video' && Math.min(video.displayWidth, video.displayHeight) < MIN_RENDITION_SIDE) {
      return {
        code: 'too-small',
        reason:
          `The picture is ${video.displayWidth}×${video.displayHeight} pixels: too small to play in a browser, ` +
          `which needs at least ${MIN_RENDITION_SIDE}×${MIN_RENDITION_SIDE}. Export it at a larger size and upload it again.`,
        detail: `video ${video.width}x${video.height}, shown ${video.displayWidth}x${video.displayHeight}`,
      };
    }
  }
  for (const audio of probe.audio) {
    if (!audio.codec && !video) {
      return {
        code: 'unsupported-codec',
        reason:
          'The sound is encoded with an unknown codec Cutroom cannot decode. Export it as AAC, WAV or MP3.',
        detail: `audio stream ${audio.streamIndex}: no codec`,
      };
    }
  }
  if (probe.durationSeconds > limits.maxDurationSeconds) {
    return {
      code: 'too-long',
      reason:
        `The file lasts ${formatDuration(probe.durationSeconds)}; Cutroom accepts up to ` +
        `${formatDuration(limits.maxDurationSeconds)}. Split it or check that it was exported correctly.`,
      detail: `duration ${probe.durationSeconds} s > ${limits.maxDurationSeconds} s`,
    };
  }
  if (video && probe.kind === 'video') {
    const fps = video.fpsNum / video.fpsDen;
    const readableSeconds = video.frameCount / fps;
    const claimedFrames = video.declaredFrameCount;
    const missingFrames = claimedFrames !== null ? claimedFrames - video.frameCount : 0;
    const claimedSeconds = Math.max(video.durationSeconds, claimedFrames !== null ? claimedFrames / fps : 0);
    const cutByCount = claimedFrames !== null && missingFrames >= 2 && missingFrames > claimedFrames * 0.02;
    const cutByDuration =
      !video.variableFrameRate && claimedSeconds - readableSeconds > Math.max(1, claimedSeconds * 0.1);
    if (cutByCount || cutByDuration) {
      return {
        code: 'truncated',
        reason:
          `The file ends after ${formatDuration(readableSeconds)} of ${formatDuration(claimedSeconds)}: ` +
          `the upload or the export may be incomplete. ${TRY_AGAIN}`,
        detail: `read ${video.frameCount} frames, container claims ${claimedFrames ?? 'n/a'} frames / ${claimedSeconds} s`,
      };
    }
  }
  return null;
}

/**
 * ffprobe's run → a usable probe, or the reason a person can act on. A file cut short is told so
 * whatever else ffprobe made of its remains (an index cut mid-way reads as an unknown codec).
 */
export function assessProbe(
  record: ProbeRecord,
  limits: ProbeLimits = DEFAULT_PROBE_LIMITS,
): ProbeAssessment {
  const assessment = assessReadableProbe(record, limits);
  if (assessment.ok || assessment.problem.code === 'truncated' || assessment.problem.code === 'empty') {
    return assessment;
  }
  const cutShort = cutShortProblem(record, assessment.problem.detail);
  return cutShort ? { ok: false, problem: cutShort } : assessment;
}

function assessReadableProbe(record: ProbeRecord, limits: ProbeLimits): ProbeAssessment {
  if (record.fileSize === 0 || record.exitCode !== 0 || !record.json) {
    return { ok: false, problem: describeProbeFailure(record) };
  }
  let probe: MediaProbe;
  try {
    probe = parseProbe(record.json);
  } catch (error) {
    if (!(error instanceof NoMediaStreamsError)) throw error;
    const kinds = [
      ...new Set(error.otherStreams.map((entry) => STREAM_KIND_NAMES[entry.split(':')[0]] ?? 'data')),
    ];
    const only = kinds.length ? ` (only ${kinds.join(' and ')})` : '';
    return {
      ok: false,
      problem: {
        code: 'no-picture-or-sound',
        reason: `The file has no picture and no sound${only}. Upload a video, audio or image file.`,
        detail: error.message,
      },
    };
  }
  const problem = validateProbe(probe, limits, record.json);
  return problem ? { ok: false, problem } : { ok: true, probe };
}
