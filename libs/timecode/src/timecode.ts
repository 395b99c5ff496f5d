import { floor, isSafeInteger, max } from './builtins';
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

const DROP_FRAME_SEPARATOR_PATTERN = /[;.]\d{2,3}\s*$/;
const CHAR_CODE_0 = 48;
const CHAR_CODE_9 = 57;
const FIELD_SEPARATOR_CODES = [':', ';', '.'].map((separator) => separator.charCodeAt(0));
/** Digits allowed per field: hours may drop the leading zero; frames take three digits above 100 fps. */
const FIELD_WIDTHS = [
  { fewest: 1, most: 2 },
  { fewest: 2, most: 2 },
  { fewest: 2, most: 2 },
  { fewest: 2, most: 3 },
];
// Formatting runs per frame, so two-digit fields come from a table rather than padStart.
const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => `${value}`.padStart(2, '0'));

function padded(value: number, digits: number): string {
  return digits === 2 && value < 100 ? TWO_DIGITS[value] : `${value}`.padStart(digits, '0');
}

function fieldWidthFits(field: number, width: number): boolean {
  return width >= FIELD_WIDTHS[field].fewest && width <= FIELD_WIDTHS[field].most;
}

/**
 * The numbers of "HH:MM:SS:FF" (":", ";" or "." between fields), or null if the text is not shaped so.
 * Read by hand because a regex plus number conversion costs five times as much, and parsing runs per frame.
 */
function readTimecodeFields(text: string): TimecodeParts | null {
  const label = text.trim();
  const values = [0, 0, 0, 0];
  let field = 0;
  let fieldStart = 0;
  for (let index = 0; index < label.length; index += 1) {
    const code = label.charCodeAt(index);
    if (code >= CHAR_CODE_0 && code <= CHAR_CODE_9) {
      values[field] = values[field] * 10 + (code - CHAR_CODE_0);
    } else if (
      FIELD_SEPARATOR_CODES.includes(code) &&
      field < 3 &&
      fieldWidthFits(field, index - fieldStart)
    ) {
      field += 1;
      fieldStart = index + 1;
    } else {
      return null;
    }
  }
  if (field !== 3 || !fieldWidthFits(field, label.length - fieldStart)) {
    return null;
  }
  const [hours, minutes, seconds, frames] = values;
  return { hours, minutes, seconds, frames };
}

/**
 * SMPTE timecode for one rate, drop-frame choice and start timecode; built once per version, then used
 * per frame. Like `Intl.NumberFormat`, it formats and parses.
 */
export class TimecodeFormat {
  readonly rate: FrameRate;
  readonly dropFrame: boolean;
  readonly startFrame: number;
  /** Frames in 24 hours of labels; the frame after the last one is 00:00:00:00 again. */
  readonly framesPerDay: number;
  /** The whole-number timebase labels count in (30 for 29.97). */
  readonly nominal: number;
  /** Labels skipped at the start of each minute not divisible by ten: 2 at 29.97, 4 at 59.94, else 0. */
  readonly droppedPerMinute: number;
  private readonly framesPerDroppingMinute: number;
  private readonly framesPerTenMinutes: number;
  private readonly frameDigits: number;

  constructor(options: TimecodeOptions) {
    const { rate, dropFrame, startFrame = 0 } = options;
    const nominal = nominalFps(rate);
    if (dropFrame && !allowsDropFrame(rate)) {
      throw new TimecodeError(
        'DROP_FRAME_NOT_ALLOWED',
        `Drop-frame timecode does not exist at ${rate.fpsNum}/${rate.fpsDen} fps; only 29.97, 59.94 and 119.88 fps use it`,
      );
    }
    if (!isSafeInteger(startFrame) || startFrame < 0) {
      throw new TimecodeError(
        'INVALID_FRAME',
        `${startFrame} is not a start frame: use the whole-number count from parseStartTimecode`,
      );
    }
    this.rate = rate;
    this.dropFrame = dropFrame;
    this.startFrame = startFrame;
    this.nominal = nominal;
    // SMPTE 12M: 29.97 skips labels 00-01 each minute and 59.94 skips 00-03, except every tenth minute.
    this.droppedPerMinute = dropFrame ? (nominal / 30) * 2 : 0;
    this.framesPerDroppingMinute = nominal * 60 - this.droppedPerMinute;
    this.framesPerTenMinutes = nominal * 600 - 9 * this.droppedPerMinute;
    this.framesPerDay = this.framesPerTenMinutes * 6 * 24;
    this.frameDigits = max(2, `${nominal - 1}`.length);
  }

