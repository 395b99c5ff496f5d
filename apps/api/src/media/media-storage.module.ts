import { Module } from '@nestjs/common';
import { MediaBinariesProvider } from './media-binaries.js';
import { MediaStorage } from './media-storage.js';

/**
 * The media folder layout and the ffmpeg/ffprobe to use, so assets, uploads and exports can use
 * them without the pipeline.
 */
@Module({ providers: [MediaStorage, MediaBinariesProvider], exports: [MediaStorage, MediaBinariesProvider] })
export class MediaStorageModule {}
