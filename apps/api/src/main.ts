import 'reflect-metadata';
import v8 from 'node:v8';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { createLogger, type Logger } from './common/logging/logger.js';
import { type AppConfig, loadConfigOrExit } from './config/config.js';
import { type DatabaseServer, openDatabaseServer } from './database/open-database.js';

// Node hands over every 64 KiB of a request body in a Buffer of its own: a 1 GiB upload allocates
// 1 GiB of ArrayBuffers. V8 frees dead ones on a background thread; on a busy machine that thread
// falls behind, V8 then sees its external memory stay over the limit and runs a full collection of
// the whole heap every 64 MB received, and some uploads cost three times the CPU (npm run
// bench:upload). Freeing them during the young-generation collection keeps that cheap and steady.
v8.setFlagsFromString('--no-concurrent-array-buffer-sweeping');

/**
 * Start: config → database → migrations → app. SIGINT/SIGTERM stop it cleanly at any point: once
 * listening, after draining; before, by closing what has been opened so far.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config);
  // A promise nobody awaited failing (a query while the database is away) is logged, not fatal.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

  const opened: { server?: DatabaseServer; dataSource?: DataSource; app?: NestExpressApplication } = {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), config.drainDelayMs + config.drainMs + 20_000);
    force.unref();
    const { server, dataSource, app } = opened;
    if (app) {
      await drain(app, config, logger);
      await app.close().catch((error) => logger.error({ err: error }, 'closing the app failed'));
    }
    if (dataSource?.isInitialized)
      await dataSource.destroy().catch((error) => logger.error({ err: error }, 'closing the pool failed'));
    await server?.stop().catch((error) => logger.error({ err: error }, 'stopping Postgres failed'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  opened.server = await openDatabaseServer(config, logger, { callerHandlesSignals: true });
  if (stopping) return;
  // Loaded once the database is ours: a second server on the same DATA_DIR is refused in a blink.
  const [{ connectAndMigrate }, { createApp }] = await Promise.all([
    import('./database/data-source.js'),
    import('./app/create-app.js'),
  ]);
  opened.dataSource = await connectAndMigrate(opened.server.url, logger);
  if (stopping) return;
  const app = await createApp({ config, logger, dataSource: opened.dataSource });
  if (stopping) return;
  await app.listen(config.port, config.host);
  opened.app = app;
  logger.info(
    { url: config.publicUrl, port: config.port, embeddedDatabase: opened.server.embedded },
    'Cutroom is listening',
  );
}

/**
 * Stops taking work and lets what is under way finish. Readiness turns to "draining" first, and
 * for `drainDelayMs` the process still serves new connections, so a balancer that checks
 * readiness takes it out before it stops listening (a connection the kernel had queued when the
 * listener closes would be reset). Then: no new connections (the balancer sends them to another
 * process), sockets told to reconnect (elsewhere), kept-alive connections closed after their next
 * answer, and requests and upload chunks in flight given up to `drainMs`. What then remains is
 * cut; the media worker hands its jobs back as the app closes.
 */
async function drain(app: NestExpressApplication, config: AppConfig, logger: Logger): Promise<void> {
  const { Drain } = await import('./common/lifecycle/drain.js');
  const requests = app.get(Drain);
  const http = app.getHttpServer() as import('node:http').Server;
  requests.announce();
  if (config.drainDelayMs > 0) {
    logger.info({ delayMs: config.drainDelayMs }, 'not ready: still listening while balancers notice');
    await new Promise((resolve) => setTimeout(resolve, config.drainDelayMs));
  }
  http.close();
  requests.start();
  http.closeIdleConnections();
  const finished = await requests.requestsDone(config.drainMs);
  logger.info({ finished, cut: requests.requestsInFlight }, finished ? 'drained' : 'drain time is up');
  http.closeAllConnections();
}

main().catch((error) => {
  process.stderr.write(
    `Cutroom could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  if (error instanceof Error && error.cause) process.stderr.write(`Cause: ${String(error.cause)}\n`);
  process.exit(1);
});
