import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { type MediaBinaries, resolveMediaBinaries } from '@cutroom/media';
import type { Logger } from '../common/logging/logger.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken, LoggerToken } from '../config/config.provider.js';
import { mediaLogger } from './media-logger.js';

/**
 * ffmpeg and ffprobe, found once: FFMPEG_PATH/FFPROBE_PATH, the system's, or the npm-shipped ones.
 * Looked for as the server starts (not awaited), so the first upload does not wait on it.
 */
@Injectable()
export class MediaBinariesProvider implements OnApplicationBootstrap {
  private resolved: Promise<MediaBinaries> | undefined;

  constructor(
    @Inject(AppConfigToken) private readonly config: AppConfig,
    @Inject(LoggerToken) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    // A failure here is reported by the first get(), which looks again.
    this.get().catch(() => undefined);
  }

  get(): Promise<MediaBinaries> {
    this.resolved ??= resolveMediaBinaries({
      ffmpegPath: this.config.ffmpegPath,
      ffprobePath: this.config.ffprobePath,
      logger: mediaLogger(this.logger),
    }).catch((error: unknown) => {
      this.resolved = undefined;
      throw error;
    });
    return this.resolved;
  }
}
