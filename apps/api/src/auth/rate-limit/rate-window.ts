import { isIPv4, isIPv6 } from 'node:net';

export const RATE_WINDOW_SECONDS = 60;

/** A budget's hits in the current fixed window and the one before it. */
export interface WindowCounts {
  current: number;
  previous: number;
  /** Seconds since the current window began (0 ≤ elapsed < window). */
  elapsedSeconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A sliding window, estimated from two fixed ones: the previous window's hits count for the part
 * of it still inside the last minute. So a burst across a window's edge gets no second budget.
 */
export function decide(
  counts: WindowCounts,
  limit: number,
  windowSeconds = RATE_WINDOW_SECONDS,
): RateDecision {
  const { current, previous, elapsedSeconds } = counts;
  const remainingShare = Math.max(0, 1 - elapsedSeconds / windowSeconds);
  if (previous * remainingShare + current <= limit) return { allowed: true };
  if (current > limit) {
    // Only the next window can help; then the previous share fades as it did here.
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - elapsedSeconds)) };
  }
  // The estimate falls to the limit once enough of the previous window has slid out.
  const wait = ((previous - (limit - current)) * windowSeconds) / previous - elapsedSeconds;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
}

/**
 * The budget key of a client address: an IPv4 address itself, an IPv6 address by its /64 (one
 * subscriber's network holds 2^64 addresses, so counting each would give no limit at all).
 */
export function clientAddressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIPv4(address)) return address;
  const bare = address.replace(/%.*$/, '');
  if (!isIPv6(bare)) return address;
  return `${expandIPv6(bare).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4 forms) takes two groups; only the first four matter here.
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((group) => (group.includes('.') ? group : parseInt(group || '0', 16).toString(16)));
}
