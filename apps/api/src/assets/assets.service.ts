import { Injectable } from '@nestjs/common';
import type { Asset, LinkPermission, ProjectRole, Version } from '@cutroom/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { type AccessRole, can, type ProjectAction } from '@cutroom/policy';
import { ProjectsService } from '../projects/projects.service.js';
import { appendEvent, notify } from '../realtime/event-log.js';
import { AssetsErrorCode, AssetsException } from './assets.exception.js';
import { retryOnConflict } from '../database/retry-deadlock.js';
import { MediaStorage } from '../media/media-storage.js';
import { toVersion, VERSION_COLUMNS, VERSION_FROM, type VersionRow } from './version-view.js';

export interface AssetAccess {
  assetId: string;
  projectId: string;
  role: AccessRole;
}

interface GrantRow {
  project_id: string;
  role: ProjectRole | 'guest';
  permissions: LinkPermission[] | null;
}

/** A row of the `asset_grants` view as the caller's role: a member's, or a guest's permissions. */
export function toAccessRole(row: Pick<GrantRow, 'role' | 'permissions'>): AccessRole {
  return row.role === 'guest' ? { guest: row.permissions ?? [] } : row.role;
}

interface AssetRow {
  id: string;
  project_id: string;
  name: string;
  last_seq: string;
  version_count: string;
  created_at: Date;
  updated_at: Date;
}

