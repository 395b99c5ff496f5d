import { Module } from '@nestjs/common';
import { ApprovalsModule } from '../approvals/approvals.module.js';
import { AssetsModule } from '../assets/assets.module.js';
import { MediaStorageModule } from '../media/media-storage.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ReviewModule } from '../review/review.module.js';
import { ExportSource } from './export-source.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';
import { StillRenderer } from './still-renderer.js';

/** Notes leave the browser: markers, reports and stills of a version (see libs/exports). */
@Module({
  imports: [AssetsModule, ProjectsModule, ReviewModule, ApprovalsModule, MediaStorageModule],
  controllers: [ExportsController],
  providers: [ExportSource, ExportsService, StillRenderer],
})
export class ExportsModule {}
