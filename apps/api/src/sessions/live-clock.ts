import { LIVE_BACKDATE_MAX_MS } from '@cutroom/contracts';

/**
 * What the server knows of when a host's message was read: when it came in, how old the host says
 * its reading was, and the host socket's round trip (null: not timed yet).
 */
export interface HostSample {
  receivedAt: Date;
  sampleAgeMs?: number;
  roundTripMs: number | null;
}

/**
 * When, by the server's clock, the host's player was at the frame it sent: when the message came in,
 * less how old the host says its reading was and half the socket's round trip (the way here), at
 * most LIVE_BACKDATE_MAX_MS in all. Followers extrapolate a playing host from this instant, so
 * stamping the arrival (or later, after the database) would leave them that far behind. Without a
 * sample (a change made outside a socket), it is now.
 */
export function hostSampleTime(sample?: HostSample): Date {
  if (!sample) return new Date();
  const age = Math.max(0, sample.sampleAgeMs ?? 0);
  const oneWay = sample.roundTripMs === null ? 0 : Math.max(0, sample.roundTripMs / 2);
  return new Date(sample.receivedAt.getTime() - Math.min(LIVE_BACKDATE_MAX_MS, Math.round(age + oneWay)));
}
