import { Module } from '@nestjs/common';
import { MediaStorageModule } from '../media/media-storage.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { AssetMove } from './asset-move.js';
import { AssetsController } from './assets.controller.js';
import { AssetsService } from './assets.service.js';
import { DeletedCuts } from './deleted-cuts.js';
import { DeletedCutsController } from './deleted-cuts.controller.js';
import { RemovalListeners } from './removal-listeners.js';
import { VersionRemoval } from './version-removal.js';
import { VersionProcessingRepository } from './version-processing.repository.js';
import { VersionUploadsRepository } from './version-uploads.repository.js';
import { VersionsRepository } from './versions.repository.js';

@Module({
  imports: [ProjectsModule, MediaStorageModule],
  controllers: [AssetsController, DeletedCutsController],
  providers: [
    AssetsService,
    AssetMove,
    RemovalListeners,
    VersionsRepository,
    VersionRemoval,
    DeletedCuts,
    VersionUploadsRepository,
    VersionProcessingRepository,
  ],
  exports: [
    AssetsService,
    AssetMove,
    RemovalListeners,
    VersionsRepository,
    DeletedCuts,
    VersionUploadsRepository,
    VersionProcessingRepository,
  ],
})
export class AssetsModule {}
