import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { MediaController } from './media.controller.js';
import { MediaStorageModule } from './media-storage.module.js';

@Module({
  imports: [AssetsModule, MediaStorageModule],
  controllers: [MediaController],
})
export class MediaModule {}
