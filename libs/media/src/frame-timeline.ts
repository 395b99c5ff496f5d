import { ConstantRateChoice } from './frame-rate-choice';
import { MediaProbe } from './probe-types';
import { rationalToNumber } from './rational';

/** The frames a version's renditions hold: what comments and the player count in. */
export interface FrameTimeline {
  fpsNum: number;
  fpsDen: number;
  frameCount: number;
  durationSeconds: number;
  /** The source was variable-rate: its frames are conformed to this constant rate, each held until the next. */
  fromVariableRate: boolean;
  /** A variable-rate source's own frames per second on average; null for constant-rate ones. */
  sourceAverageFps: number | null;
}

/**
 * Constant-rate sources keep their frames one for one. Variable-rate ones hold each frame until
 * the next on the conformed rate's grid (as measured from their timestamps), or, when their
 * timestamps could not be read, get duration × rate frames. Null for audio and stills.
 */
export function renditionTimeline(probe: MediaProbe): FrameTimeline | null {
  const video = probe.kind === 'video' ? probe.video : null;
  if (!video) return null;
  const frameCount = video.frameTiming
    ? video.frameTiming.timelineFrames
    : video.variableFrameRate
      ? Math.max(1, Math.round((video.durationSeconds * video.fpsNum) / video.fpsDen))
      : video.frameCount;
  const averageFps =
    video.frameTiming?.sourceAverageFps ??
    (video.averageFrameRate ? rationalToNumber(video.averageFrameRate) : null);
  return {
    fpsNum: video.fpsNum,
    fpsDen: video.fpsDen,
    frameCount,
    durationSeconds: (frameCount * video.fpsDen) / video.fpsNum,
    fromVariableRate: video.variableFrameRate,
    sourceAverageFps: video.variableFrameRate ? averageFps : null,
  };
}

/** The probe with the rate chosen from the frames' own timestamps (see frame-rate-choice.ts). */
export function withFrameTiming(probe: MediaProbe, choice: ConstantRateChoice): MediaProbe {
  if (!probe.video) return probe;
  return {
    ...probe,
    video: {
      ...probe.video,
      fpsNum: choice.rate.num,
      fpsDen: choice.rate.den,
      variableFrameRate: choice.variable,
      frameTiming: {
        timelineFrames: choice.frameCount,
        sourceAverageFps: choice.sourceAverageFps,
        lostFrames: choice.lostFrames,
      },
    },
  };
}

/** Seconds from the start of the container to where the picture's first frame sits. */
export function pictureOffsetSeconds(probe: MediaProbe): number {
  return probe.video ? Math.max(0, probe.video.startSeconds - probe.startSeconds) : 0;
}
