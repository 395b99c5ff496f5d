import path from 'node:path';
import type pg from 'pg';
import type { BackupManifest } from './backup-manifest.js';
import { connect } from './database-client.js';
import { dumpedRows } from './dump-rows.js';

type DumpedTable = BackupManifest['database']['tables'][number];

/** Whether the database holds no table, view or sequence of its own yet. */
export async function isEmptyDatabase(url: string): Promise<boolean> {
  const client = await connect(url, 'cutroom-restore');
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_class
       WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
    );
    return rows[0].n === '0' || rows[0].n === 0;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Loads a dump into a database whose schema the backup's migrations just created, in one
 * transaction: foreign keys are dropped for the load and added back after it (so rows load in
 * any order, and every reference is checked once at the end, as pg_dump's restores do), then
 * each sequence is set where the backup found it. Returns the rows loaded per table.
 */
export async function loadDatabase(
  url: string,
  backupDir: string,
  database: BackupManifest['database'],
): Promise<Record<string, number>> {
  const client = await connect(url, 'cutroom-restore');
  const loaded: Record<string, number> = {};
  try {
    await client.query('BEGIN');
    const foreignKeys = (
      await client.query(
        `SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace
         ORDER BY conrelid::regclass::text, conname`,
      )
    ).rows as { table: string; name: string; definition: string }[];
    for (const fk of foreignKeys)
      await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${client.escapeIdentifier(fk.name)}`);
    for (const table of database.tables) {
      loaded[table.name] = await loadTable(client, path.join(backupDir, table.file), table);
      if (loaded[table.name] !== table.rows)
        throw new Error(`${table.file} holds ${loaded[table.name]} rows; the manifest says ${table.rows}.`);
    }
    for (const fk of foreignKeys)
      await client.query(
        `ALTER TABLE ${fk.table} ADD CONSTRAINT ${client.escapeIdentifier(fk.name)} ${fk.definition}`,
      );
    for (const sequence of database.sequences)
      await client.query('SELECT setval($1::regclass, $2::bigint, true)', [
        client.escapeIdentifier(sequence.name),
        sequence.lastValue,
      ]);
    await client.query('COMMIT');
    return loaded;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function loadTable(client: pg.Client, file: string, table: DumpedTable): Promise<number> {
  const { columns } = table;
  // Postgres takes at most 65535 parameters in one statement.
  const perInsert = Math.max(1, Math.min(500, Math.floor(60_000 / columns.length)));
  const head = `INSERT INTO ${client.escapeIdentifier(table.name)} (${columns.map((c) => client.escapeIdentifier(c)).join(', ')}) OVERRIDING SYSTEM VALUE VALUES `;
  let batch: unknown[][] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch
      .map((_, r) => `(${columns.map((_c, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
      .join(', ');
    await client.query(head + values, batch.flat());
    count += batch.length;
    batch = [];
  };
  for await (const row of dumpedRows(file, columns)) {
    batch.push(row);
    if (batch.length >= perInsert) await flush();
  }
  await flush();
  return count;
}

/**
 * What does not fit between the backup's tables and the schema its migrations just built: a
 * table or column the schema lacks (or computes itself), one line each. Empty: every row has a place.
 */
export async function schemaProblems(url: string, tables: readonly DumpedTable[]): Promise<string[]> {
  const client = await connect(url, 'cutroom-restore');
  try {
    const { rows } = await client.query(
      `SELECT c.relname AS "table", a.attname AS "column"
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
       WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
         AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''`,
    );
    const columns = new Map<string, Set<string>>();
    for (const row of rows as { table: string; column: string }[])
      columns.set(row.table, (columns.get(row.table) ?? new Set()).add(row.column));
    const problems: string[] = [];
    for (const table of tables) {
      const known = columns.get(table.name);
      if (!known) {
        problems.push(`table ${table.name}: not in the schema the backup's migrations build`);
        continue;
      }
      const unknown = table.columns.filter((column) => !known.has(column));
      if (unknown.length > 0)
        problems.push(`table ${table.name}: no column ${unknown.join(', ')} in the schema`);
    }
    return problems;
  } finally {
    await client.end().catch(() => undefined);
  }
}
