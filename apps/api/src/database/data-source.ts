import { DataSource } from 'typeorm';
import { migrations } from '../../../../migrations/index.js';
import { SessionEntity } from '../auth/session.entity.js';
import { UserEntity } from '../auth/user.entity.js';
import { ProjectMemberEntity } from '../projects/project-member.entity.js';
import { ProjectEntity } from '../projects/project.entity.js';

export const entities = [UserEntity, SessionEntity, ProjectEntity, ProjectMemberEntity];

/** Schema changes only through migrations: never `synchronize`. */
export function createDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: 20, application_name: 'cutroom' },
  });
}

/** Connects and applies every pending migration, each in its own transaction. */
export async function connectAndMigrate(url: string): Promise<DataSource> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
