import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Health, healthSchema } from '@cutroom/contracts';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { readAppVersion } from '../app/workspace.js';
import { Public } from '../common/auth/public.decorator.js';
import { ApiZodResponse } from '../common/validation/zod-route.decorators.js';

const startedAt = Date.now();
const version = readAppVersion();

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** 200 when the database answers, 503 (same body) when it does not: fit for a load balancer. */
  @Get()
  @Public()
  @ApiZodResponse(200, healthSchema, [503])
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const database = await this.probeDatabase();
    if (database.status === 'down') response.status(503);
    return {
      status: database.status === 'up' ? 'ok' : 'degraded',
      database,
      version,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
  }

  private async probeDatabase(): Promise<Health['database']> {
    const started = performance.now();
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      return { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    } catch {
      return { status: 'down' };
    }
  }
}
