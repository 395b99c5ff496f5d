import type { LinkPermission, ProjectRole } from '@cutroom/contracts';
import type { AccessRole } from '@cutroom/policy';
import type { EntityManager } from 'typeorm';
import { toAccessRole } from './assets.service.js';

/** Small reads of `assets` by id for other contexts; access is the caller's to check. */

/** The assets' names in the order given, or undefined when any of them is not in the project (or is in Recently deleted). */
export async function assetNamesInProject(
  manager: EntityManager,
  projectId: string,
  assetIds: readonly string[],
): Promise<string[] | undefined> {
  const rows: { name: string }[] = await manager.query(
    `SELECT name FROM assets WHERE id = ANY ($1::uuid[]) AND project_id = $2 AND deleted_at IS NULL
     ORDER BY array_position($1::uuid[], id)`,
    [assetIds, projectId],
  );
  return rows.length === assetIds.length ? rows.map((row) => row.name) : undefined;
}

/** The project an asset belongs to (undefined once it is deleted). */
export async function projectOfAsset(manager: EntityManager, assetId: string): Promise<string | undefined> {
  const rows: { project_id: string }[] = await manager.query(`SELECT project_id FROM assets WHERE id = $1`, [
    assetId,
  ]);
  return rows[0]?.project_id;
}

/** Of these people, who may see the asset now, each with their project and role (a guest's: their link's permissions). */
export async function grantsOnAsset(
  manager: EntityManager,
  assetId: string,
  userIds: readonly string[],
): Promise<Map<string, { projectId: string; role: AccessRole }>> {
  const rows: {
    user_id: string;
    project_id: string;
    role: ProjectRole | 'guest';
    permissions: LinkPermission[] | null;
  }[] = await manager.query(
    `SELECT user_id, project_id, role, permissions FROM asset_grants
        WHERE asset_id = $1 AND user_id = ANY ($2::uuid[])`,
    [assetId, userIds],
  );
  return new Map(rows.map((row) => [row.user_id, { projectId: row.project_id, role: toAccessRole(row) }]));
}
