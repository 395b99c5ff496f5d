import { allowsDropFrame, nominalFps, type FrameRate } from './frame-rate';
import { assertFrameIndex } from './frame-time';
import { TimecodeError } from './timecode-error';

export interface TimecodeOptions {
  rate: FrameRate;
  dropFrame: boolean;
  /** Frame count of the source's start timecode (see `parseStartTimecode`); frame 0 displays as it. */
  startFrame?: number;
}

/** The four fields of an SMPTE label, HH:MM:SS:FF. */
export interface TimecodeParts {
  hours: number;
  minutes: number;
  seconds: number;
  frames: number;
}

/** How labels are counted at one rate: the timebase, and the frame numbers skipped each minute. */
interface LabelCounting {
  nominal: number;
  droppedPerMinute: number;
  framesPerMinute: number;
  framesPerTenMinutes: number;
  framesPerDay: number;
  frameDigits: number;
}

const TIMECODE_PATTERN = /^\s*(\d{1,2})[:;.](\d{2})[:;.](\d{2})[:;.](\d{2,3})\s*$/;
const DROP_FRAME_SEPARATOR_PATTERN = /[;.]\d{2,3}\s*$/;

function labelCounting(rate: FrameRate, dropFrame: boolean): LabelCounting {
  const nominal = nominalFps(rate);
  if (dropFrame && !allowsDropFrame(rate)) {
    throw new TimecodeError(
      'DROP_FRAME_NOT_ALLOWED',
      `Drop-frame timecode does not exist at ${rate.fpsNum}/${rate.fpsDen} fps; only 29.97, 59.94 and 119.88 fps use it`,
    );
  }
  // SMPTE 12M: 29.97 skips labels 00-01 each minute, 59.94 skips 00-03; every tenth minute keeps them.
  const droppedPerMinute = dropFrame ? (nominal / 30) * 2 : 0;
  const framesPerMinute = nominal * 60 - droppedPerMinute;
  const framesPerTenMinutes = nominal * 600 - 9 * droppedPerMinute;
  return {
    nominal,
    droppedPerMinute,
    framesPerMinute,
    framesPerTenMinutes,
    framesPerDay: framesPerTenMinutes * 6 * 24,
    frameDigits: Math.max(2, String(nominal - 1).length),
  };
}

function modulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

function assertStartFrame(startFrame: number): void {
  if (!Number.isSafeInteger(startFrame) || startFrame < 0) {
    throw new TimecodeError(
      'INVALID_FRAME',
      `${startFrame} is not a start frame: use the whole-number count from parseStartTimecode`,
    );
  }
}

/** Frames in 24 hours of timecode: the length after which labels wrap to 00:00:00:00. */
export function framesPer24Hours(rate: FrameRate, dropFrame: boolean): number {
  return labelCounting(rate, dropFrame).framesPerDay;
}

function labelPartsAt(frame: number, options: TimecodeOptions, counting: LabelCounting): TimecodeParts {
  assertFrameIndex(frame);
  const startFrame = options.startFrame ?? 0;
  assertStartFrame(startFrame);
  const elapsed = (startFrame + frame) % counting.framesPerDay;

  let labelCount = elapsed;
  if (counting.droppedPerMinute > 0) {
    const { nominal, droppedPerMinute, framesPerMinute, framesPerTenMinutes } = counting;
    const tenMinuteBlocks = Math.floor(elapsed / framesPerTenMinutes);
    const intoBlock = elapsed % framesPerTenMinutes;
    // The first minute of each ten keeps all its labels; each later minute skips droppedPerMinute.
    const droppingMinutesInBlock =
      intoBlock < nominal * 60 ? 0 : 1 + Math.floor((intoBlock - nominal * 60) / framesPerMinute);
    labelCount += droppedPerMinute * (9 * tenMinuteBlocks + droppingMinutesInBlock);
  }

  const totalSeconds = Math.floor(labelCount / counting.nominal);
  return {
    hours: Math.floor(totalSeconds / 3600),
    minutes: Math.floor(totalSeconds / 60) % 60,
    seconds: totalSeconds % 60,
    frames: labelCount % counting.nominal,
  };
}

/** The label shown for `frame`: the source's start timecode plus `frame`, wrapping at 24 hours. */
export function frameToTimecodeParts(frame: number, options: TimecodeOptions): TimecodeParts {
  return labelPartsAt(frame, options, labelCounting(options.rate, options.dropFrame));
}

