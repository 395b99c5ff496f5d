/** How long without a byte before an upload counts as stalled. */
export const STALL_AFTER_MS = 20_000;
// Speed is the average over the last few seconds: steady enough to read, quick to follow a change.
const WINDOW_MS = 5_000;

export interface ProgressSample {
  at: number;
  bytes: number;
}

/** Progress samples of one upload, oldest first, trimmed to the speed window. */
export function addSample(samples: readonly ProgressSample[], sample: ProgressSample): ProgressSample[] {
  const last = samples[samples.length - 1];
  // Bytes going back (a resume re-sent part of a chunk) restart the measure.
  const kept = last && sample.bytes < last.bytes ? [] : samples.filter((s) => sample.at - s.at <= WINDOW_MS);
  return [...kept, sample];
}

/** Bytes a second over the window; null until there is enough to measure. */
export function bytesPerSecond(samples: readonly ProgressSample[]): number | null {
  if (samples.length < 2) return null;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const elapsed = last.at - first.at;
  if (elapsed < 500) return null;
  return ((last.bytes - first.bytes) * 1000) / elapsed;
}

/** Seconds left at the current speed; null when it cannot be told. */
export function secondsLeft(bytesSent: number, bytesTotal: number, rate: number | null): number | null {
  if (rate === null || rate <= 0) return null;
  return Math.max(0, Math.ceil((bytesTotal - bytesSent) / rate));
}

/** No byte has arrived for STALL_AFTER_MS. */
export function isStalled(lastProgressAt: number, now: number, stallAfterMs = STALL_AFTER_MS): boolean {
  return now - lastProgressAt >= stallAfterMs;
}

/** "2.4 MB/s", "850 KB/s". */
export function formatRate(rate: number): string {
  if (rate >= 1_000_000) return `${(rate / 1_000_000).toFixed(1)} MB/s`;
  if (rate >= 1_000) return `${Math.round(rate / 1_000)} KB/s`;
  return `${Math.round(rate)} B/s`;
}

/** "12 s left", "4 min left", "1 h 05 min left". */
export function formatTimeLeft(seconds: number): string {
  if (seconds < 60) return `${seconds} s left`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min left`;
  const hours = Math.floor(seconds / 3600);
  return `${hours} h ${String(Math.round((seconds % 3600) / 60)).padStart(2, '0')} min left`;
}
