import { floor, isFiniteNumber, isSafeInteger } from './builtins';
import { assertFrameRate, type FrameRate } from './frame-rate';
import { TimecodeError } from './timecode-error';

/**
 * How far before a frame's start a time may fall and still count as that frame, in frames. It absorbs
 * float error and the microsecond rounding browsers apply to `mediaTime` (at most 1.2e-4 frame at 120 fps),
 * and stays far from a frame's midpoint, which is where the player seeks.
 */
export const FRAME_START_TOLERANCE = 1e-3;

export function assertFrameIndex(frame: number): void {
  if (!isSafeInteger(frame) || frame < 0) {
    throw new TimecodeError(
      'INVALID_FRAME',
      `${frame} is not a frame index: frames are whole numbers from 0`,
    );
  }
}

/** When the frame starts, in seconds from the first frame. */
export function frameToSeconds(frame: number, rate: FrameRate): number {
  assertFrameIndex(frame);
  assertFrameRate(rate);
  return (frame * rate.fpsDen) / rate.fpsNum;
}

/** The middle of the frame, in seconds: where the player seeks so the decoder never lands on a neighbour. */
export function frameMidpointSeconds(frame: number, rate: FrameRate): number {
  assertFrameIndex(frame);
  assertFrameRate(rate);
  return ((2 * frame + 1) * rate.fpsDen) / (2 * rate.fpsNum);
}

/** The frame on screen at `seconds` (for example a `requestVideoFrameCallback` `mediaTime`). */
export function secondsToFrame(seconds: number, rate: FrameRate): number {
  assertFrameRate(rate);
  if (!isFiniteNumber(seconds)) {
    throw new TimecodeError('INVALID_SECONDS', `${seconds} is not a time in seconds`);
  }
  const frame = floor((seconds * rate.fpsNum) / rate.fpsDen + FRAME_START_TOLERANCE);
  if (frame < 0) {
    throw new TimecodeError('INVALID_SECONDS', `${seconds} s is before the first frame`);
  }
  return frame;
}
