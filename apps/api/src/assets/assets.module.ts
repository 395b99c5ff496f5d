import { Module } from '@nestjs/common';
import { MediaStorageModule } from '../media/media-storage.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { AssetsController } from './assets.controller.js';
import { AssetsService } from './assets.service.js';

@Module({
  imports: [ProjectsModule, MediaStorageModule],
  controllers: [AssetsController],
  providers: [AssetsService],
  exports: [AssetsService],
})
export class AssetsModule {}
