import type { LiveSeats } from '@cutroom/policy';
import type { StoredLiveSession } from './live-sessions.repository.js';

/** A stored session's seats, as `@cutroom/policy`'s live-session rules take them. */
export function seatsOf(session: StoredLiveSession): LiveSeats {
  return {
    hostUserId: session.host.userId,
    participants: session.participants.map(({ userId, guest, annotator }) => ({ userId, guest, annotator })),
  };
}
