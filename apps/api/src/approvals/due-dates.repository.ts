import type { ReminderStage } from '@cutroom/contracts';
import type { EntityManager } from 'typeorm';

/** Each of these rounds' due date, by version id (rounds without one are absent). */
export async function dueDatesOf(
  manager: EntityManager,
  versionIds: readonly string[],
): Promise<Map<string, Date>> {
  if (versionIds.length === 0) return new Map();
  const rows: { version_id: string; due_at: Date }[] = await manager.query(
    `SELECT version_id::text, due_at FROM round_due_dates WHERE version_id = ANY ($1::uuid[])`,
    [versionIds],
  );
  return new Map(rows.map((row) => [row.version_id, row.due_at]));
}

/** A round whose reminder time has come, as the reminders read it. */
export interface RoundToRemind {
  versionId: string;
  versionNumber: number;
  assetId: string;
  projectId: string;
  dueAt: Date;
  /** `before`: the time ahead of the date has come; `due`: the date has. */
  stage: ReminderStage;
  /** The cut's newest event when read: a round waiting on nobody waits for a newer one. */
  lastSeq: string;
}

/**
 * Rounds whose reminder has come and not gone for their due moment, locked for this transaction (SKIP LOCKED: nodes
 * share them): only the round the board shows — the newest ready version of a cut not in Recently
 * deleted — and not one found waiting on nobody since its cut last changed. A date that came while
 * no node ran is only `due`, never a late `before`.
 */
export async function roundsToRemind(
  manager: EntityManager,
  beforeMs: number,
  limit: number,
): Promise<RoundToRemind[]> {
  const rows: {
    version_id: string;
    number: number;
    asset_id: string;
    project_id: string;
    due_at: Date;
    due: boolean;
    last_seq: string;
  }[] = await manager.query(
    `SELECT d.version_id::text, v.number, d.asset_id::text, a.project_id::text, d.due_at,
            d.due_at <= now() AS due, a.last_seq::text
     FROM round_due_dates d
     JOIN versions v ON v.id = d.version_id AND v.status = 'ready'
     JOIN assets a ON a.id = d.asset_id AND a.deleted_at IS NULL
     WHERE (d.due_at <= now() OR ($1 > 0 AND d.due_at - $1 * interval '1 millisecond' <= now()))
       AND NOT EXISTS (
         SELECT 1 FROM round_reminders_sent s
         WHERE s.version_id = d.version_id AND s.due_at = d.due_at
           AND s.stage = CASE WHEN d.due_at <= now() THEN 'due' ELSE 'before' END)
       AND (d.quiet_seq IS NULL OR a.last_seq > d.quiet_seq)
       AND NOT EXISTS (
         SELECT 1 FROM versions n WHERE n.asset_id = d.asset_id AND n.status = 'ready' AND n.number > v.number)
     ORDER BY d.due_at LIMIT $2
     FOR UPDATE OF d SKIP LOCKED`,
    [beforeMs, limit],
  );
  return rows.map((row) => ({
    versionId: row.version_id,
    versionNumber: row.number,
    assetId: row.asset_id,
    projectId: row.project_id,
    dueAt: row.due_at,
    stage: row.due ? 'due' : 'before',
    lastSeq: row.last_seq,
  }));
}

/** The round's reminder for this due moment went: never again for the same moment. */
export async function markReminderSent(manager: EntityManager, round: RoundToRemind): Promise<void> {
  await manager.query(
    `INSERT INTO round_reminders_sent (version_id, due_at, stage) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [round.versionId, round.dueAt, round.stage],
  );
}

/** The round waits on nobody as its cut stands: nothing went, and it is read again once the cut changes. */
export async function markRoundQuiet(manager: EntityManager, round: RoundToRemind): Promise<void> {
  await manager.query(`UPDATE round_due_dates SET quiet_seq = $2 WHERE version_id = $1`, [
    round.versionId,
    round.lastSeq,
  ]);
}