/** SMPTE timecode for `frame`: "HH:MM:SS:FF", or "HH:MM:SS;FF" for drop-frame. */
export function frameToTimecode(frame: number, options: TimecodeOptions): string {
  const counting = labelCounting(options.rate, options.dropFrame);
  const { hours, minutes, seconds, frames } = labelPartsAt(frame, options, counting);
  const separator = options.dropFrame ? ';' : ':';
  return (
    String(hours).padStart(2, '0') +
    ':' +
    String(minutes).padStart(2, '0') +
    ':' +
    String(seconds).padStart(2, '0') +
    separator +
    String(frames).padStart(counting.frameDigits, '0')
  );
}

function describeLabel(parts: TimecodeParts): string {
  const { hours, minutes, seconds, frames } = parts;
  return [hours, minutes, seconds, frames].map((field) => String(field).padStart(2, '0')).join(':');
}

/** Frames since 00:00:00:00 for a label, after checking each field is in range and the label exists. */
function labelToElapsedFrames(parts: TimecodeParts, counting: LabelCounting, label: string): number {
  const { hours, minutes, seconds, frames } = parts;
  const { nominal, droppedPerMinute } = counting;
  const fields: [number, number, string][] = [
    [hours, 24, 'hours'],
    [minutes, 60, 'minutes'],
    [seconds, 60, 'seconds'],
    [frames, nominal, 'frames'],
  ];
  for (const [value, limit, name] of fields) {
    if (!Number.isSafeInteger(value) || value < 0 || value >= limit) {
      throw new TimecodeError(
        'TIMECODE_OUT_OF_RANGE',
        `${label} is not a timecode at ${nominal} fps: ${name} must be 0 to ${limit - 1}, not ${value}`,
      );
    }
  }
  const totalMinutes = hours * 60 + minutes;
  if (droppedPerMinute > 0 && seconds === 0 && frames < droppedPerMinute && minutes % 10 !== 0) {
    const lastDropped = String(droppedPerMinute - 1).padStart(2, '0');
    throw new TimecodeError(
      'DROPPED_TIMECODE',
      `${label} does not exist in drop-frame timecode: frames 00-${lastDropped} are skipped at the start ` +
        `of every minute except each tenth, so the minute starts at ${String(droppedPerMinute).padStart(2, '0')}`,
    );
  }
  const labelCount = (totalMinutes * 60 + seconds) * nominal + frames;
  return labelCount - droppedPerMinute * (totalMinutes - Math.floor(totalMinutes / 10));
}

/** The frame index that displays as `parts`; labels before the start are read as after midnight. */
export function timecodePartsToFrame(parts: TimecodeParts, options: TimecodeOptions): number {
  const startFrame = options.startFrame ?? 0;
  assertStartFrame(startFrame);
  const counting = labelCounting(options.rate, options.dropFrame);
  const elapsed = labelToElapsedFrames(parts, counting, describeLabel(parts));
  return modulo(elapsed - startFrame, counting.framesPerDay);
}

function parseTimecodeParts(text: string): TimecodeParts {
  const match = TIMECODE_PATTERN.exec(text);
  if (!match) {
    throw new TimecodeError(
      'MALFORMED_TIMECODE',
      `"${text}" is not a timecode: expected HH:MM:SS:FF (";" or "." may separate the fields)`,
    );
  }
  return {
    hours: Number(match[1]),
    minutes: Number(match[2]),
    seconds: Number(match[3]),
    frames: Number(match[4]),
  };
}

/**
 * The frame index, relative to the start timecode, that displays as `text`. Accepts ":", ";" or "."
 * between fields whatever `dropFrame` says; rejects labels that drop-frame skips.
 */
export function timecodeToFrame(text: string, options: TimecodeOptions): number {
  const startFrame = options.startFrame ?? 0;
  assertStartFrame(startFrame);
  const counting = labelCounting(options.rate, options.dropFrame);
  const elapsed = labelToElapsedFrames(parseTimecodeParts(text), counting, `"${text}"`);
  return modulo(elapsed - startFrame, counting.framesPerDay);
}

/**
 * Frames from 00:00:00:00 to a source's start timecode (ffprobe's `timecode` tag), to pass as `startFrame`.
 * A source without one starts at 0.
 */
export function parseStartTimecode(
  startTimecode: string | null | undefined,
  options: Pick<TimecodeOptions, 'rate' | 'dropFrame'>,
): number {
  if (startTimecode === null || startTimecode === undefined || startTimecode.trim() === '') {
    return 0;
  }
  return timecodeToFrame(startTimecode, { rate: options.rate, dropFrame: options.dropFrame });
}

/** Whether a label is written drop-frame style (";" or "." before the frames), as ffprobe writes it. */
export function isDropFrameTimecode(text: string): boolean {
  return DROP_FRAME_SEPARATOR_PATTERN.test(text);
}
