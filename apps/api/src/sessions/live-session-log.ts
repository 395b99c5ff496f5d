import { LIVE_LOG_MAX_ENTRIES, LIVE_LOG_MAX_FRAMES, type LiveSessionLog } from '@cutroom/contracts';
import type { EntityManager } from 'typeorm';
import { versionNumbers } from '../assets/version-refs.repository.js';
import { appendEvent } from '../events/event-log.js';
import { type NotesAtFrame, notesByFrameBetween } from '../review/session-notes.repository.js';
import {
  readLiveSessionLog,
  type StoredLiveLog,
  type StoredLiveSession,
} from './live-sessions.repository.js';

/**
 * A session's short log as the cut's activity keeps it: its lines (who started, joined, left, became
 * host), and the frames where those in it posted notes while it ran (a frame of a version deleted
 * since is left out).
 */
export function sessionLogOf(input: {
  sessionId: string;
  log: StoredLiveLog;
  notes: readonly NotesAtFrame[];
  versionNumbers: ReadonlyMap<string, number>;
}): LiveSessionLog {
  const { log } = input;
  const starter = log.lines.find((line) => line.what === 'started');
  return {
    sessionId: input.sessionId,
    startedAt: log.startedAt.toISOString(),
    endedAt: log.now.toISOString(),
    startedBy: starter ? { id: starter.userId, displayName: starter.displayName } : null,
    entries: log.lines.slice(0, LIVE_LOG_MAX_ENTRIES).map((line) => ({
      at: line.at.toISOString(),
      what: line.what,
      user: { id: line.userId, displayName: line.displayName, guest: line.guest },
    })),
    entriesLeftOut: log.leftOut + Math.max(0, log.lines.length - LIVE_LOG_MAX_ENTRIES),
    frames: input.notes.slice(0, LIVE_LOG_MAX_FRAMES).flatMap((at) => {
      const versionNumber = input.versionNumbers.get(at.versionId);
      return versionNumber === undefined ? [] : [{ ...at, versionNumber }];
    }),
  };
}

/**
 * The session is ending (in this transaction, before its rows go): its log joins the cut's
 * activity as a `live.session` event, told to everyone on the cut as it commits.
 */
export async function appendSessionLog(manager: EntityManager, session: StoredLiveSession): Promise<void> {
  const log = await readLiveSessionLog(manager, session.assetId);
  const people = new Set([
    ...log.lines.map((line) => line.userId),
    ...session.participants.map((p) => p.userId),
  ]);
  const notes = await notesByFrameBetween(
    manager,
    session.assetId,
    [...people],
    log.startedAt,
    log.now,
    LIVE_LOG_MAX_FRAMES,
  );
  const payload = sessionLogOf({
    sessionId: session.sessionId,
    log,
    notes,
    versionNumbers: await versionNumbers(manager, [...new Set(notes.map((at) => at.versionId))]),
  });
  await appendEvent(manager, {
    assetId: session.assetId,
    type: 'live.session',
    actorId: payload.startedBy?.id ?? null,
    payload,
  });
}
