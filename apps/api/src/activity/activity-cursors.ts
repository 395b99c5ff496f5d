import type { EntityManager } from 'typeorm';

/**
 * The fan-out's cursor per asset (`activity_cursors`), read against the asset's last event seq,
 * which the event log keeps on the asset row: the one place activity names `assets`, listed as an
 * exception in scripts/lint/api-tables.mjs (the sweep compares every asset's seq with its cursor
 * in one statement). Each read and write takes a set of assets: a run fans out many at once.
 */

/** Where an asset's fan-out stands: its cursor, its last event seq, and its project. */
export interface CursorPosition {
  assetId: string;
  seq: number;
  lastSeq: number;
  projectId: string;
}

/** Starts each asset's cursor at 0 if it has none (and the asset still exists). */
export async function ensureCursors(manager: EntityManager, assetIds: readonly string[]): Promise<void> {
  await manager.query(
    `INSERT INTO activity_cursors (asset_id) SELECT id FROM assets WHERE id = ANY ($1::uuid[])
     ON CONFLICT DO NOTHING`,
    [assetIds],
  );
}

/** Assets with events past their cursor. */
export async function assetsBehind(manager: EntityManager, limit: number): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT a.id FROM assets a LEFT JOIN activity_cursors c ON c.asset_id = a.id
     WHERE a.last_seq > coalesce(c.seq, 0) LIMIT $1`,
    [limit],
  );
  return rows.map((row) => row.id);
}

/** Those of these assets with events past their cursor (none without a cursor). */
export async function behindOf(manager: EntityManager, assetIds: readonly string[]): Promise<string[]> {
  const rows: { asset_id: string }[] = await manager.query(
    `SELECT c.asset_id FROM activity_cursors c JOIN assets a ON a.id = c.asset_id
     WHERE c.asset_id = ANY ($1::uuid[]) AND a.last_seq > c.seq`,
    [assetIds],
  );
  return rows.map((row) => row.asset_id);
}

/**
 * Locks the cursors of these assets that nobody else holds (SKIP LOCKED) and reads where they
 * stand, after the lock: assets gone, without a cursor or taken by another node are left out.
 */
export async function lockCursors(
  manager: EntityManager,
  assetIds: readonly string[],
): Promise<CursorPosition[]> {
  const locked: { asset_id: string }[] = await manager.query(
    `SELECT asset_id FROM activity_cursors WHERE asset_id = ANY ($1::uuid[]) FOR UPDATE SKIP LOCKED`,
    [assetIds],
  );
  if (locked.length === 0) return [];
  const positions: { asset_id: string; seq: string; last_seq: string; project_id: string }[] =
    await manager.query(
      `SELECT c.asset_id, c.seq, a.last_seq, a.project_id FROM activity_cursors c JOIN assets a ON a.id = c.asset_id
       WHERE c.asset_id = ANY ($1::uuid[])`,
      [locked.map((row) => row.asset_id)],
    );
  return positions.map((row) => ({
    assetId: row.asset_id,
    seq: Number(row.seq),
    lastSeq: Number(row.last_seq),
    projectId: row.project_id,
  }));
}

/** Moves each asset's cursor to its seq. */
export async function moveCursors(
  manager: EntityManager,
  moves: readonly { assetId: string; seq: number }[],
): Promise<void> {
  await manager.query(
    `UPDATE activity_cursors c SET seq = m.seq
     FROM unnest($1::uuid[], $2::bigint[]) AS m (asset_id, seq) WHERE c.asset_id = m.asset_id`,
    [moves.map((m) => m.assetId), moves.map((m) => m.seq)],
  );
}
