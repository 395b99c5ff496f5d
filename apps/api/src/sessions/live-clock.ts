import { LIVE_BACKDATE_MAX_MS } from '@cutroom/contracts';

/**
 * When, by the server's clock, the host's player was at the frame it sent: when the message came in,
 * less how old the host says its reading was and half the socket's round trip (the way here), at
 * most LIVE_BACKDATE_MAX_MS in all. Followers extrapolate a playing host from this instant, so
 * stamping the arrival (or later, after the database) would leave them that far behind.
 */
export function hostSampleTime(
  receivedAt: Date,
  sampleAgeMs: number | undefined,
  roundTripMs: number | null,
): Date {
  const age = Math.max(0, sampleAgeMs ?? 0);
  const oneWay = roundTripMs === null ? 0 : Math.max(0, roundTripMs / 2);
  return new Date(receivedAt.getTime() - Math.min(LIVE_BACKDATE_MAX_MS, Math.round(age + oneWay)));
}
