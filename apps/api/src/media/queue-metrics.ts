import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Metrics } from '../common/metrics/metrics.js';
import { jobQueue } from './job-queue.js';

/** The media job queue as every api process sees it: depth by state and the oldest wait. */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    // One query per scrape, shared by both gauges.
    let reading: ReturnType<typeof jobQueue.stats> | undefined;
    const stats = () => {
      reading ??= jobQueue.stats(this.dataSource.manager).finally(() => {
        reading = undefined;
      });
      return reading;
    };
    this.metrics.gauge(
      'cutroom_media_jobs',
      'Media jobs by state: queued (waiting for a worker) and running',
      async () => {
        const { queued, running } = await stats();
        return [
          { labels: { state: 'queued' }, value: queued },
          { labels: { state: 'running' }, value: running },
        ];
      },
      ['state'],
    );
    this.metrics.gauge(
      'cutroom_media_job_oldest_queued_seconds',
      'How long the oldest queued media job has waited (0 when none waits)',
      async () => (await stats()).oldestQueuedSeconds,
    );
  }
}
