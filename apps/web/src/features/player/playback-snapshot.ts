export const PLAYBACK_SPEEDS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export interface QualityLevel {
  index: number;
  width: number;
  height: number;
  bitrate: number;
}

/** What the controls show; replaced (never mutated) on every change. */
export interface PlaybackSnapshot {
  /** The frame on screen: from `requestVideoFrameCallback`'s mediaTime, never from currentTime alone. */
  frame: number;
  playing: boolean;
  /** Signed J/L speed while shuttling (−2 is backward at 2×); 0 otherwise. */
  shuttle: number;
  /** The chosen speed for ordinary playback. */
  speed: number;
  volume: number;
  muted: boolean;
  levels: readonly QualityLevel[];
  /** The chosen level; −1 lets hls.js choose. */
  level: number;
  /** The level being played. */
  activeLevel: number;
  /** No picture yet (loading, or buffering while playing). */
  waiting: boolean;
  /** Frames that can be played so far; less than the whole while a version is still being processed. */
  availableFrames: number | null;
  error: string | null;
}

export const initialSnapshot: PlaybackSnapshot = {
  frame: 0,
  playing: false,
  shuttle: 0,
  speed: 1,
  volume: 1,
  muted: false,
  levels: [],
  level: -1,
  activeLevel: -1,
  waiting: true,
  availableFrames: null,
  error: null,
};
