import path from 'node:path';
import type { AppConfig } from '../config/config.js';
import type { Logger } from '../common/logging/logger.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface DatabaseServer {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The configured Postgres, or the embedded one under DATA_DIR/postgres when none is configured. */
export async function openDatabaseServer(
  config: AppConfig,
  logger: Logger,
  options: { callerHandlesSignals?: boolean } = {},
): Promise<DatabaseServer> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const handle = await startEmbeddedPostgres({
    clusterDir: path.join(config.dataDir, 'postgres'),
    port: config.embeddedPostgresPort,
    logger,
    callerHandlesSignals: options.callerHandlesSignals,
  });
  return { url: handle.url, embedded: true, stop: handle.stop };
}
