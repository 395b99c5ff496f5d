import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type pg from 'pg';
import type { BackupFile, BackupManifest } from './backup-manifest.js';
import type { DumpedRows } from './snapshot-media.js';
import { connect } from './database-client.js';
import { hashingTap, PRIVATE_DIR, PRIVATE_FILE } from './file-hashing.js';

/** Not data: the migrations are recorded by name, the socket.io adapter's rows live for seconds. */
const NOT_DUMPED = new Set(['migrations', 'socket_io_attachments']);
const FETCH_ROWS = 1000;

export type DatabaseDump = BackupManifest['database'] & { files: BackupFile[]; versions: DumpedRows };

/**
 * Dumps every table of the schema in one REPEATABLE READ snapshot: the rows as they were at one
 * instant, while the server goes on writing (nothing is locked beyond what any reader takes).
 * Each table becomes `database/<table>.jsonl.gz`. The `versions` rows are also returned, so the
 * caller copies exactly the originals this snapshot refers to.
 */
export async function dumpDatabase(url: string, backupDir: string): Promise<DatabaseDump> {
  const client = await connect(url, 'cutroom-backup');
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const serverVersion = (await client.query('SHOW server_version')).rows[0].server_version as string;
    const migrations = (await client.query('SELECT name FROM migrations ORDER BY "timestamp", id')).rows.map(
      (row) => row.name as string,
    );
    const tables = (
      await client.query(
        `SELECT c.relname AS name FROM pg_class c
         WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         ORDER BY c.relname`,
      )
    ).rows
      .map((row) => row.name as string)
      .filter((name) => !NOT_DUMPED.has(name));
    await fs.mkdir(path.join(backupDir, 'database'), { recursive: true, mode: PRIVATE_DIR });
    const dumped: BackupManifest['database']['tables'] = [];
    const files: BackupFile[] = [];
    let versions: DumpedRows | undefined;
    for (const table of tables) {
      const columns = await tableColumns(client, table);
      const file = `database/${table}.jsonl.gz`;
      const keep: (string | null)[][] | undefined = table === 'versions' ? [] : undefined;
      let rows = 0;
      const cursor = `dump_${table}`;
      await client.query(
        `DECLARE ${client.escapeIdentifier(cursor)} NO SCROLL CURSOR FOR SELECT ${columns.map((c) => client.escapeIdentifier(c)).join(', ')} FROM ${client.escapeIdentifier(table)}`,
      );
      async function* lines() {
        for (;;) {
          const batch = await client.query({
            text: `FETCH ${FETCH_ROWS} FROM ${client.escapeIdentifier(cursor)}`,
            rowMode: 'array',
          });
          if (batch.rows.length === 0) return;
          rows += batch.rows.length;
          if (keep) keep.push(...(batch.rows as (string | null)[][]));
          yield batch.rows.map((row) => `${JSON.stringify(row)}\n`).join('');
        }
      }
      const tap = hashingTap();
      await pipeline(
        Readable.from(lines()),
        createGzip(),
        tap,
        createWriteStream(path.join(backupDir, file), { flags: 'wx', mode: PRIVATE_FILE }),
      );
      await client.query(`CLOSE ${client.escapeIdentifier(cursor)}`);
      dumped.push({ name: table, file, columns, rows });
      files.push({ path: file, ...tap.result() });
      if (keep) versions = { columns, rows: keep };
    }
    const sequences = (
      await client.query(
        `SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences
         WHERE schemaname = current_schema() AND last_value IS NOT NULL ORDER BY sequencename`,
      )
    ).rows as { name: string; lastValue: string }[];
    await client.query('COMMIT');
    if (!versions) throw new Error('the database has no versions table: is this a Cutroom database?');
    return {
      serverVersion,
      embedded: false,
      migrations,
      tables: dumped,
      sequences: sequences.filter((s) => !s.name.startsWith('socket_io_attachments')),
      files,
      versions,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function tableColumns(client: pg.Client, table: string): Promise<string[]> {
  const result = await client.query(
    `SELECT attname FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
     ORDER BY attnum`,
    [client.escapeIdentifier(table)],
  );
  return result.rows.map((row) => row.attname as string);
}
