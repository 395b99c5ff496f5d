import type { AssetEvent, AssetEventPayload, AssetEventType } from '@cutroom/contracts';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows.js';

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
 * The statement that stores an event: takes the asset's next seq under its row lock, stores the
 * event and queues its notification — which Postgres sends only on commit, so nobody hears of a
 * change that was rolled back. `source` is a SQL row source that gates it (`SELECT 1` always;
 * a CTE name to append only when that CTE produced a row). Parameters $1–$5: asset id, type,
 * actor id, payload JSON, createdAt ISO string.
 */
export function appendEventSql(source = 'SELECT 1'): string {
  return `
    bumped AS (
      UPDATE assets SET last_seq = last_seq + 1, updated_at = now()
      WHERE id = $1 AND EXISTS (${source}) RETURNING last_seq),
    stored AS (
      INSERT INTO events (asset_id, seq, type, actor_id, payload, created_at)
      SELECT $1, last_seq, $2, $3, $4::jsonb, $5::timestamptz FROM bumped RETURNING seq),
    notice AS (
      SELECT seq, json_build_object('event', json_build_object(
        'assetId', $1::uuid, 'seq', seq, 'type', $2::text, 'actorId', $3::uuid, 'createdAt', to_char($5::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'payload', $4::json))::text AS inline
      FROM stored)
    SELECT seq, pg_notify('${EVENTS_CHANNEL}', CASE WHEN octet_length(inline) <= ${INLINE_LIMIT} THEN inline
      ELSE json_build_object('assetId', $1::uuid, 'seq', seq)::text END) AS notified
    FROM notice`;
}

/** Appends an event inside the caller's transaction, in one round trip. */
export async function appendEvent<T extends AssetEventType>(
  manager: EntityManager,
  event: NewAssetEvent<T>,
): Promise<void> {
  const createdAt = new Date().toISOString();
  const rows = await queryRows<{ seq: string }>(manager, `WITH ${appendEventSql()}`, [
    event.assetId,
    event.type,
    event.actorId,
    JSON.stringify(event.payload),
    createdAt,
  ]);
  if (rows.length === 0) throw new Error(`appendEvent: asset ${event.assetId} does not exist`);
}

/** Tells every node about an event that is not kept (the asset itself is being deleted). */
export async function notify(manager: EntityManager, event: AssetEvent): Promise<void> {
  const inline = JSON.stringify({ event } satisfies EventNotice);
  const notice =
    inline.length <= INLINE_LIMIT ? inline : JSON.stringify({ assetId: event.assetId, seq: event.seq });
  await manager.query(`SELECT pg_notify($1, $2)`, [EVENTS_CHANNEL, notice]);
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
  // Passed on as stored, not re-parsed: each was written through appendEvent's typed payload.
  return rows.map(
    (row) =>
      ({
        assetId: row.asset_id,
        seq: Number(row.seq),
        type: row.type,
        actorId: row.actor_id,
        createdAt: row.created_at.toISOString(),
        payload: row.payload,
      }) as AssetEvent,
  );
}
