import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { FrameMapController } from './frame-map.controller.js';
import { FrameMapService } from './frame-map.service.js';
import { FrameSignatureStore } from './frame-signature-store.js';
import { MediaController } from './media.controller.js';
import { MediaStorageModule } from './media-storage.module.js';
import { QueueMetrics } from './queue-metrics.js';
import { VersionRetryController } from './version-retry.controller.js';
import { VersionRetryService } from './version-retry.service.js';

@Module({
  imports: [AssetsModule, MediaStorageModule],
  controllers: [MediaController, VersionRetryController, FrameMapController],
  providers: [VersionRetryService, QueueMetrics, FrameSignatureStore, FrameMapService],
  exports: [FrameMapService],
})
export class MediaModule {}
