import 'reflect-metadata';
import { createLogger } from '../src/common/logging/logger.js';
import { createDataSource } from '../src/database/data-source.js';
import { runBuilt } from './support/api-process.js';
import { emptySchema, readSchema } from './support/schema-snapshot.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

// A dozen migrations each way, twice through the built CLI, on a busy machine.
const ROUND_TRIP_MS = 180_000;

const allRelations = [
  'activity_cursors',
  'addressed_comments',
  'approver_list_members',
  'approver_lists',
  'asset_grants',
  'assets',
  'comment_reactions',
  'comments',
  'decisions',
  'events',
  'invitations',
  'live_session_log',
  'live_session_participants',
  'live_sessions',
  'media_jobs',
  'notification_settings',
  'notifications',
  'project_members',
  'projects',
  'rate_limit_counters',
  'review_link_assets',
  'review_links',
  'round_due_dates',
  'round_reminders_sent',
  'sessions',
  'socket_io_attachments',
  'users',
  'versions',
];

describe('migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it(
    'all up, all down to nothing of ours, all up again: the same schema, object for object',
    async () => {
      const env = { DATABASE_URL: db.url };
      const migrate = await runBuilt('migrate', [], env);
      expect(migrate.output).toContain('applied');
      expect(migrate.code).toBe(0);
      const first = await readSchema(db);
      expect(first.relations.map((line) => line.split(' ')[0])).toEqual(allRelations);
      expect(first.functions.map((line) => line.split('(')[0])).toEqual([
        'asset_grant',
        'decisions_append_only',
      ]);
      expect(first.triggers).toHaveLength(1);
      expect(first.views).toHaveLength(1);

      // The newest through the CLI, as an operator would; the rest in this process.
      const [{ count }] = await db.query<{ count: string }>('SELECT count(*) FROM migrations');
      expect(Number(count)).toBeGreaterThan(1);
      const reverted = await runBuilt('migrate', ['--revert'], env);
      expect(reverted.code).toBe(0);
      const dataSource = createDataSource(db.url, createLogger({ logLevel: 'warn' }));
      await dataSource.initialize();
      try {
        for (let i = 1; i < Number(count); i++) await dataSource.undoLastMigration({ transaction: 'each' });
      } finally {
        await dataSource.destroy();
      }
      expect(await db.query('SELECT name FROM migrations')).toEqual([]);
      expect(await readSchema(db)).toEqual(emptySchema);

      expect((await runBuilt('migrate', [], env)).code).toBe(0);
      expect(await readSchema(db)).toEqual(first);
    },
    ROUND_TRIP_MS,
  );
});
