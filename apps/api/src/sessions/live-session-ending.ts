import type { EntityManager } from 'typeorm';
import { announceLiveEnded, announceLiveSeats } from '../events/live-seats-notice.js';
import { appendSessionLog } from './live-session-log.js';
import { deleteLiveSession, loadLiveSession, type StoredLiveSession } from './live-sessions.repository.js';

/** Ends a session whose row is locked: its log joins the cut's activity, and its seats are let go. */
export async function finishLiveSession(manager: EntityManager, session: StoredLiveSession): Promise<void> {
  await appendSessionLog(manager, session);
  await deleteLiveSession(manager, session.assetId);
  await announceLiveSeats(manager, session.assetId);
}

/**
 * Ends the cut's session inside another context's transaction, before what it stands on goes (a
 * version it shows is deleted): its log joins the cut's activity as any ended session's does, and
 * everyone on the cut, on every api node, is sent `live:ended` once it commits. With `versionId`,
 * only a session showing that version (as A or as compare's B) ends. Call with the cut's row locked
 * (`lockCut`, or stronger): the cut's row is always taken before the session's.
 */
export async function endLiveSessionOn(
  manager: EntityManager,
  assetId: string,
  versionId?: string,
): Promise<boolean> {
  const session = await loadLiveSession(manager, assetId, true);
  if (!session) return false;
  const { transport } = session;
  if (versionId && transport.versionId !== versionId && transport.compare?.versionId !== versionId)
    return false;
  await finishLiveSession(manager, session);
  await announceLiveEnded(manager, { assetId, sessionId: session.sessionId });
  return true;
}
