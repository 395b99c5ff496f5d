import type { AssetEvent, AssetEventType } from '@cutroom/contracts';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows.js';

/** Postgres channels: delivered to every api node only when the writing transaction commits. */
export const EVENTS_CHANNEL = 'cutroom_events';
export const PROGRESS_CHANNEL = 'cutroom_progress';
// NOTIFY payloads are capped at 8000 bytes; larger events travel by reference.
const INLINE_LIMIT = 7000;

export interface NewAssetEvent {
  assetId: string;
  type: AssetEventType;
  actorId: string | null;
  payload: unknown;
}

/** A notification: the event itself, or where to read it. */
export type EventNotice = { event: AssetEvent } | { assetId: string; seq: number };

/**
 * Appends an event inside the caller's transaction: takes the asset's next seq under its row
 * lock, stores the event, and queues its notification — which Postgres sends only on commit,
 * so nobody hears of a change that was rolled back.
 */
export async function appendEvent(manager: EntityManager, event: NewAssetEvent): Promise<AssetEvent> {
  const bumped = await queryRows<{ last_seq: string }>(
    manager,
    `UPDATE assets SET last_seq = last_seq + 1, updated_at = now() WHERE id = $1 RETURNING last_seq`,
    [event.assetId],
  );
  if (bumped.length === 0) throw new Error(`appendEvent: asset ${event.assetId} does not exist`);
  const seq = Number(bumped[0].last_seq);
  const [row]: { created_at: Date }[] = await manager.query(
    `INSERT INTO events (asset_id, seq, type, actor_id, payload) VALUES ($1, $2, $3, $4, $5) RETURNING created_at`,
    [event.assetId, seq, event.type, event.actorId, JSON.stringify(event.payload)],
  );
  const stored: AssetEvent = {
    assetId: event.assetId,
    seq,
    type: event.type,
    actorId: event.actorId,
    createdAt: row.created_at.toISOString(),
    payload: event.payload,
  };
  await notify(manager, stored);
  return stored;
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
  return rows.map((row) => ({
    assetId: row.asset_id,
    seq: Number(row.seq),
    type: row.type,
    actorId: row.actor_id,
    createdAt: row.created_at.toISOString(),
    payload: row.payload,
  }));
}
