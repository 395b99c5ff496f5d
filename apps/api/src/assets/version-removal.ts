import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvent } from '../events/event-log.js';
import { MediaStorage } from '../media/media-storage.js';
import { retryOnConflict } from '../database/retry-deadlock.js';
import { AssetsErrorCode, AssetsException } from './assets.exception.js';
import { AssetsService } from './assets.service.js';
import { RemovalListeners } from './removal-listeners.js';

/**
 * Deleting one version of a cut: its notes, decisions, marks and media go with it; the others keep
 * their numbers (v1 and v3 stay v1 and v3), and approvals and carried-over notes, which are read
 * from what remains, follow. A live session showing it ends, as if everyone left. A cut's only
 * version is refused: that is deleting the cut.
 */
@Injectable()
export class VersionRemoval {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
    private readonly storage: MediaStorage,
    private readonly removals: RemovalListeners,
  ) {}

  async delete(userId: string, versionId: string): Promise<void> {
    const access = await this.assets.requireVersion(userId, versionId, 'assets.manage');
    // Background work may hold rows this cascade needs: a deadlock's victim starts over.
    await retryOnConflict(() =>
      this.dataSource.transaction(async (manager) => {
        // One deletion per cut at a time, so two of them cannot leave it with no version.
        await manager.query(`SELECT 1 FROM assets WHERE id = $1 FOR UPDATE`, [access.assetId]);
        const versions: { id: string }[] = await manager.query(
          `SELECT id FROM versions WHERE asset_id = $1`,
          [access.assetId],
        );
        if (!versions.some((version) => version.id === versionId)) {
          throw new AssetsException(AssetsErrorCode.VersionNotFound);
        }
        if (versions.length === 1) throw new AssetsException(AssetsErrorCode.OnlyVersion);
        // A live session showing it ends first, or the cascade would drop it unannounced.
        await this.removals.removing(manager, { assetId: access.assetId, versionId });
        await manager.query(`DELETE FROM versions WHERE id = $1`, [versionId]);
        await appendEvent(manager, {
          assetId: access.assetId,
          type: 'version.deleted',
          actorId: userId,
          payload: { versionId },
        });
      }),
    );
    await this.storage.removeVersion(versionId);
  }
}
