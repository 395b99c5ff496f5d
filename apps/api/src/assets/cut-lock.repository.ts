import type { EntityManager } from 'typeorm';

/**
 * Holds the cut's row until the transaction ends, as writing an event on it would. Whoever takes the
 * cut's row and its live session's row takes the cut's first — removing a version or the cut, a
 * session ending — so two of them never wait on each other.
 */
export async function lockCut(manager: EntityManager, assetId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM assets WHERE id = $1 FOR NO KEY UPDATE`, [assetId]);
}
