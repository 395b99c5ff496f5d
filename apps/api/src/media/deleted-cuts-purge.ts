import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '../common/logging/logger.js';
import { LoggerToken } from '../config/config.provider.js';
import { DeletedCuts } from '../assets/deleted-cuts.js';

const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * The worker's periodic job: erases cuts deleted more than DELETED_RETENTION_DAYS ago, media files
 * included, at start and then hourly. Several workers may run it at once: each cut goes once.
 */
@Injectable()
export class DeletedCutsPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly deleted: DeletedCuts,
    @Inject(LoggerToken) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.purge();
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.purge());
    }, PURGE_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async purge(): Promise<void> {
    try {
      const purged = await this.deleted.purgeExpired();
      if (purged > 0) this.logger.info({ purged }, 'erased cuts deleted past their retention');
    } catch (error) {
      this.logger.warn({ err: error }, 'could not purge deleted cuts; trying again in an hour');
    }
  }
}
