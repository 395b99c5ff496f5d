import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, type OnModuleInit, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/public.decorator.js';
import { Metrics } from '../common/metrics/metrics.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken } from '../config/config.provider.js';
import { HealthErrorCode, HealthException } from './health.exception.js';
import { probeDatabase } from './probes.js';

/** The pg pool under TypeORM's Postgres driver: its counts are what "pool use" means. */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

@ApiTags('health')
@Controller('metrics')
export class MetricsController implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly dataSource: DataSource,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge(
      'cutroom_database_up',
      '1 when Postgres answers a query within 2 s, else 0',
      async () => ((await probeDatabase(this.dataSource)).status === 'up' ? 1 : 0),
    );
    this.metrics.gauge(
      'cutroom_database_pool_connections',
      "Connections of this process's main database pool: open (total), idle, and requests waiting for one",
      () => {
        const pool = (this.dataSource.driver as unknown as { master?: PoolCounts }).master;
        if (!pool) return [];
        return [
          { labels: { state: 'total' }, value: pool.totalCount },
          { labels: { state: 'idle' }, value: pool.idleCount },
          { labels: { state: 'waiting' }, value: pool.waitingCount },
        ];
      },
      ['state'],
    );
  }

  /**
   * Prometheus text for a scraper holding METRICS_TOKEN (as a bearer token); 404 for everyone
   * while the token is not set. Not part of the API: it describes this process, not the data.
   */
  @Get()
  @Public()
  @ApiExcludeEndpoint()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const token = this.config.metricsToken;
    if (token === undefined)
      throw new HealthException(
        HealthErrorCode.MetricsOff,
        'Metrics are off: set METRICS_TOKEN to turn them on.',
      );
    if (!bearerMatches(authorization, token))
      throw new HealthException(
        HealthErrorCode.MetricsTokenWrong,
        'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".',
      );
    const { contentType, body } = await this.metrics.text();
    response.setHeader('Content-Type', contentType);
    response.setHeader('Cache-Control', 'no-store');
    response.send(body);
  }
}

/** Compared in constant time, so the token cannot be guessed a character at a time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
