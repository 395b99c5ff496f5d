import { floor, isFiniteNumber, max } from './builtins';
import { assertFrameIndex } from './frame-time';
import { assertFrameRate, type FrameRate } from './frame-rate';

/** A playhead as a live session's host last set it: where it was, and whether it was moving. */
export interface PlayheadAnchor {
  frame: number;
  playing: boolean;
  /** Speed as a multiple of real time (1 = normal). */
  rate: number;
  loopIn: number | null;
  loopOut: number | null;
}

/**
 * The frame a playing playhead has reached `elapsedMs` after its anchor: the anchor's frame plus
 * the frames that elapsed at its rate, wrapped inside the loop when one is set, else held on the
 * last frame (`lastFrame`, when known) as a player stops at the end. A paused playhead stays put.
 */
export function playheadFrame(
  anchor: PlayheadAnchor,
  elapsedMs: number,
  frameRate: FrameRate,
  lastFrame: number | null = null,
): number {
  assertFrameIndex(anchor.frame);
  assertFrameRate(frameRate);
  if (!anchor.playing || !isFiniteNumber(elapsedMs) || elapsedMs <= 0) return anchor.frame;
  const advanced = floor((elapsedMs * anchor.rate * frameRate.fpsNum) / (1000 * frameRate.fpsDen));
  const reached = anchor.frame + advanced;
  const { loopIn, loopOut } = anchor;
  if (loopIn !== null && loopOut !== null && anchor.frame >= loopIn && anchor.frame <= loopOut) {
    if (reached <= loopOut) return reached;
    return loopIn + ((reached - loopIn) % (loopOut - loopIn + 1));
  }
  return lastFrame === null || reached <= lastFrame ? reached : max(0, lastFrame);
}
