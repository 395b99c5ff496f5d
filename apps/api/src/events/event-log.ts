import type { AssetEvent, AssetEventPayload, AssetEventType } from '@cutroom/contracts';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows.js';
import { SqlParams } from '../database/sql-params.js';

/** Postgres channels: delivered to every api node only when the writing transaction commits. */
export const EVENTS_CHANNEL = 'cutroom_events';
export const PROGRESS_CHANNEL = 'cutroom_progress';
// NOTIFY payloads are capped at 8000 bytes; larger events travel by reference.
const INLINE_LIMIT = 7000;

/** An event to store: its payload must be the one its type's schema describes. */
export interface NewAssetEvent<T extends AssetEventType> {
  assetId: string;
  type: T;
  actorId: string | null;
  payload: AssetEventPayload<T>;
}

/** A notification: the event itself, or where to read it. */
export type EventNotice = { event: AssetEvent } | { assetId: string; seq: number };

/**
 * The CTEs that store an event, to follow `WITH` (and any CTEs of the caller's before them): they
 * take the asset's next seq under its row lock, store the event and queue its notification —
 * which Postgres sends only on commit, so nobody hears of a change that was rolled back. `source`
 * is a SQL row source that gates it (`SELECT 1` always; a CTE name to append only when that CTE
 * produced a row). The event's values join `params` after the caller's, so they cannot collide.
 */
export function appendEventSql<T extends AssetEventType>(
  params: SqlParams,
  event: NewAssetEvent<T>,
  createdAt: string,
  source = 'SELECT 1',
): string {
  const assetId = params.add(event.assetId);
  const type = params.add(event.type);
  const actorId = params.add(event.actorId);
  const payload = params.add(JSON.stringify(event.payload));
  const at = params.add(createdAt);
  return `
    bumped AS (
      UPDATE assets SET last_seq = last_seq + 1, updated_at = now()
      WHERE id = ${assetId} AND EXISTS (${source}) RETURNING last_seq),
    stored AS (
      INSERT INTO events (asset_id, seq, type, actor_id, payload, created_at)
      SELECT ${assetId}, last_seq, ${type}, ${actorId}, ${payload}::jsonb, ${at}::timestamptz FROM bumped RETURNING seq),
    notice AS (
      SELECT seq, json_build_object('event', json_build_object(
        'assetId', ${assetId}::uuid, 'seq', seq, 'type', ${type}::text, 'actorId', ${actorId}::uuid,
        'createdAt', to_char(${at}::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'payload', ${payload}::json))::text AS inline
      FROM stored)
    SELECT seq, pg_notify('${EVENTS_CHANNEL}', CASE WHEN octet_length(inline) <= ${INLINE_LIMIT} THEN inline
      ELSE json_build_object('assetId', ${assetId}::uuid, 'seq', seq)::text END) AS notified
    FROM notice`;
}

/** Appends an event inside the caller's transaction, in one round trip. */
export async function appendEvent<T extends AssetEventType>(
  manager: EntityManager,
  event: NewAssetEvent<T>,
): Promise<void> {
  const params = new SqlParams();
  const sql = `WITH ${appendEventSql(params, event, new Date().toISOString())}`;
  const rows = await queryRows<{ seq: string }>(manager, sql, params.values);
  if (rows.length === 0) throw new Error(`appendEvent: asset ${event.assetId} does not exist`);
}

/** Tells every node about an event that is not kept (the asset itself is being deleted). */
export async function notify(manager: EntityManager, event: AssetEvent): Promise<void> {
  const inline = JSON.stringify({ event } satisfies EventNotice);
  const notice =
    inline.length <= INLINE_LIMIT ? inline : JSON.stringify({ assetId: event.assetId, seq: event.seq });
  await manager.query(`SELECT pg_notify($1, $2)`, [EVENTS_CHANNEL, notice]);
}

/** The asset's last event seq (0 for none, or no such asset). */
export async function lastSeq(manager: EntityManager, assetId: string): Promise<number> {
  const [row]: { last_seq: string }[] = await manager.query(`SELECT last_seq FROM assets WHERE id = $1`, [
    assetId,
  ]);
  return Number(row?.last_seq ?? 0);
}

interface EventRow {
  asset_id: string;
  seq: string;
  type: AssetEventType;
  actor_id: string | null;
  payload: unknown;
  created_at: Date;
}

/** Events of an asset after `afterSeq`, oldest first: what a reconnecting client missed. */
export async function eventsAfter(
  manager: EntityManager,
  assetId: string,
  afterSeq: number,
  limit = 5000,
): Promise<AssetEvent[]> {
  const rows: EventRow[] = await manager.query(
    `SELECT asset_id, seq, type, actor_id, payload, created_at FROM events
     WHERE asset_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [assetId, afterSeq, limit],
  );
  return rows.map(toAssetEvent);
}

/**
 * Events of several assets, each with a seq in its range (afterSeq, upToSeq] and one of these
 * types, in one read: by asset, oldest first.
 */
export async function eventsBetween(
  manager: EntityManager,
  ranges: readonly { assetId: string; afterSeq: number; upToSeq: number }[],
  types: readonly AssetEventType[],
): Promise<AssetEvent[]> {
  const rows: EventRow[] = await manager.query(
    `SELECT e.asset_id, e.seq, e.type, e.actor_id, e.payload, e.created_at
     FROM unnest($1::uuid[], $2::bigint[], $3::bigint[]) AS r (asset_id, after_seq, up_to_seq)
     JOIN events e ON e.asset_id = r.asset_id AND e.seq > r.after_seq AND e.seq <= r.up_to_seq
     WHERE e.type = ANY ($4::text[]) ORDER BY e.asset_id, e.seq`,
    [ranges.map((r) => r.assetId), ranges.map((r) => r.afterSeq), ranges.map((r) => r.upToSeq), types],
  );
  return rows.map(toAssetEvent);
}

/** The asset's latest events of one type, newest first. */
export async function latestEventsOfType(
  manager: EntityManager,
  assetId: string,
  type: AssetEventType,
  limit: number,
): Promise<AssetEvent[]> {
  const rows: EventRow[] = await manager.query(
    `SELECT asset_id, seq, type, actor_id, payload, created_at FROM events
     WHERE asset_id = $1 AND type = $2 ORDER BY seq DESC LIMIT $3`,
    [assetId, type, limit],
  );
  return rows.map(toAssetEvent);
}

// Passed on as stored, not re-parsed: each was written through appendEvent's typed payload.
function toAssetEvent(row: EventRow): AssetEvent {
  return {
    assetId: row.asset_id,
    seq: Number(row.seq),
    type: row.type,
    actorId: row.actor_id,
    createdAt: row.created_at.toISOString(),
    payload: row.payload,
  } as AssetEvent;
}

/** The last seq of each asset given, and of every asset of the projects given (assets with events only). */
export async function latestSeqs(
  manager: EntityManager,
  assetIds: string[],
  projectIds: string[],
): Promise<{ assetId: string; seq: number }[]> {
  const rows: { id: string; last_seq: string }[] = await manager.query(
    `SELECT id, last_seq FROM assets
     WHERE (id = ANY($1::uuid[]) OR project_id = ANY($2::uuid[])) AND last_seq > 0`,
    [assetIds, projectIds],
  );
  return rows.map((row) => ({ assetId: row.id, seq: Number(row.last_seq) }));
}
