import type { EntityManager } from 'typeorm';

/** Postgres channel: a live session's seats changed (who is in, hosts, annotates), sent on commit. */
export const LIVE_SEATS_CHANNEL = 'cutroom_live_seats';

/**
 * Inside the transaction that changes a session's seats, or ends it: once it commits, every api
 * node reads them again, so the strokes and laser pointers it relays follow the new roles at once.
 */
export async function announceLiveSeats(manager: EntityManager, assetId: string): Promise<void> {
  await manager.query(`SELECT pg_notify($1, $2)`, [LIVE_SEATS_CHANNEL, assetId]);
}

/** Postgres channel: a live session ended outside a socket's message (its cut or version went). */
export const LIVE_ENDED_CHANNEL = 'cutroom_live_ended';

export interface LiveEndedNotice {
  assetId: string;
  sessionId: string;
}

/** Inside the transaction that ends a session: once it commits, every api node tells its sockets. */
export async function announceLiveEnded(manager: EntityManager, notice: LiveEndedNotice): Promise<void> {
  await manager.query(`SELECT pg_notify($1, $2)`, [LIVE_ENDED_CHANNEL, JSON.stringify(notice)]);
}
