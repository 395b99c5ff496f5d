import { frameRateToFps, type FrameRate } from './frame-rate';
import { assertFrameIndex, frameToSeconds } from './frame-time';
import { frameToTimecode, type TimecodeOptions } from './timecode';
import { TimecodeError } from './timecode-error';

/** The three ways the UI can show a position: SMPTE timecode, 0-based frame index, or seconds. */
export type FrameDisplayMode = 'timecode' | 'frame' | 'seconds';

/** A clock reading, "0:12.345", "1:02.345" or "1:02:03.456", rounded to `fractionDigits` (0 to 6). */
export function formatSeconds(seconds: number, fractionDigits = 3): string {
  if (!Number.isFinite(seconds)) {
    throw new TimecodeError('INVALID_SECONDS', `${seconds} is not a time in seconds`);
  }
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 6) {
    throw new RangeError(`fractionDigits must be a whole number from 0 to 6, not ${fractionDigits}`);
  }
  // Round once, in whole units of the last digit, so 59.9996 becomes 1:00.000 and never 0:60.000.
  const unitsPerSecond = 10 ** fractionDigits;
  const units = Math.round(Math.abs(seconds) * unitsPerSecond);
  const wholeSeconds = Math.floor(units / unitsPerSecond);
  const hours = Math.floor(wholeSeconds / 3600);
  const minutes = Math.floor(wholeSeconds / 60) % 60;
  const secondsOfMinute = String(wholeSeconds % 60).padStart(2, '0');
  const fraction =
    fractionDigits === 0 ? '' : '.' + String(units % unitsPerSecond).padStart(fractionDigits, '0');
  const sign = seconds < 0 && units > 0 ? '-' : '';
  const clock =
    hours > 0
      ? `${hours}:${String(minutes).padStart(2, '0')}:${secondsOfMinute}`
      : `${minutes}:${secondsOfMinute}`;
  return sign + clock + fraction;
}

/** A frame as the UI shows it in `mode`; frame numbers are the stored 0-based index, unaffected by start timecode. */
export function formatFrame(frame: number, mode: FrameDisplayMode, options: TimecodeOptions): string {
  switch (mode) {
    case 'timecode':
      return frameToTimecode(frame, options);
    case 'frame':
      assertFrameIndex(frame);
      return String(frame);
    case 'seconds':
      return formatSeconds(frameToSeconds(frame, options.rate));
  }
}

/** A rate as people write it: "23.976", "29.97", "25", "119.88". */
export function formatFrameRate(rate: FrameRate): string {
  return String(Number(frameRateToFps(rate).toFixed(3)));
}
