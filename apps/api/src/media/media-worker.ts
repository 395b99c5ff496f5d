import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ProcessingStage } from '@cutroom/contracts';
import { DataSource } from 'typeorm';
import type { Logger } from '../common/logging/logger.js';
import { Metrics } from '../common/metrics/metrics.js';
import { PgListener } from '../database/pg-listener.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken, LoggerToken } from '../config/config.provider.js';
import { JOBS_CHANNEL, type MediaJob, jobQueue, type StageTimes } from './job-queue.js';
import { MediaFailure } from './media-failure.js';
import { VersionPipeline } from './version-pipeline.js';
import { VersionStatusService } from './version-status.js';

const IDLE_POLL_MS = 2000;
const PROGRESS_EVERY_MS = 500;

interface Running {
  job: MediaJob;
  abort: AbortController;
}

/**
 * Takes media jobs from the queue and runs the pipeline, `MEDIA_CONCURRENCY` at a time, renewing
 * each job's lease while it works. A worker that dies stops renewing; another takes the job over.
 */
@Injectable()
export class MediaWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly running = new Map<string, Running>();
  private readonly slots: Promise<void>[] = [];
  private listener: PgListener | undefined;
  private stopping = false;
  private wake: () => void = () => undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly pipeline: VersionPipeline,
    private readonly status: VersionStatusService,
    @Inject(AppConfigToken) private readonly config: AppConfig,
    @Inject(LoggerToken) private readonly logger: Logger,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Woken at once when a job is queued; the idle poll covers any time it cannot listen.
    this.listener = new PgListener({
      url: (this.dataSource.options as { url: string }).url,
      channels: [JOBS_CHANNEL],
      name: 'cutroom-worker',
      logger: this.logger,
      onNotification: () => this.wake(),
    });
    await this.listener
      .start()
      .catch((error) => this.logger.warn({ err: error }, 'media worker polls without LISTEN'));
    for (let slot = 0; slot < this.config.mediaConcurrency; slot++) this.slots.push(this.loop());
    this.logger.info(
      { owner: this.owner, concurrency: this.config.mediaConcurrency },
      'media worker started',
    );
  }

  /** Stops taking jobs, stops running ffmpeg, and hands unfinished jobs back to the queue. */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake();
    for (const { abort } of this.running.values()) abort.abort(new Error('worker shutting down'));
    await Promise.allSettled(this.slots);
    await this.listener?.stop();
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let job: MediaJob | undefined;
      try {
        job = await jobQueue.claim(this.dataSource.manager, this.owner, this.config.mediaJobLeaseSeconds);
      } catch (error) {
        this.logger.error({ err: error }, 'could not claim a media job');
      }
      if (job) await this.run(job);
      else await this.idle();
    }
  }

  /** Waits until a job is announced (NOTIFY) or the poll interval passes. */
  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const previous = this.wake;
      const done = () => {
        clearTimeout(timer);
        this.wake = previous;
        resolve();
      };
      const timer = setTimeout(done, IDLE_POLL_MS);
      this.wake = () => {
        previous();
        done();
      };
    });
  }

  private async run(job: MediaJob): Promise<void> {
    const log = this.logger.child({ versionId: job.versionId, jobId: job.id, attempt: job.attempts });
    const abort = new AbortController();
    this.running.set(job.id, { job, abort });
    const began = performance.now();
    let outcome = 'failed';
    const renew = setInterval(
      () => {
        jobQueue.renew(this.dataSource.manager, job, this.owner, this.config.mediaJobLeaseSeconds).then(
          (mine) => mine || abort.abort(new Error('the job lease was lost')),
          (error) => log.warn({ err: error }, 'could not renew the job lease'),
        );
      },
      (this.config.mediaJobLeaseSeconds * 1000) / 3,
    );
    const stageTimes: StageTimes = { queueWait: Math.round(job.waitedMs) };
    try {
      const startWrite = performance.now();
      const assetId = await this.status.assetOf(job.versionId);
      if (!assetId) {
        await jobQueue.complete(this.dataSource.manager, job, this.owner);
        return;
      }
      await this.status.change(job.versionId, {
        status: 'processing',
        stage: 'probe',
        progress: 0,
        playable: false,
        failureReason: null,
      });
      stageTimes.startWrite = Math.round(performance.now() - startWrite);
      let lastReport = 0;
      let playable = false;
      const started = Date.now();
      const pipelineTimes = await this.pipeline.process(job.versionId, {
        signal: abort.signal,
        log,
        report: (stage: ProcessingStage, percent: number, nowPlayable = playable) => {
          const now = Date.now();
          if (nowPlayable === playable && now - lastReport < PROGRESS_EVERY_MS) return;
          lastReport = now;
          playable = nowPlayable;
          this.status
            .progress(assetId, job.versionId, stage, percent, playable)
            .catch((error) => log.warn({ err: error }, 'could not report progress'));
        },
        markPlayable: () =>
          this.status.change(job.versionId, { status: 'processing', playable: true }).then(() => {
            playable = true;
          }),
      });
      await jobQueue.complete(this.dataSource.manager, job, this.owner, { ...stageTimes, ...pipelineTimes });
      outcome = 'done';
      log.info({ seconds: (Date.now() - started) / 1000 }, 'version processed');
    } catch (error) {
      await this.recordFailure(job, error, abort.signal.aborted, log);
    } finally {
      clearInterval(renew);
      this.running.delete(job.id);
      this.metrics.transcodeSeconds.inc({ outcome }, (performance.now() - began) / 1000);
    }
  }

  private async recordFailure(job: MediaJob, error: unknown, aborted: boolean, log: Logger): Promise<void> {
    try {
      if (aborted && this.stopping) {
        await jobQueue.release(this.dataSource.manager, job, this.owner);
        await this.status.change(job.versionId, {
          status: 'queued',
          stage: null,
          progress: 0,
          playable: false,
        });
        log.info('job handed back: the worker is stopping');
        return;
      }
      const permanent = error instanceof MediaFailure;
      const message = error instanceof Error ? error.message : String(error);
      const final = await jobQueue.fail(this.dataSource.manager, job, this.owner, message, !permanent);
      log.warn({ err: error, final }, permanent ? 'the version cannot be processed' : 'processing failed');
      if (final) {
        const reason = permanent
          ? (error as MediaFailure).reason
          : `Processing failed ${job.attempts} times; the last error was: ${message.split('\n')[0].slice(0, 300)}`;
        await this.status.change(job.versionId, {
          status: 'failed',
          stage: null,
          playable: false,
          failureReason: reason,
        });
      } else {
        await this.status.change(job.versionId, {
          status: 'queued',
          stage: null,
          progress: 0,
          playable: false,
        });
      }
    } catch (bookkeeping) {
      log.error({ err: bookkeeping, cause: error }, 'could not record a media job failure');
    }
  }
}
