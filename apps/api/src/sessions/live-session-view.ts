import type { LiveSessionState } from '@cutroom/contracts';
import { liveSessionRoleOf, type Reader, seesPresenceOf } from '@cutroom/policy';
import type { StoredLiveSession } from './live-sessions.repository.js';
import { seatsOf } from './live-seats.js';

/** Whoever a session is shown to: the team, or a guest by their link's view and the link itself. */
export interface LiveSessionViewer {
  reader: Reader;
  linkId: string | null;
}

/**
 * A session as it goes on the wire, stamped with the server's clock now. Who follows it is shown as
 * presence is (`seesPresenceOf`): all of it to the team and to guests whose link shows the team,
 * to other guests only their own link's guests (so a guest annotator knows they hold the pen). The
 * host is always named.
 */
export function liveSessionView(
  session: StoredLiveSession,
  now: Date,
  viewer: LiveSessionViewer,
): LiveSessionState {
  const seats = seatsOf(session);
  return {
    sessionId: session.sessionId,
    assetId: session.assetId,
    host: session.host,
    participants: session.participants
      .filter((p) => seesPresenceOf(viewer, { linkId: p.linkId }))
      .map((p) => ({
        userId: p.userId,
        displayName: p.displayName,
        role: liveSessionRoleOf(seats, p.userId) ?? 'viewer',
        guest: p.guest,
      })),
    transport: session.transport,
    revision: session.revision,
    changedAt: session.changedAt.toISOString(),
    serverTime: now.toISOString(),
  };
}
