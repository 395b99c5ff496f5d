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
    async query<T>(sql: string, params: unknown[] = []) {
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    // Best effort and bounded: DROP DATABASE waits for a checkpoint, which a busy shared server can
    // hold up past a hook's time limit; a database left behind harms no other test (names are random).
    async drop() {
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
