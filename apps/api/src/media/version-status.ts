import { Injectable } from '@nestjs/common';
import type { ProcessingStage } from '@cutroom/contracts';
import { DataSource } from 'typeorm';
import { AssetsService } from '../assets/assets.service.js';
import {
  clampProgress,
  type StatusChange,
  VersionProcessingRepository,
} from '../assets/version-processing.repository.js';
import { appendEvent, PROGRESS_CHANNEL } from '../events/event-log.js';

/** Every persisted change of a version's processing state, each with its event, in one transaction. */
@Injectable()
export class VersionStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
    private readonly versionRows: VersionProcessingRepository,
  ) {}

  assetOf(versionId: string): Promise<string | undefined> {
    return this.versionRows.assetOf(versionId);
  }

  async change(versionId: string, change: StatusChange): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const assetId = await this.versionRows.change(manager, versionId, change);
      if (assetId === undefined) return; // deleted while processing: nothing to tell anyone
      const version = await this.assets.loadVersion(manager, versionId);
      await appendEvent(manager, { assetId, type: 'version.updated', actorId: null, payload: { version } });
    });
  }

  /** Progress is stored on the row (for whoever loads the page later) and pushed live, not logged as events. */
  async progress(
    assetId: string,
    versionId: string,
    stage: ProcessingStage,
    progress: number,
    playable: boolean,
  ): Promise<void> {
    const value = clampProgress(progress);
    await this.versionRows.progress(versionId, stage, value);
    await this.dataSource.query(`SELECT pg_notify($1, $2)`, [
      PROGRESS_CHANNEL,
      JSON.stringify({ assetId, versionId, stage, progress: value, playable }),
    ]);
  }
}
