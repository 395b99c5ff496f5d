import {
  LIVE_LOG_MAX_ENTRIES,
  LIVE_LOG_MAX_FRAMES,
  type LiveLogWhat,
  type LiveSessionLog,
} from '@cutroom/contracts';
import type { EntityManager } from 'typeorm';
import { versionNumbers } from '../assets/version-refs.repository.js';
import { appendEvent } from '../events/event-log.js';
import { type NotesAtFrame, notesByFrameBetween } from '../review/session-notes.repository.js';
import {
  type PersonLogSoFar,
  readLiveSessionLog,
  type StoredLiveLog,
  type StoredLiveSession,
} from './live-sessions.repository.js';

/** Back within this long after leaving, someone never left: their "left" line is taken back. */
export const LIVE_LOG_REJOIN_WINDOW_MS = 30_000;
/** Lines of joining and leaving kept per person; past them, one person's comings and goings are only counted. */
export const LIVE_LOG_MOVES_PER_PERSON = 10;

/** What a new line of the log does: added, only counted, or taking back the person's last line. */
export type LiveLogWrite = { kind: 'add' } | { kind: 'count' } | { kind: 'withdraw'; lineId: string };

/**
 * How a line about someone joins the log, so that nobody's comings and goings (a reconnect loop,
 * or joining and leaving on purpose) crowd out what the session was: back within
 * LIVE_LOG_REJOIN_WINDOW_MS of leaving takes the "left" line back (join and leave again as often as
 * you like: two lines); past LIVE_LOG_MOVES_PER_PERSON lines of joining and leaving, a person's
 * further ones are only counted. Other lines (started, host, the pen) always go in.
 */
export function liveLogWrite(what: LiveLogWhat, person: PersonLogSoFar, now: Date): LiveLogWrite {
  if (what !== 'joined' && what !== 'left') return { kind: 'add' };
  const { latest } = person;
  if (
    what === 'joined' &&
    latest?.what === 'left' &&
    now.getTime() - latest.at.getTime() <= LIVE_LOG_REJOIN_WINDOW_MS
  )
    return { kind: 'withdraw', lineId: latest.id };
  return person.moves >= LIVE_LOG_MOVES_PER_PERSON ? { kind: 'count' } : { kind: 'add' };
}

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
