import type { EntityManager } from 'typeorm';

/** A version's place in its asset's stack: its number, the newest number, and whether it plays. */
export interface VersionStanding {
  number: number;
  newest: number;
  watchable: boolean;
}

/** An asset with its newest version (none yet: nulls). */
export interface NewestVersion {
  assetId: string;
  versionId: string | null;
  number: number | null;
}

/**
 * Reads of which version of an asset is the newest, for contexts whose rules depend on it
 * (approvals decide on the newest version only). Access is the caller's to check.
 */

/** Holds the asset's row until the transaction ends: writers that depend on "newest" queue here. */
export async function lockVersionStack(manager: EntityManager, assetId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM assets WHERE id = $1 FOR UPDATE`, [assetId]);
}

export async function versionStanding(
  manager: EntityManager,
  versionId: string,
): Promise<VersionStanding | undefined> {
  const [row]: VersionStanding[] = await manager.query(
    `SELECT v.number, (SELECT max(number) FROM versions n WHERE n.asset_id = v.asset_id) AS newest,
            (v.status = 'ready' OR v.playable) AS watchable
     FROM versions v WHERE v.id = $1`,
    [versionId],
  );
  return row;
}

export async function newestVersion(manager: EntityManager, assetId: string): Promise<NewestVersion> {
  const [newest]: { id: string; number: number }[] = await manager.query(
    `SELECT id, number FROM versions WHERE asset_id = $1 ORDER BY number DESC LIMIT 1`,
    [assetId],
  );
  return { assetId, versionId: newest?.id ?? null, number: newest?.number ?? null };
}

/** Every asset of a project (not in Recently deleted) with its newest version, most recently changed first. */
export async function newestVersionsOfProject(
  manager: EntityManager,
  projectId: string,
): Promise<NewestVersion[]> {
  const rows: { asset_id: string; version_id: string | null; number: number | null }[] = await manager.query(
    `SELECT a.id AS asset_id, v.id AS version_id, v.number FROM assets a
     LEFT JOIN LATERAL (
       SELECT id, number FROM versions WHERE asset_id = a.id ORDER BY number DESC LIMIT 1) v ON true
     WHERE a.project_id = $1 AND a.deleted_at IS NULL ORDER BY a.updated_at DESC, a.id`,
    [projectId],
  );
  return rows.map((row) => ({ assetId: row.asset_id, versionId: row.version_id, number: row.number }));
}
