import type { LiveCompare, LiveLogWhat, LiveTransport } from '@cutroom/contracts';
import type { LiveSeats } from '@cutroom/policy';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows.js';

/** A live session as stored: its seats in joining order, names joined in. */
export interface StoredLiveSession {
  sessionId: string;
  assetId: string;
  host: { userId: string; displayName: string };
  transport: LiveTransport;
  revision: number;
  changedAt: Date;
  participants: StoredParticipant[];
}

/** Someone in a session: a guest with the review link they came by (their link's guests see them). */
export interface StoredParticipant {
  userId: string;
  displayName: string;
  guest: boolean;
  linkId: string | null;
  annotator: boolean;
}

interface SessionRow {
  id: string;
  asset_id: string;
  host_user_id: string;
  host_name: string;
  version_id: string;
  frame: number;
  playing: boolean;
  rate: number;
  loop_in: number | null;
  loop_out: number | null;
  compare_version_id: string | null;
  compare_layout: LiveCompare['layout'] | null;
  compare_offset: number | null;
  compare_swapped: boolean;
  compare_split: number;
  revision: string;
  changed_at: Date;
}

interface ParticipantRow {
  user_id: string;
  display_name: string;
  link_id: string | null;
  annotator: boolean;
}

/** The asset's session, if one runs; `lock` holds its row until the transaction ends (one change at a time). */
export async function loadLiveSession(
  manager: EntityManager,
  assetId: string,
  lock = false,
): Promise<StoredLiveSession | undefined> {
  const [row]: SessionRow[] = await manager.query(
    `SELECT s.id, s.asset_id, s.host_user_id, u.display_name AS host_name, s.version_id, s.frame, s.playing,
            s.rate, s.loop_in, s.loop_out, s.compare_version_id, s.compare_layout, s.compare_offset,
            s.compare_swapped, s.compare_split, s.revision, s.changed_at
       FROM live_sessions s JOIN users u ON u.id = s.host_user_id
      WHERE s.asset_id = $1${lock ? ' FOR UPDATE OF s' : ''}`,
    [assetId],
  );
  if (!row) return undefined;
  const participants: ParticipantRow[] = await manager.query(
    `SELECT p.user_id, u.display_name, u.guest_link_id AS link_id, p.annotator
       FROM live_session_participants p JOIN users u ON u.id = p.user_id
      WHERE p.asset_id = $1 ORDER BY p.joined_at, p.user_id`,
    [assetId],
  );
  return {
    sessionId: row.id,
    assetId: row.asset_id,
    host: { userId: row.host_user_id, displayName: row.host_name },
    transport: {
      versionId: row.version_id,
      frame: row.frame,
      playing: row.playing,
      rate: row.rate,
      loopIn: row.loop_in,
      loopOut: row.loop_out,
      compare: compareOf(row),
    },
    revision: Number(row.revision),
    changedAt: row.changed_at,
    participants: participants.map((p) => ({
      userId: p.user_id,
      displayName: p.display_name,
      guest: p.link_id !== null,
      linkId: p.link_id,
      annotator: p.annotator,
    })),
  };
}

/** Starts the asset's session with its host in it; false when one already runs. */
export async function insertLiveSession(
  manager: EntityManager,
  assetId: string,
  hostUserId: string,
  transport: LiveTransport,
  changedAt: Date,
): Promise<boolean> {
  const inserted = await queryRows<{ asset_id: string }>(
    manager,
    `INSERT INTO live_sessions
       (asset_id, host_user_id, version_id, frame, playing, rate, loop_in, loop_out,
        compare_version_id, compare_layout, compare_offset, compare_swapped, compare_split, revision,
        changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, $14)
     ON CONFLICT (asset_id) DO NOTHING RETURNING asset_id`,
    [assetId, hostUserId, ...transportValues(transport), changedAt],
  );
  if (inserted.length === 0) return false;
  await addLiveParticipant(manager, assetId, hostUserId);
  return true;
}

export async function addLiveParticipant(
  manager: EntityManager,
  assetId: string,
  userId: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO live_session_participants (asset_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [assetId, userId],
  );
}

/**
 * Writes the session's seats as the rules left them (who is in, who hosts, who annotates) and moves
 * its revision on. Call with the session's row locked.
 */
export async function writeLiveSeats(
  manager: EntityManager,
  assetId: string,
  seats: LiveSeats,
): Promise<void> {
  await manager.query(
    `DELETE FROM live_session_participants WHERE asset_id = $1 AND NOT (user_id = ANY ($2::uuid[]))`,
    [assetId, seats.participants.map((p) => p.userId)],
  );
  await manager.query(
    `UPDATE live_session_participants SET annotator = (user_id = ANY ($2::uuid[]))
      WHERE asset_id = $1 AND annotator <> (user_id = ANY ($2::uuid[]))`,
    [assetId, seats.participants.filter((p) => p.annotator).map((p) => p.userId)],
  );
  await manager.query(
    `UPDATE live_sessions SET host_user_id = $2, revision = revision + 1 WHERE asset_id = $1`,
    [assetId, seats.hostUserId],
  );
}

/**
 * The host's new transport, stamped with the next revision; false when `hostUserId` does not host
 * (anymore) — checked in the same statement, so a role passed a moment ago wins.
 */
export async function updateLiveTransport(
  manager: EntityManager,
  assetId: string,
  hostUserId: string,
  transport: LiveTransport,
  changedAt: Date,
): Promise<boolean> {
  const updated = await queryRows<{ asset_id: string }>(
    manager,
    `UPDATE live_sessions
        SET version_id = $3, frame = $4, playing = $5, rate = $6, loop_in = $7, loop_out = $8,
            compare_version_id = $9, compare_layout = $10, compare_offset = $11, compare_swapped = $12,
            compare_split = $13, revision = revision + 1, changed_at = $14
      WHERE asset_id = $1 AND host_user_id = $2 RETURNING asset_id`,
    [assetId, hostUserId, ...transportValues(transport), changedAt],
  );
  return updated.length > 0;
}

