import { playheadFrame, type PlayheadAnchor } from '@cutroom/timecode';

/** Further off than this many frames, a playing follower seeks instead of catching up by speed. */
export const FOLLOW_SEEK_FRAMES = 8;
/** The most a follower's speed departs from the host's while it catches up: ±8 %. */
const MAX_NUDGE = 0.08;
/** The gap a follower closes per second of playing, as a share of the gap. */
const CATCH_UP_PER_SECOND = 1;

/**
 * What a playing follower does about being at `shownFrame` where the host is at `targetFrame` (both
 * positions in frames, with the fraction between pictures).
 */
export interface FollowCorrection {
  /** Seek here (far off), or null to stay on course. */
  seekTo: number | null;
  /** The element's playback rate until the next look. */
  playbackRate: number;
}

/**
 * A playing follower keeps to the host by speed: ahead, a little slower; behind, a little faster,
 * in proportion to the gap, never beyond ±8 % (no audible pitch jump, no stutter). Only when more
 * than FOLLOW_SEEK_FRAMES off (a slow start, a stall) does it seek, and then to where the host is.
 */
export function followCorrection(
  shownFrame: number,
  targetFrame: number,
  hostRate: number,
  fps: number,
): FollowCorrection {
  const behind = targetFrame - shownFrame;
  if (Math.abs(behind) > FOLLOW_SEEK_FRAMES)
    return { seekTo: Math.floor(targetFrame), playbackRate: hostRate };
  const gapSeconds = behind / fps;
  const nudge = Math.max(-MAX_NUDGE, Math.min(MAX_NUDGE, gapSeconds * CATCH_UP_PER_SECOND));
  return { seekTo: null, playbackRate: hostRate * (1 + nudge) };
}

/**
 * Where a playing host is `elapsedMs` after its anchor, in frames with the fraction between pictures
 * (what a follower's own position is held against); paused, or stopped at the last frame, the frame.
 */
export function hostPosition(
  anchor: PlayheadAnchor,
  elapsedMs: number,
  frameRate: { fpsNum: number; fpsDen: number },
  lastFrame: number | null,
): number {
  const frame = playheadFrame(anchor, elapsedMs, frameRate, lastFrame);
  if (!anchor.playing || !(elapsedMs > 0) || (lastFrame !== null && frame >= lastFrame)) return frame;
  const advanced = (elapsedMs * anchor.rate * frameRate.fpsNum) / (1000 * frameRate.fpsDen);
  return frame + (advanced - Math.floor(advanced));
}
