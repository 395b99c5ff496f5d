import { DataSource } from 'typeorm';
import type { Logger } from '../common/logging/logger.js';
import { migrations } from '../../../../migrations/index.js';
import { SessionEntity } from '../auth/session.entity.js';
import { UserEntity } from '../auth/user.entity.js';
import { ProjectMemberEntity } from '../projects/project-member.entity.js';
import { ProjectEntity } from '../projects/project.entity.js';
import { connectionDefaults, connectionError } from './pg-pool.js';
import { NewerSchemaError, schemaState } from './schema-version.js';

export const entities = [UserEntity, SessionEntity, ProjectEntity, ProjectMemberEntity];

/**
 * Schema changes only through migrations: never `synchronize`, nor an extension TypeORM would
 * install on its own (ids come from Postgres's built-in gen_random_uuid()). A connection the
 * database drops is logged and replaced by the pool; a query on it fails with the database's reason.
 */
export function createDataSource(
  url: string,
  logger: Logger,
  /** A restore builds the schema its backup had: the first of these, by name. */
  only?: readonly string[],
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations: only ? migrations.filter((migration) => only.includes(migration.name)) : migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    installExtensions: false,
    extra: { max: 20, application_name: 'cutroom', ...connectionDefaults },
    poolErrorHandler: (error: unknown) =>
      logger.warn({ pool: 'cutroom', ...connectionError(error) }, 'lost an idle database connection'),
  });
}

// Any fixed number: every Cutroom process agrees on it, so only one migrates at a time.
const MIGRATION_LOCK = 7_140_236_101;

/**
 * Runs `work` holding a cluster-wide advisory lock, so several api nodes or workers starting
 * together do not apply the same migration twice.
 */
export async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

/** This build's migrations, oldest first, by name. */
export const migrationNames: readonly string[] = migrations.map((migration) => migration.name);

/** The database's applied migrations against this build's (none applied on a fresh database). */
export async function readSchemaState(dataSource: DataSource): Promise<ReturnType<typeof schemaState>> {
  const [{ exists }] = await dataSource.query(`SELECT to_regclass('migrations') IS NOT NULL AS exists`);
  const applied: { name: string }[] = exists
    ? await dataSource.query('SELECT name FROM migrations ORDER BY "timestamp", id')
    : [];
  return schemaState(
    applied.map((row) => row.name),
    dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name),
  );
}

/**
 * Connects and applies every pending migration, each in its own transaction. A database that a
 * newer build already migrated is refused: this build's code would misread its tables.
 */
export async function connectAndMigrate(url: string, logger: Logger): Promise<DataSource> {
  const dataSource = createDataSource(url, logger);
  await dataSource.initialize();
  try {
    await withMigrationLock(dataSource, async () => {
      const { unknown } = await readSchemaState(dataSource);
      if (unknown.length > 0) throw new NewerSchemaError(unknown);
      await dataSource.runMigrations({ transaction: 'each' });
    });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
