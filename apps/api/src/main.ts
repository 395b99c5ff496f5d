import 'reflect-metadata';
import { createLogger } from './common/logging/logger.js';
import { loadConfigOrExit } from './config/config.js';
import { openDatabaseServer } from './database/open-database.js';

/** Start: config → database → migrations → app. Stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config);
  // A promise nobody awaited failing (a query while the database is away) is logged, not fatal.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  const server = await openDatabaseServer(config, logger);
  // Loaded once the database is ours: a second server on the same DATA_DIR is refused in a blink.
  const [{ connectAndMigrate }, { createApp }] = await Promise.all([
    import('./database/data-source.js'),
    import('./app/create-app.js'),
  ]);
  const dataSource = await connectAndMigrate(server.url, logger);
  const app = await createApp({ config, logger, dataSource });
  await app.listen(config.port, config.host);
  logger.info(
    { url: config.publicUrl, port: config.port, embeddedDatabase: server.embedded },
    'Cutroom is listening',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    await app.close().catch((error) => logger.error({ err: error }, 'closing the app failed'));
    await dataSource.destroy().catch((error) => logger.error({ err: error }, 'closing the pool failed'));
    await server.stop().catch((error) => logger.error({ err: error }, 'stopping Postgres failed'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(
    `Cutroom could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  if (error instanceof Error && error.cause) process.stderr.write(`Cause: ${String(error.cause)}\n`);
  process.exit(1);
});
