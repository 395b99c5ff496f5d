/** Frames the follower may drift from its target while both play before it is put back. */
export const PLAYING_DRIFT = 2;

export interface FollowState {
  /** The frame B should show for A's, or null when B has none. */
  target: number | null;
  /** A plays forward at 1×, so B can play along rather than seek every frame. */
  playAlong: boolean;
  followerPlaying: boolean;
  /** The frame B shows, or is about to once its seek lands. */
  followerPlayhead: number;
  /** The frame B shows. */
  followerFrame: number;
}

/** What B does now to match A. */
export interface FollowStep {
  pause: boolean;
  seek: number | null;
  play: boolean;
}

const NOTHING: FollowStep = { pause: false, seek: null, play: false };

/**
 * One step of B following A. No target: B waits, paused. A paused, stepping or shuttling: B is
 * paused on exactly its target. A playing at 1×: B plays along, put back on its target when it
 * drifts more than PLAYING_DRIFT frames or the map jumps (a cut, an insert).
 */
export function followStep(state: FollowState): FollowStep {
  const { target, playAlong, followerPlaying } = state;
  if (target === null) return followerPlaying ? { ...NOTHING, pause: true } : NOTHING;
  if (!playAlong) {
    return {
      pause: followerPlaying,
      seek: state.followerPlayhead !== target ? target : null,
      play: false,
    };
  }
  if (!followerPlaying) return { pause: false, seek: target, play: true };
  return Math.abs(state.followerFrame - target) > PLAYING_DRIFT ? { ...NOTHING, seek: target } : NOTHING;
}
