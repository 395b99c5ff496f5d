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
