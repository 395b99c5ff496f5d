/** While the host drags the wipe, followers are sent where it is this often at most; where it ends, always. */
export const SPLIT_SHARE_MS = 100;

/** Where a pointer at `clientX` divides a stage `left`…`left + width` wide: a share of its width, 0..1. */
export function splitAt(clientX: number, left: number, width: number): number {
  return Math.max(0, Math.min(1, (clientX - left) / Math.max(1, width)));
}

/**
 * Whether a wipe position goes out to the live session now: at the end of a drag, or once
 * `SPLIT_SHARE_MS` have passed since the last one went (a drag sends ten a second, not one per pointer move).
 */
export function shareSplitNow(lastSharedMs: number | null, nowMs: number, ending: boolean): boolean {
  return ending || lastSharedMs === null || nowMs - lastSharedMs >= SPLIT_SHARE_MS;
}

/** How long a position held back by the throttle waits before it goes out anyway (the drag may stop there). */
export function trailingShareInMs(lastSharedMs: number, nowMs: number): number {
  return Math.max(0, SPLIT_SHARE_MS - (nowMs - lastSharedMs));
}

/** The timer a drag's held-back position waits on (setTimeout's, or a test's). */
export interface ShareTimer {
  now: () => number;
  after: (ms: number, run: () => void) => () => void;
}

const realTimer: ShareTimer = {
  now: () => performance.now(),
  after: (ms, run) => {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

/**
 * One drag of the wipe, as the live session hears it: positions go out ten times a second; one held
 * back goes out when its window ends (so a host who stops and holds is seen where they hold), and
 * where the drag ends — let go, cancelled or its pointer capture lost — goes out at once, once.
 */
export class WipeDragShare {
  private sharedAtMs: number | null = null;
  private latest: number | null = null;
  private sentLatest = true;
  private cancelTimer: (() => void) | null = null;
  private dragging = false;

  constructor(
    private readonly share: (split: number) => void,
    private readonly timer: ShareTimer = realTimer,
  ) {}

  get active(): boolean {
    return this.dragging;
  }

  begin(split: number): void {
    this.stopTimer();
    this.dragging = true;
    this.sharedAtMs = null;
    this.move(split);
  }

  move(split: number): void {
    if (!this.dragging) return;
    this.latest = split;
    this.sentLatest = false;
    const now = this.timer.now();
    if (shareSplitNow(this.sharedAtMs, now, false)) {
      this.send(now);
      return;
    }
    if (this.cancelTimer || this.sharedAtMs === null) return;
    this.cancelTimer = this.timer.after(trailingShareInMs(this.sharedAtMs, now), () => {
      this.cancelTimer = null;
      if (this.dragging && !this.sentLatest) this.send(this.timer.now());
    });
  }

  /** The drag ends at `split` (let go), or where it last was (cancelled, capture lost): that goes out. */
  end(split: number | null = null): void {
    if (!this.dragging) return;
    if (split !== null) this.latest = split;
    this.stopTimer();
    this.dragging = false;
    if (this.latest !== null) this.send(this.timer.now());
  }

  /** The view goes: nothing more is sent. */
  dispose(): void {
    this.stopTimer();
    this.dragging = false;
  }

  private send(nowMs: number): void {
    if (this.latest === null) return;
    this.stopTimer();
    this.sharedAtMs = nowMs;
    this.sentLatest = true;
    this.share(this.latest);
  }

  private stopTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }
}
