import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppContext, CoreModule } from '../app/app.module.js';
import { NestPinoLogger } from '../common/logging/logger.js';
import { MediaRebuildModule } from '../media/media-rebuild.module.js';
import { VersionRebuild } from '../media/version-rebuild.service.js';

@Module({})
class RebuildCommandModule {
  static forRoot(context: AppContext): DynamicModule {
    return { module: RebuildCommandModule, imports: [CoreModule.forRoot(context), MediaRebuildModule] };
  }
}

export interface RebuildContext {
  rebuild: VersionRebuild;
  close(): Promise<void>;
}

/** Queueing versions to be processed again, for a command: no server, no worker. */
export async function openRebuildContext(context: AppContext): Promise<RebuildContext> {
  const app = await NestFactory.createApplicationContext(RebuildCommandModule.forRoot(context), {
    logger: new NestPinoLogger(context.logger),
  });
  return { rebuild: app.get(VersionRebuild), close: () => app.close() };
}
