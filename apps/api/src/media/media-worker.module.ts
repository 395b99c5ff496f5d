import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { DeletedCutsPurge } from './deleted-cuts-purge.js';
import { MediaStorageModule } from './media-storage.module.js';
import { MediaWorker } from './media-worker.js';
import { VersionPipeline } from './version-pipeline.js';
import { VersionStatusService } from './version-status.js';

/** The media worker: runs in the api process (`npm start`) or alone (`npm run worker`). */
@Module({
  imports: [AssetsModule, MediaStorageModule],
  providers: [VersionStatusService, VersionPipeline, MediaWorker, DeletedCutsPurge],
})
export class MediaWorkerModule {}
