import { Module } from '@nestjs/common';
import { MediaStorage } from './media-storage.js';

/** Just the media folder layout, so assets and uploads can use it without the pipeline. */
@Module({ providers: [MediaStorage], exports: [MediaStorage] })
export class MediaStorageModule {}
