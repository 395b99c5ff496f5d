import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  url: string;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Integration tests need DATABASE_URL: run them with `npm run test:integration`.');
  return url;
}

const LOCK_WAIT = '20s';
const LOCK_NOT_AVAILABLE = '55P03';

/** Who else is on the client's database and what each is doing: what a statement waited on. */
async function openSessions(client: Client): Promise<string> {
  const { rows } = await client.query<Record<string, unknown>>(
    `SELECT pid, application_name, state, wait_event_type, wait_event,
            round(extract(epoch FROM now() - xact_start)) AS transaction_seconds, left(query, 200) AS query
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return rows.map((row) => JSON.stringify(row)).join('\n') || 'no other session';
}

/** A fresh, empty database on the test server, so every test file is isolated. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `cutroom_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  // A test's commits need not wait for the disk (on a shared server with a slow disk that wait is
  // what pushes tests past their time limit); a crash of the test server loses nothing anyone keeps.
  await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // A test's own statement (a constraint added to make the server fail, say) never waits long on
    // a lock: it fails, naming what else was open on the database, instead of holding up every test
    // after it behind its place in the lock queue.
    async query<T>(sql: string, params: unknown[] = []) {
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        await client.query(`SET lock_timeout = '${LOCK_WAIT}'`);
        return (await client.query(sql, params)).rows as T[];
      } catch (error) {
        if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
        throw new Error(
          `${(error as Error).message} after ${LOCK_WAIT}: ${sql}\n${await openSessions(client)}`,
          {
            cause: error,
          },
        );
      } finally {
        await client.end();
      }
    },
    // Best effort and bounded: DROP DATABASE waits for a checkpoint, which a busy shared server can
    // hold up past a hook's time limit; a database left behind harms no other test (names are random).
    async drop() {
      // The whole cluster is deleted after the run (scripts/test-integration.mjs).
      if (process.env.CUTROOM_TEST_CLUSTER_THROWAWAY === '1') return;
      const client = new Client({
        connectionString: adminUrl(),
        connectionTimeoutMillis: 10_000,
        query_timeout: 20_000,
      });
      try {
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } catch (error) {
        console.warn(`test database ${name} was not dropped: ${(error as Error).message}`);
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}
