import { createReadStream } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { DumpedRows } from './snapshot-media.js';

type Row = (string | null)[];

/** The rows of one `database/<table>.jsonl.gz`, each checked to have a value for every column. */
export async function* dumpedRows(file: string, columns: readonly string[]): AsyncGenerator<Row> {
  const lines = readline.createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (!line) continue;
    const row = JSON.parse(line) as unknown;
    if (!Array.isArray(row) || row.length !== columns.length)
      throw new Error(
        `${path.basename(file)}: a row has ${Array.isArray(row) ? row.length : 0} values for ${columns.length} columns.`,
      );
    if (!row.every((value) => value === null || typeof value === 'string'))
      throw new Error(`${path.basename(file)}: a row holds a value that is neither text nor null.`);
    yield row as Row;
  }
}

/** A whole dumped table in memory: for the small ones a restore checks before loading. */
export async function readDumpedRows(file: string, columns: readonly string[]): Promise<DumpedRows> {
  const rows: Row[] = [];
  for await (const row of dumpedRows(file, columns)) rows.push(row);
  return { columns, rows };
}
