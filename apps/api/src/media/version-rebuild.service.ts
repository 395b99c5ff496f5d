import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AssetsService } from '../assets/assets.service.js';
import {
  type RebuildableVersion,
  VersionProcessingRepository,
} from '../assets/version-processing.repository.js';
import { appendEvent } from '../events/event-log.js';
import { jobQueue } from './job-queue.js';
import { MediaStorage } from './media-storage.js';

export type RebuildOutcome = 'queued' | 'busy';

/**
 * Making a version's renditions, poster, storyboard, waveform and frame signatures again from its
 * original, through the job queue like any upload: after a restore without renditions, or after
 * the ladder changed. Whichever worker is running takes the jobs (they wait for one otherwise).
 */
@Injectable()
export class VersionRebuild {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
    private readonly versionRows: VersionProcessingRepository,
    private readonly storage: MediaStorage,
  ) {}

  /** Every version with a whole original, or the one asked for (empty when it has none). */
  candidates(versionId?: string): Promise<RebuildableVersion[]> {
    return this.versionRows.withOriginals(versionId);
  }

  /** Whether what processing publishes for this kind of version is on disk. */
  async hasRenditions(version: RebuildableVersion): Promise<boolean> {
    const dir = this.storage.versionDir(version.id);
    const published = version.kind === 'still' ? 'poster.jpg' : path.join('hls', 'master.m3u8');
    return fs.access(path.join(dir, published)).then(
      () => true,
      () => false,
    );
  }

  /** Queues the version again ('busy' when it is already queued or processing). */
  async rebuild(version: RebuildableVersion): Promise<RebuildOutcome> {
    const playable = await this.hasRenditions(version);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.versionRows.requeueForRebuild(manager, version.id, playable))) return 'busy';
      const updated = await this.assets.loadVersion(manager, version.id);
      await appendEvent(manager, {
        assetId: updated.assetId,
        type: 'version.updated',
        actorId: null,
        payload: { version: updated },
      });
      await jobQueue.enqueue(manager, version.id);
      return 'queued';
    });
  }

  /** The versions' statuses now, for waiting on a rebuild. */
  async statuses(ids: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const id of ids) {
      const [row] = await this.versionRows.withOriginals(id);
      found.set(id, row?.status ?? 'gone');
    }
    return found;
  }
}
