import 'reflect-metadata';
import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
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
  // Handled from the start: work begins while the app initialises (the purge of deleted cuts), and
  // a stop then must let it finish rather than cut it between the database and the files.
  const opened: { dataSource?: DataSource; app?: INestApplicationContext } = {};
  let initialised: Promise<unknown> = Promise.resolve();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker shutting down');
    await initialised.catch(() => undefined);
    await opened.app?.close();
    if (opened.dataSource?.isInitialized) await opened.dataSource.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  opened.dataSource = await connectAndMigrate(config.databaseUrl, logger);
  if (stopping) return;
  opened.app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({ config, logger, dataSource: opened.dataSource }),
    {
      logger: new NestPinoLogger(logger.child({ component: 'nest' })),
    },
  );
  if (stopping) return;
  initialised = opened.app.init();
  await initialised;
  if (stopping) return;
  logger.info({ concurrency: config.mediaConcurrency }, 'media worker is running');
}

main().catch((error) => {
  process.stderr.write(
    `The worker could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
