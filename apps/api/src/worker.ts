import 'reflect-metadata';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppContext, CoreModule } from './app/app.module.js';
import { createLogger } from './common/logging/logger.js';
import { NestPinoLogger } from './common/logging/logger.js';
import { loadConfigOrExit } from './config/config.js';
import { connectAndMigrate } from './database/data-source.js';
import { MediaWorkerModule } from './media/media-worker.module.js';

@Module({})
class WorkerModule {
  static forRoot(context: AppContext): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(context), MediaWorkerModule] };
  }
}

/**
 * `npm run worker`: a media worker on its own, for another machine. It shares the api's
 * database (DATABASE_URL) and media directory (DATA_DIR on a shared volume).
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.databaseUrl) {
    process.stderr.write(
      'npm run worker needs DATABASE_URL: the database of the api it works for. ' +
        '(`npm start` already runs a worker inside the api.)\n',
    );
    process.exit(78);
  }
  const logger = createLogger(config);
  // A promise nobody awaited failing (a query while the database is away) is logged, not fatal.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  const dataSource = await connectAndMigrate(config.databaseUrl, logger);
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({ config, logger, dataSource }),
    {
      logger: new NestPinoLogger(logger.child({ component: 'nest' })),
    },
  );
  await app.init();
  logger.info({ concurrency: config.mediaConcurrency }, 'media worker is running');
  const stop = async (signal: string) => {
    logger.info({ signal }, 'worker shutting down');
    await app.close();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(
    `The worker could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
