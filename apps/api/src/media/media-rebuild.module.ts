import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { MediaStorageModule } from './media-storage.module.js';
import { VersionRebuild } from './version-rebuild.service.js';

/** What `npm run media:rebuild` needs: queueing versions again, without a worker or a server. */
@Module({
  imports: [AssetsModule, MediaStorageModule],
  providers: [VersionRebuild],
  exports: [VersionRebuild],
})
export class MediaRebuildModule {}