  /** The label of `frame`: the start timecode plus `frame`, wrapping at 24 hours. */
  toParts(frame: number): TimecodeParts {
    assertFrameIndex(frame);
    const { nominal, droppedPerMinute } = this;
    const elapsed = (this.startFrame + frame) % this.framesPerDay;

    let labelCount = elapsed;
    if (droppedPerMinute > 0) {
      const tenMinuteBlocks = floor(elapsed / this.framesPerTenMinutes);
      const intoBlock = elapsed % this.framesPerTenMinutes;
      // The first minute of each ten keeps all its labels; each later one skips droppedPerMinute.
      const droppingMinutesInBlock =
        intoBlock < nominal * 60 ? 0 : 1 + floor((intoBlock - nominal * 60) / this.framesPerDroppingMinute);
      labelCount += droppedPerMinute * (9 * tenMinuteBlocks + droppingMinutesInBlock);
    }

    const totalSeconds = floor(labelCount / nominal);
    return {
      hours: floor(totalSeconds / 3600),
      minutes: floor(totalSeconds / 60) % 60,
      seconds: totalSeconds % 60,
      frames: labelCount % nominal,
    };
  }

  /** "HH:MM:SS:FF", or "HH:MM:SS;FF" in drop-frame. */
  format(frame: number): string {
    return this.label(this.toParts(frame));
  }

  /** The frame index that displays as `parts`; labels before the start are read as after midnight. */
  fromParts(parts: TimecodeParts): number {
    return this.frameOfLabel(parts, this.label(parts));
  }

  /**
   * The frame index that displays as `text`. Accepts ":", ";" or "." between fields whatever `dropFrame`
   * says, and rejects labels that drop-frame skips.
   */
  parse(text: string): number {
    const parts = readTimecodeFields(text);
    if (!parts) {
      throw new TimecodeError(
        'MALFORMED_TIMECODE',
        `"${text}" is not a timecode: expected HH:MM:SS:FF (";" or "." may separate the fields)`,
      );
    }
    return this.frameOfLabel(parts, `"${text}"`);
  }

  private label(parts: TimecodeParts): string {
    const { hours, minutes, seconds, frames } = parts;
    const separator = this.dropFrame ? ';' : ':';
    return `${padded(hours, 2)}:${padded(minutes, 2)}:${padded(seconds, 2)}${separator}${padded(frames, this.frameDigits)}`;
  }

  private frameOfLabel(parts: TimecodeParts, label: string): number {
    const { hours, minutes, seconds, frames } = parts;
    const { nominal, droppedPerMinute } = this;
    this.assertField(hours, 24, 'hours', label);
    this.assertField(minutes, 60, 'minutes', label);
    this.assertField(seconds, 60, 'seconds', label);
    this.assertField(frames, nominal, 'frames', label);
    if (droppedPerMinute > 0 && seconds === 0 && frames < droppedPerMinute && minutes % 10 !== 0) {
      throw new TimecodeError(
        'DROPPED_TIMECODE',
        `${label} does not exist in drop-frame timecode: frames 00-${padded(droppedPerMinute - 1, 2)} are ` +
          `skipped at the start of every minute except each tenth, so this minute starts at ` +
          `${padded(hours, 2)}:${padded(minutes, 2)}:00;${padded(droppedPerMinute, 2)}`,
      );
    }
    const totalMinutes = hours * 60 + minutes;
    const labelCount = (totalMinutes * 60 + seconds) * nominal + frames;
    const elapsed = labelCount - droppedPerMinute * (totalMinutes - floor(totalMinutes / 10));
    return (((elapsed - this.startFrame) % this.framesPerDay) + this.framesPerDay) % this.framesPerDay;
  }

  private assertField(value: number, limit: number, name: string, label: string): void {
    if (!isSafeInteger(value) || value < 0 || value >= limit) {
      throw new TimecodeError(
        'TIMECODE_OUT_OF_RANGE',
        `${label} is not a timecode at ${this.nominal} fps: ${name} must be 0 to ${limit - 1}, not ${value}`,
      );
    }
  }
}

/** SMPTE timecode for `frame`: "HH:MM:SS:FF", or "HH:MM:SS;FF" in drop-frame. */
export function frameToTimecode(frame: number, options: TimecodeOptions): string {
  return new TimecodeFormat(options).format(frame);
}

/** The frame index, relative to the start timecode, that displays as `text`. */
export function timecodeToFrame(text: string, options: TimecodeOptions): number {
  return new TimecodeFormat(options).parse(text);
}

/** Frames in 24 hours of timecode: after this many, labels wrap to 00:00:00:00. */
export function framesPer24Hours(rate: FrameRate, dropFrame: boolean): number {
  return new TimecodeFormat({ rate, dropFrame }).framesPerDay;
}

/**
 * Frames from 00:00:00:00 to a source's start timecode (ffprobe's `timecode` tag), to pass as
 * `startFrame`. A source without one starts at 0.
 */
export function parseStartTimecode(
  startTimecode: string | null | undefined,
  options: Pick<TimecodeOptions, 'rate' | 'dropFrame'>,
): number {
  if (startTimecode === null || startTimecode === undefined || startTimecode.trim() === '') {
    return 0;
  }
  return new TimecodeFormat({ rate: options.rate, dropFrame: options.dropFrame }).parse(startTimecode);
}

/** Whether a label is written drop-frame style (";" or "." before the frames), as ffprobe writes it. */
export function isDropFrameTimecode(text: string): boolean {
  return DROP_FRAME_SEPARATOR_PATTERN.test(text);
}
