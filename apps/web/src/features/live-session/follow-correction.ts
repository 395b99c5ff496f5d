/** Further off than this many frames, a playing follower seeks instead of catching up by speed. */
export const FOLLOW_SEEK_FRAMES = 8;
/** The most a follower's speed departs from the host's while it catches up: ±8 %. */
const MAX_NUDGE = 0.08;
/** The gap a follower closes per second of playing, as a share of the gap. */
const CATCH_UP_PER_SECOND = 1;

/** What a playing follower does about being `shownFrame` where the host is at `targetFrame`. */
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
  if (Math.abs(behind) > FOLLOW_SEEK_FRAMES) return { seekTo: targetFrame, playbackRate: hostRate };
  const gapSeconds = behind / fps;
  const nudge = Math.max(-MAX_NUDGE, Math.min(MAX_NUDGE, gapSeconds * CATCH_UP_PER_SECOND));
  return { seekTo: null, playbackRate: hostRate * (1 + nudge) };
}
