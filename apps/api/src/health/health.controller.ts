import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Health, healthSchema, type Readiness, readinessSchema } from '@cutroom/contracts';
import type { Response } from 'express';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/public.decorator.js';
import { ApiZodResponse } from '../common/validation/zod-route.decorators.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken } from '../config/config.provider.js';
import { Drain } from '../common/lifecycle/drain.js';
import { readAppVersion } from '../config/workspace.js';
import { probeDatabase, probeMigrations, probeStorage } from './probes.js';

const startedAt = Date.now();
const version = readAppVersion();

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AppConfigToken) private readonly config: AppConfig,
    private readonly drain: Drain,
  ) {}

  /**
   * Liveness: 200 when the database answers, 503 (same body) when it does not; the process
   * itself answering is the point. Fit for a load balancer's health check.
   */
  @Get('health')
  @Public()
  @ApiZodResponse(200, healthSchema, [503])
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const database = await probeDatabase(this.dataSource);
    if (database.status === 'down') response.status(503);
    return {
      status: database.status === 'up' ? 'ok' : 'degraded',
      database,
      version,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
  }

  /**
   * Readiness: 200 only when this process can do its work — the database answers, every
   * migration of this build is applied, and the media folder takes a file; else 503 with the
   * check that failed and why.
   */
  @Get('ready')
  @Public()
  @ApiZodResponse(200, readinessSchema, [503])
  async ready(@Res({ passthrough: true }) response: Response): Promise<Readiness> {
    const [database, storage] = await Promise.all([
      probeDatabase(this.dataSource),
      probeStorage([path.join(this.config.dataDir, 'media')]),
    ]);
    const checks: Readiness['checks'] = {
      database:
        database.status === 'up' ? { ok: true } : { ok: false, reason: 'the database does not answer' },
      migrations:
        database.status === 'up'
          ? await probeMigrations(this.dataSource)
          : { ok: false, reason: 'unknown while the database does not answer' },
      storage,
    };
    const ready = Object.values(checks).every((check) => check.ok) && !this.drain.active;
    if (!ready) response.status(503);
    return { status: this.drain.active ? 'draining' : ready ? 'ready' : 'not_ready', checks };
  }
}