@Injectable()
export class AssetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly storage: MediaStorage,
  ) {}

  /**
   * The caller's access to an asset; "not found" for anyone outside its project, and for a guest
   * whose link does not show it (or has expired or been revoked).
   */
  async requireAsset(
    userId: string,
    assetId: string,
    action: ProjectAction,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AssetAccess> {
    const rows: GrantRow[] = await manager.query(
      `SELECT project_id, role, permissions FROM asset_grant($2, $1)`,
      [assetId, userId],
    );
    if (rows.length === 0) throw new AssetsException(AssetsErrorCode.AssetNotFound);
    const role = toAccessRole(rows[0]);
    if (!can(role, action)) throw new AssetsException(AssetsErrorCode.NotAllowed);
    return { assetId, projectId: rows[0].project_id, role };
  }

  /** The caller's access to a version's asset; "not found" for anyone outside its project. */
  async requireVersion(userId: string, versionId: string, action: ProjectAction): Promise<AssetAccess> {
    const rows: { asset_id: string }[] = await this.dataSource.query(
      `SELECT asset_id FROM versions WHERE id = $1`,
      [versionId],
    );
    if (rows.length === 0) throw new AssetsException(AssetsErrorCode.VersionNotFound);
    try {
      return await this.requireAsset(userId, rows[0].asset_id, action);
    } catch (error) {
      if (error instanceof AssetsException && error.code === AssetsErrorCode.AssetNotFound) {
        throw new AssetsException(AssetsErrorCode.VersionNotFound);
      }
      throw error;
    }
  }

  async list(userId: string, projectId: string): Promise<Asset[]> {
    await this.projects.requireRole(userId, projectId, 'project.view');
    const rows: AssetRow[] = await this.dataSource.query(
      `${ASSET_SELECT} WHERE a.project_id = $1 ORDER BY a.updated_at DESC, a.id`,
      [projectId],
    );
    return this.withLatestVersions(rows);
  }

  /** Every asset the caller may see in a project through a review link: a guest's whole world. */
  async listShared(guestUserId: string, projectId: string): Promise<Asset[]> {
    const rows: AssetRow[] = await this.dataSource.query(
      `${ASSET_SELECT}
       JOIN asset_grants g ON g.asset_id = a.id AND g.user_id = $1 AND g.role = 'guest'
       WHERE a.project_id = $2 ORDER BY a.updated_at DESC, a.id`,
      [guestUserId, projectId],
    );
    return this.withLatestVersions(rows);
  }

  async get(userId: string, assetId: string): Promise<Asset> {
    await this.requireAsset(userId, assetId, 'project.view');
    return this.load(assetId);
  }

  async create(userId: string, projectId: string, name: string): Promise<Asset> {
    await this.projects.requireRole(userId, projectId, 'assets.upload');
    const assetId = await this.dataSource.transaction((manager) =>
      this.insert(manager, userId, projectId, name),
    );
    return this.load(assetId);
  }

  /** A new asset and its event, inside the caller's transaction (an upload adds its first version). */
  async insert(manager: EntityManager, userId: string, projectId: string, name: string): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO assets (project_id, name, created_by) VALUES ($1, $2, $3) RETURNING id`,
      [projectId, name, userId],
    );
    await appendEvent(manager, {
      assetId: row.id,
      type: 'asset.created',
      actorId: userId,
      payload: { name },
    });
    return row.id;
  }

  async rename(userId: string, assetId: string, name: string): Promise<Asset> {
    await this.dataSource.transaction(async (manager) => {
      await this.requireAsset(userId, assetId, 'assets.manage', manager);
      await manager.query(`UPDATE assets SET name = $2 WHERE id = $1`, [assetId, name]);
      await appendEvent(manager, { assetId, type: 'asset.renamed', actorId: userId, payload: { name } });
    });
    return this.load(assetId);
  }

  /** Deletes the asset, its versions and their media files. */
  async delete(userId: string, assetId: string): Promise<void> {
    // Background work may hold rows this cascade needs: a deadlock's victim starts over.
    const versionIds = await retryOnConflict(() => this.deleteRows(userId, assetId));
    await Promise.all(versionIds.map((id) => this.storage.removeVersion(id)));
  }

  /** Takes back an asset an upload made when the upload could not start; one with versions stays. */
  async deleteIfEmpty(assetId: string, actorId: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row]: { last_seq: string; project_id: string }[] = await manager.query(
        `DELETE FROM assets a WHERE a.id = $1 AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.asset_id = a.id)
         RETURNING last_seq, project_id`,
        [assetId],
      );
      if (!row) return;
      await notify(manager, {
        assetId,
        seq: Number(row.last_seq) + 1,
        type: 'asset.deleted',
        actorId,
        createdAt: new Date().toISOString(),
        payload: { projectId: row.project_id },
      });
    });
  }

  private deleteRows(userId: string, assetId: string): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireAsset(userId, assetId, 'assets.manage', manager);
      const [row]: { last_seq: string; project_id: string }[] = await manager.query(
        `SELECT last_seq, project_id FROM assets WHERE id = $1 FOR UPDATE`,
        [assetId],
      );
      const versions: { id: string }[] = await manager.query(`SELECT id FROM versions WHERE asset_id = $1`, [
        assetId,
      ]);
      await manager.query(`DELETE FROM assets WHERE id = $1`, [assetId]);
      await notify(manager, {
        assetId,
        seq: Number(row.last_seq) + 1,
        type: 'asset.deleted',
        actorId: userId,
        createdAt: new Date().toISOString(),
        payload: { projectId: row.project_id },
      });
      return versions.map((v) => v.id);
    });
  }

  async versions(userId: string, assetId: string): Promise<Version[]> {
    await this.requireAsset(userId, assetId, 'project.view');
    const rows: VersionRow[] = await this.dataSource.query(
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.asset_id = $1 ORDER BY v.number DESC`,
      [assetId],
    );
    return rows.map(toVersion);
  }

  async version(userId: string, versionId: string): Promise<Version> {
    await this.requireVersion(userId, versionId, 'project.view');
    return this.loadVersion(this.dataSource.manager, versionId);
  }

  async loadVersion(manager: EntityManager, versionId: string): Promise<Version> {
    const rows: VersionRow[] = await manager.query(
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.id = $1`,
      [versionId],
    );
    if (rows.length === 0) throw new AssetsException(AssetsErrorCode.VersionNotFound);
    return toVersion(rows[0]);
  }

  private async load(assetId: string): Promise<Asset> {
    const rows: AssetRow[] = await this.dataSource.query(`${ASSET_SELECT} WHERE a.id = $1`, [assetId]);
    if (rows.length === 0) throw new AssetsException(AssetsErrorCode.AssetNotFound);
    const [asset] = await this.withLatestVersions(rows);
    return asset;
  }

  private async withLatestVersions(rows: AssetRow[]): Promise<Asset[]> {
    if (rows.length === 0) return [];
    const latest: VersionRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (v.asset_id) ${VERSION_COLUMNS} FROM ${VERSION_FROM}
       WHERE v.asset_id = ANY($1::uuid[]) ORDER BY v.asset_id, v.number DESC`,
      [rows.map((r) => r.id)],
    );
    const byAsset = new Map(latest.map((row) => [row.asset_id, toVersion(row)]));
    return rows.map((row) => ({
      id: row.id,
      projectId: row.project_id,
      name: row.name,
      versionCount: Number(row.version_count),
      lastSeq: Number(row.last_seq),
      latestVersion: byAsset.get(row.id) ?? null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    }));
  }
}

const ASSET_SELECT = `
  SELECT a.id, a.project_id, a.name, a.last_seq, a.created_at, a.updated_at,
         (SELECT count(*) FROM versions v WHERE v.asset_id = a.id) AS version_count
  FROM assets a`;
