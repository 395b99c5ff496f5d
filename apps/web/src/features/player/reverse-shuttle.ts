import { frameRateToFps, type FrameRate } from '@cutroom/timecode';
import type { FrameClock } from './playback-source';

export interface ReverseStart {
  /** The frame the walk starts from, and when. */
  frame: number;
  wallMs: number;
  /** Backward speed, 1 for real time. */
  speed: number;
  rate: FrameRate;
}

/** The frame a backward walk should show at `nowMs`: as many frames back as real time at `speed` allows. */
export function reverseShuttleFrame(start: ReverseStart, nowMs: number): number {
  const elapsedSeconds = (nowMs - start.wallMs) / 1000;
  return start.frame - Math.round(elapsedSeconds * frameRateToFps(start.rate) * start.speed);
}

/**
 * J: browsers cannot play backward smoothly, so reverse is a walk back through frames against the clock.
 * On each display refresh it offers the frame due now; `walk` seeks there and says whether to go on.
 */
export class ReverseShuttle {
  private start: ReverseStart | null = null;
  private animationFrame: number | null = null;

  constructor(
    private readonly clock: FrameClock,
    private readonly walk: (frame: number) => boolean,
  ) {}

  begin(frame: number, speed: number, rate: FrameRate): void {
    this.start = { frame, wallMs: this.clock.now(), speed, rate };
    if (this.animationFrame === null) this.animationFrame = this.clock.requestFrame(this.tick);
  }

  stop(): void {
    if (this.animationFrame !== null) this.clock.cancelFrame(this.animationFrame);
    this.animationFrame = null;
    this.start = null;
  }

  private tick = (nowMs: number) => {
    this.animationFrame = null;
    const start = this.start;
    if (!start) return;
    if (this.walk(reverseShuttleFrame(start, nowMs))) {
      this.animationFrame = this.clock.requestFrame(this.tick);
    }
  };
}
