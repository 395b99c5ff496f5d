/** Round trips kept per socket: the lowest of them is its latency, the rest were queueing. */
const ROUND_TRIPS_KEPT = 5;

/** A socket's latest round trips (oldest first) with a new one. */
export function withRoundTrip(kept: readonly number[], roundTripMs: number): number[] {
  return [...kept, roundTripMs].slice(-ROUND_TRIPS_KEPT);
}

/** A socket's round trip as dated changes use it: the lowest it took lately, or unknown. */
export function roundTripOf(kept: readonly number[] | undefined): number | null {
  return kept && kept.length > 0 ? Math.min(...kept) : null;
}
