import { MediaProbe } from './probe-types';

/** The frames a version's renditions hold: what comments and the player count in. */
export interface FrameTimeline {
  fpsNum: number;
  fpsDen: number;
  frameCount: number;
  durationSeconds: number;
  /** The source was variable-rate and is made constant at this (average) rate. */
  fromVariableRate: boolean;
}

/**
 * Constant-rate sources keep their frames one for one; variable-rate ones get
 * duration × average rate frames. Null for audio and stills.
 */
export function renditionTimeline(probe: MediaProbe): FrameTimeline | null {
  const video = probe.kind === 'video' ? probe.video : null;
  if (!video) return null;
  const frameCount = video.variableFrameRate
    ? Math.max(1, Math.round((video.durationSeconds * video.fpsNum) / video.fpsDen))
    : video.frameCount;
  return {
    fpsNum: video.fpsNum,
    fpsDen: video.fpsDen,
    frameCount,
    durationSeconds: (frameCount * video.fpsDen) / video.fpsNum,
    fromVariableRate: video.variableFrameRate,
  };
}

/** Seconds from the start of the container to where the picture's first frame sits. */
export function pictureOffsetSeconds(probe: MediaProbe): number {
  return probe.video ? Math.max(0, probe.video.startSeconds - probe.startSeconds) : 0;
}
