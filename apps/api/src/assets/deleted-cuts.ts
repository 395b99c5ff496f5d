import { Inject, Injectable } from '@nestjs/common';
import type { Asset, DeletedAsset } from '@cutroom/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken } from '../config/config.provider.js';
import { retryOnConflict } from '../database/retry-deadlock.js';
import { appendEvent, notify } from '../events/event-log.js';
import { MediaStorage } from '../media/media-storage.js';
import { ProjectsErrorCode, ProjectsException } from '../projects/projects.exception.js';
import { ProjectsService } from '../projects/projects.service.js';
import { AssetsErrorCode, AssetsException } from './assets.exception.js';
import { AssetsService } from './assets.service.js';

interface DeletedRow {
  id: string;
  project_id: string;
  name: string;
  version_count: string;
  deleted_at: Date;
  deleted_by: string | null;
  deleted_by_name: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A project's "Recently deleted": cuts deleted less than DELETED_RETENTION_DAYS ago, kept whole.
 * Restore brings one back exactly as it was (versions, notes, decisions, its links' grants); Delete
 * forever and the purge erase it with its media files.
 */
@Injectable()
export class DeletedCuts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
    private readonly projects: ProjectsService,
    private readonly storage: MediaStorage,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  async list(userId: string, projectId: string): Promise<DeletedAsset[]> {
    await this.projects.requireRole(userId, projectId, 'assets.manage');
    const rows: DeletedRow[] = await this.dataSource.query(
      `SELECT a.id, a.project_id, a.name, a.deleted_at, a.deleted_by, u.display_name AS deleted_by_name,
              (SELECT count(*) FROM versions v WHERE v.asset_id = a.id) AS version_count
         FROM assets a LEFT JOIN users u ON u.id = a.deleted_by
        WHERE a.project_id = $1 AND a.deleted_at IS NOT NULL
        ORDER BY a.deleted_at DESC, a.id`,
      [projectId],
    );
    return rows.map((row) => ({
      id: row.id,
      projectId: row.project_id,
      name: row.name,
      versionCount: Number(row.version_count),
      deletedAt: row.deleted_at.toISOString(),
      deletedBy:
        row.deleted_by && row.deleted_by_name
          ? { id: row.deleted_by, displayName: row.deleted_by_name }
          : null,
      purgeAt: new Date(row.deleted_at.getTime() + this.config.deletedRetentionDays * DAY_MS).toISOString(),
    }));
  }

  get retentionDays(): number {
    return this.config.deletedRetentionDays;
  }

  async restore(userId: string, assetId: string): Promise<Asset> {
    await this.dataSource.transaction(async (manager) => {
      const { projectId, name } = await this.requireDeleted(manager, userId, assetId);
      await manager.query(`UPDATE assets SET deleted_at = NULL, deleted_by = NULL WHERE id = $1`, [assetId]);
      await appendEvent(manager, {
        assetId,
        type: 'asset.restored',
        actorId: userId,
        payload: { projectId, name },
      });
    });
    return this.assets.get(userId, assetId);
  }

  /** Delete forever, from "Recently deleted" only: the rows and the media files. */
  async eraseForever(userId: string, assetId: string): Promise<void> {
    const versionIds = await retryOnConflict(() =>
      this.dataSource.transaction(async (manager) => {
        const { projectId, lastSeq } = await this.requireDeleted(manager, userId, assetId);
        return this.erase(manager, assetId, projectId, lastSeq, userId);
      }),
    );
    await Promise.all(versionIds.map((id) => this.storage.removeVersion(id)));
  }

  /**
   * Erases every cut deleted more than the retention ago, one transaction each (a cut another
   * worker is erasing is skipped); returns how many went.
   */
  async purgeExpired(): Promise<number> {
    let purged = 0;
    for (;;) {
      const versionIds = await retryOnConflict(() =>
        this.dataSource.transaction(async (manager) => {
          const [row]: { id: string; project_id: string; last_seq: string }[] = await manager.query(
            `SELECT id, project_id, last_seq FROM assets
              WHERE deleted_at < now() - make_interval(days => $1)
              ORDER BY deleted_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
            [this.config.deletedRetentionDays],
          );
          if (!row) return null;
          return this.erase(manager, row.id, row.project_id, Number(row.last_seq), null);
        }),
      );
      if (versionIds === null) return purged;
      await Promise.all(versionIds.map((id) => this.storage.removeVersion(id)));
      purged += 1;
    }
  }

  private async erase(
    manager: EntityManager,
    assetId: string,
    projectId: string,
    lastSeq: number,
    actorId: string | null,
  ): Promise<string[]> {
    const versions: { id: string }[] = await manager.query(`SELECT id FROM versions WHERE asset_id = $1`, [
      assetId,
    ]);
    await manager.query(`DELETE FROM assets WHERE id = $1`, [assetId]);
    // The log goes with the asset: this last word is only sent live.
    await notify(manager, {
      assetId,
      seq: lastSeq + 1,
      type: 'asset.deleted',
      actorId,
      createdAt: new Date().toISOString(),
      payload: { projectId },
    });
    return versions.map((version) => version.id);
  }

  /** The deleted cut, locked, for an owner or editor of its project; "not found" for anyone else. */
  private async requireDeleted(
    manager: EntityManager,
    userId: string,
    assetId: string,
  ): Promise<{ projectId: string; name: string; lastSeq: number }> {
    const [row]: { project_id: string; name: string; last_seq: string; deleted_at: Date | null }[] =
      await manager.query(
        `SELECT project_id, name, last_seq, deleted_at FROM assets WHERE id = $1 FOR UPDATE`,
        [assetId],
      );
    if (!row) throw new AssetsException(AssetsErrorCode.NotDeleted);
    try {
      await this.projects.requireRole(userId, row.project_id, 'assets.manage', manager);
    } catch (error) {
      // An outsider cannot tell a cut of someone else's project from no cut at all.
      if (error instanceof ProjectsException && error.code === ProjectsErrorCode.ProjectNotFound) {
        throw new AssetsException(AssetsErrorCode.NotDeleted);
      }
      throw error;
    }
    if (row.deleted_at === null) throw new AssetsException(AssetsErrorCode.NotDeleted);
    return { projectId: row.project_id, name: row.name, lastSeq: Number(row.last_seq) };
  }
}
