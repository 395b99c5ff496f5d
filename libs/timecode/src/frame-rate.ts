import { floor, isSafeInteger, max } from './builtins';
import { TimecodeError } from './timecode-error';

/** An exact frame rate: `fpsNum / fpsDen` frames per second (29.97 is 30000/1001). */
export interface FrameRate {
  readonly fpsNum: number;
  readonly fpsDen: number;
}

const FRAME_RATE_PATTERN = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*)?$/;

export function assertFrameRate(rate: FrameRate): void {
  const { fpsNum, fpsDen } = rate;
  if (!isSafeInteger(fpsNum) || !isSafeInteger(fpsDen) || fpsNum <= 0 || fpsDen <= 0) {
    throw new TimecodeError(
      'INVALID_FRAME_RATE',
      `${fpsNum}/${fpsDen} is not a frame rate: numerator and denominator must be whole numbers above 0`,
    );
  }
}

function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) {
    [a, b] = [b, a % b];
  }
  return a;
}

/** The same rate in lowest terms (48000/2002 becomes 24000/1001). */
export function reduceFrameRate(rate: FrameRate): FrameRate {
  assertFrameRate(rate);
  const divisor = greatestCommonDivisor(rate.fpsNum, rate.fpsDen);
  return { fpsNum: rate.fpsNum / divisor, fpsDen: rate.fpsDen / divisor };
}

/**
 * Reads ffprobe's `r_frame_rate` / `avg_frame_rate` ("24000/1001", or a bare "25"), reduced.
 * ffprobe writes "0/0" when it cannot tell the rate; that is an error, not a rate.
 */
export function parseFrameRate(text: string): FrameRate {
  const match = FRAME_RATE_PATTERN.exec(text);
  const fpsNum = match ? Number(match[1]) : NaN;
  const fpsDen = match ? Number(match[2] ?? '1') : NaN;
  if (!isSafeInteger(fpsNum) || !isSafeInteger(fpsDen) || fpsNum <= 0 || fpsDen <= 0) {
    throw new TimecodeError(
      'INVALID_FRAME_RATE',
      `"${text}" is not a frame rate: expected a positive fraction such as "24000/1001" or "25"`,
    );
  }
  return reduceFrameRate({ fpsNum, fpsDen });
}

/** Frames per second as a float, for display and arithmetic that tolerates rounding; never for identity. */
export function frameRateToFps(rate: FrameRate): number {
  assertFrameRate(rate);
  return rate.fpsNum / rate.fpsDen;
}

/** The whole-number timebase timecode counts in: 24 for 23.976, 30 for 29.97, 60 for 59.94. */
export function nominalFps(rate: FrameRate): number {
  assertFrameRate(rate);
  // round(fpsNum / fpsDen) in integers, so no float lands on the wrong side of .5; at least 1 to count in.
  return max(1, floor((2 * rate.fpsNum + rate.fpsDen) / (2 * rate.fpsDen)));
}

/** Drop-frame exists only for the NTSC 1000/1001 rates that count in multiples of 30 (29.97, 59.94, 119.88). */
export function allowsDropFrame(rate: FrameRate): boolean {
  const reduced = reduceFrameRate(rate);
  return reduced.fpsDen === 1001 && nominalFps(reduced) % 30 === 0;
}
