import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';

// Statement text → its name; only a few fixed texts (the hot path's) ever come here.
const names = new Map<string, string>();

/** The name a statement is prepared under: the same on every connection, one per text. */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    name = `cutroom_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
  }
  return name;
}

/**
 * Runs one statement of the comment path as a named prepared statement, outside any transaction:
 * each pooled connection parses and plans it once and then only binds and runs it, which halves
 * what Postgres spends on the statement (a comment's insert, its event and NOTIFY: ~0.5 ms
 * parsed each time, ~0.2 ms prepared). Only for statements whose text is fixed — values go in
 * parameters — so that each text is one name.
 */
export async function preparedRows<T>(dataSource: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  // TypeORM's pool: the same connections, limits and error handling as every other query.
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  const result = await pool.query({ name: statementName(sql), text: sql, values: params });
  return result.rows as T[];
}

/**
 * Runs `work` in a transaction on one of TypeORM's pooled connections, for prepared statements
 * (statementName) run together: committed when it resolves, rolled back when it throws.
 */
export async function inPooledTransaction<T>(
  dataSource: DataSource,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((failed: Error) => (broken = failed));
    throw error;
  } finally {
    // A connection that could not even roll back is not handed out again.
    client.release(broken);
  }
}
