import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { AuthCoreModule } from '../auth/auth-core.module.js';
import { MediaStorageModule } from '../media/media-storage.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { TusUploadServer } from './tus-server.js';
import { UploadsService } from './uploads.service.js';

@Module({
  imports: [AuthCoreModule, AssetsModule, ProjectsModule, MediaStorageModule],
  providers: [UploadsService, TusUploadServer],
  exports: [TusUploadServer],
})
export class UploadsModule {}
