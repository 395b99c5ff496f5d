import 'reflect-metadata';
import { createLogger } from './common/logging/logger.js';
import { ConfigError, loadConfig } from './config/config.js';
import { DataDirInUseError } from './database/data-dir-lock.js';
import { createDataSource, readSchemaState, withMigrationLock } from './database/data-source.js';
import { NewerSchemaError } from './database/schema-version.js';
import { openDatabaseServer } from './database/open-database.js';

/** `npm run migrate [-- --revert]`: apply pending migrations, or revert the newest one. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config);
  const server = await openDatabaseServer(config, logger);
  const dataSource = createDataSource(server.url, logger);
  await dataSource.initialize();
  try {
    await withMigrationLock(dataSource, async () => {
      const { unknown } = await readSchemaState(dataSource);
      if (unknown.length > 0) throw new NewerSchemaError(unknown);
      if (process.argv.includes('--revert')) {
        await dataSource.undoLastMigration({ transaction: 'each' });
        logger.info('reverted the newest migration');
      } else {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        logger.info({ applied: applied.map((m) => m.name) }, `applied ${applied.length} migration(s)`);
      }
    });
  } finally {
    await dataSource.destroy();
    await server.stop();
  }
}

main().catch((error) => {
  process.stderr.write(
    `${error instanceof ConfigError || error instanceof DataDirInUseError || error instanceof NewerSchemaError ? error.message : error instanceof Error ? error.stack : error}\n`,
  );
  process.exit(1);
});