/** The cuts with a session running, on any api process. */
export async function runningLiveSessions(manager: EntityManager): Promise<string[]> {
  const rows: { asset_id: string }[] = await manager.query(`SELECT asset_id FROM live_sessions`);
  return rows.map((row) => row.asset_id);
}

export async function deleteLiveSession(manager: EntityManager, assetId: string): Promise<void> {
  await manager.query(`DELETE FROM live_sessions WHERE asset_id = $1`, [assetId]);
}

function transportValues(t: LiveTransport): unknown[] {
  const { compare } = t;
  return [
    t.versionId,
    t.frame,
    t.playing,
    t.rate,
    t.loopIn,
    t.loopOut,
    compare?.versionId ?? null,
    compare?.layout ?? null,
    compare?.alignment.kind === 'offset' ? compare.alignment.offset : null,
    compare?.swapped ?? false,
    compare?.split ?? 0.5,
  ];
}

/** The compare view the host has open, if any (gone with B's version). */
function compareOf(row: SessionRow): LiveCompare | null {
  if (row.compare_version_id === null || row.compare_layout === null) return null;
  return {
    versionId: row.compare_version_id,
    layout: row.compare_layout,
    alignment: row.compare_offset === null ? { kind: 'map' } : { kind: 'offset', offset: row.compare_offset },
    swapped: row.compare_swapped,
    split: row.compare_split,
  };
}

/** Notes a line in the session's log; past `keep` lines they are only counted. Call with the session's row locked. */
export async function logLiveSession(
  manager: EntityManager,
  assetId: string,
  what: LiveLogWhat,
  userId: string,
  keep: number,
): Promise<void> {
  const kept = await queryRows<{ id: string }>(
    manager,
    `INSERT INTO live_session_log (asset_id, what, user_id)
     SELECT $1, $2, $3 WHERE (SELECT count(*) FROM live_session_log WHERE asset_id = $1) < $4
     RETURNING id`,
    [assetId, what, userId, keep],
  );
  if (kept.length === 0) await countLiveLogLine(manager, assetId);
}

/** A line of the session's log only counted, not kept. */
export async function countLiveLogLine(manager: EntityManager, assetId: string): Promise<void> {
  await manager.query(`UPDATE live_sessions SET log_left_out = log_left_out + 1 WHERE asset_id = $1`, [
    assetId,
  ]);
}

/** Takes a line of the session's log back (someone who left came straight back). */
export async function withdrawLiveLogLine(
  manager: EntityManager,
  assetId: string,
  lineId: string,
): Promise<void> {
  await manager.query(`DELETE FROM live_session_log WHERE asset_id = $1 AND id = $2`, [assetId, lineId]);
}

/** One person's part of a session's log so far: their last line, and how many say they joined or left. */
export interface PersonLogSoFar {
  latest: { id: string; what: LiveLogWhat; at: Date } | null;
  moves: number;
}

/** Someone's lines in the session's log so far, and the database's clock now (the next line's time). */
export async function personLiveLog(
  manager: EntityManager,
  assetId: string,
  userId: string,
): Promise<{ person: PersonLogSoFar; now: Date }> {
  const [row]: { id: string | null; what: LiveLogWhat | null; at: Date | null; moves: string; now: Date }[] =
    await manager.query(
      `SELECT last.id, last.what, last.at, moves.n AS moves, clock_timestamp() AS now
         FROM (SELECT count(*) AS n FROM live_session_log
                WHERE asset_id = $1 AND user_id = $2 AND what IN ('joined', 'left')) moves
         LEFT JOIN LATERAL (SELECT id, what, at FROM live_session_log
                             WHERE asset_id = $1 AND user_id = $2 ORDER BY id DESC LIMIT 1) last ON true`,
      [assetId, userId],
    );
  const latest =
    row.id !== null && row.what !== null && row.at !== null
      ? { id: String(row.id), what: row.what, at: row.at }
      : null;
  return { person: { latest, moves: Number(row.moves) }, now: row.now };
}

/** A running session's log as stored: its lines in order, with the names of those in them. */
export interface StoredLiveLog {
  startedAt: Date;
  /** The database's clock now: the session ends at it. */
  now: Date;
  leftOut: number;
  lines: { at: Date; what: LiveLogWhat; userId: string; displayName: string; guest: boolean }[];
}

export async function readLiveSessionLog(manager: EntityManager, assetId: string): Promise<StoredLiveLog> {
  const [session]: { started_at: Date; log_left_out: number; now: Date }[] = await manager.query(
    `SELECT started_at, log_left_out, now() AS now FROM live_sessions WHERE asset_id = $1`,
    [assetId],
  );
  const lines: { at: Date; what: LiveLogWhat; user_id: string; display_name: string; guest: boolean }[] =
    await manager.query(
      `SELECT l.at, l.what, l.user_id, u.display_name, u.guest_link_id IS NOT NULL AS guest
         FROM live_session_log l JOIN users u ON u.id = l.user_id
        WHERE l.asset_id = $1 ORDER BY l.id`,
      [assetId],
    );
  return {
    startedAt: session.started_at,
    now: session.now,
    leftOut: session.log_left_out,
    lines: lines.map((line) => ({
      at: line.at,
      what: line.what,
      userId: line.user_id,
      displayName: line.display_name,
      guest: line.guest,
    })),
  };
}
