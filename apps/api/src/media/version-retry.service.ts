import { Injectable } from '@nestjs/common';
import type { Version } from '@cutroom/contracts';
import { DataSource } from 'typeorm';
import { jobQueue } from './job-queue.js';
import { appendEvent } from '../events/event-log.js';
import { AssetsErrorCode, AssetsException } from '../assets/assets.exception.js';
import { AssetsService } from '../assets/assets.service.js';
import { VersionProcessingRepository } from '../assets/version-processing.repository.js';

/** Processing a failed version again, from the original the server still has. */
@Injectable()
export class VersionRetryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
    private readonly versionRows: VersionProcessingRepository,
  ) {}

  /** A failed version goes back to the queue; anything else is refused with 409. */
  async retry(userId: string, versionId: string): Promise<Version> {
    const { assetId } = await this.assets.requireVersion(userId, versionId, 'assets.manage');
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.versionRows.requeueFailed(manager, versionId)))
        throw new AssetsException(AssetsErrorCode.NotFailed);
      const version = await this.assets.loadVersion(manager, versionId);
      await appendEvent(manager, { assetId, type: 'version.updated', actorId: userId, payload: { version } });
      await jobQueue.enqueue(manager, versionId);
      return version;
    });
  }
}
