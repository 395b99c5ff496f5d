import type { VersionMedia } from '@cutroom/contracts';
import {
  allowsDropFrame,
  formatFrame,
  formatFrameRate,
  nominalFps,
  parseStartTimecode,
  TimecodeFormat,
  type FrameDisplayMode,
  type FrameRate,
  type TimecodeOptions,
} from '@cutroom/timecode';

/** Without a probed rate (audio, or before probing) positions still need a grid: 25 per second. */
const FALLBACK_RATE: FrameRate = { fpsNum: 25, fpsDen: 1 };

/** Everything the player needs to turn frames into seconds and labels for one version. */
export interface Timebase {
  rate: FrameRate;
  /** False when the rate is the fallback: frame numbers and timecode mean little then. */
  hasFrameRate: boolean;
  timecode: TimecodeOptions;
  format: TimecodeFormat;
  /** Frames in the version, when known; the last frame is `frameCount - 1`. */
  frameCount: number | null;
  /** Frames in one second, rounded (24 for 23.976): what shift+arrow steps. */
  framesPerSecond: number;
}

export function timebaseOf(media: VersionMedia | null): Timebase {
  const probed = media?.fpsNum && media.fpsDen ? { fpsNum: media.fpsNum, fpsDen: media.fpsDen } : null;
  const rate = probed ?? FALLBACK_RATE;
  const dropFrame = Boolean(media?.dropFrame) && allowsDropFrame(rate);
  let startFrame = 0;
  try {
    startFrame = parseStartTimecode(media?.startTimecode, { rate, dropFrame });
  } catch {
    // A start timecode this rate cannot express: count from 00:00:00:00 rather than refuse to play.
  }
  const timecode: TimecodeOptions = { rate, dropFrame, startFrame };
  let frameCount = media?.frameCount ?? null;
  if (frameCount === null && media?.durationSeconds) {
    frameCount = Math.round((media.durationSeconds * rate.fpsNum) / rate.fpsDen);
  }
  return {
    rate,
    hasFrameRate: probed !== null,
    timecode,
    format: new TimecodeFormat(timecode),
    frameCount: frameCount !== null && frameCount > 0 ? frameCount : null,
    framesPerSecond: nominalFps(rate),
  };
}

/** A frame as the UI shows it in `mode`; SMPTE labels come from the version's own start timecode. */
export function labelFrame(timebase: Timebase, frame: number, mode: FrameDisplayMode): string {
  if (mode === 'timecode') return timebase.format.format(frame);
  return formatFrame(frame, mode, timebase.timecode);
}

/** "23.976 fps", "29.97 fps". */
export function describeFrameRate(media: Pick<VersionMedia, 'fpsNum' | 'fpsDen'>): string | null {
  if (!media.fpsNum || !media.fpsDen) return null;
  return `${formatFrameRate({ fpsNum: media.fpsNum, fpsDen: media.fpsDen })} fps`;
}

/**
 * What became of a variable-rate source, in a sentence; null for constant-rate ones. Versions
 * processed before conforming (no `conformed` field) were made constant at their average rate.
 */
export function describeConforming(
  media: Pick<VersionMedia, 'fpsNum' | 'fpsDen' | 'variableFrameRate' | 'conformed' | 'sourceAverageFps'>,
): string | null {
  if (!media.variableFrameRate) return null;
  const rate = describeFrameRate(media);
  if (media.conformed === undefined || !rate)
    return `The source has a variable frame rate; it was made constant${rate ? ` at ${rate}` : ''} for review.`;
  const average = media.sourceAverageFps
    ? ` (${Number(media.sourceAverageFps.toFixed(2))} fps on average)`
    : '';
  return (
    `The source has a variable frame rate${average}. It was conformed to ${rate}: every frame appears ` +
    `at its own time, held until the next one, and frame numbers and timecode count at ${rate}.`
  );
}
