import 'reflect-metadata';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createLogger } from '../common/logging/logger.js';
import { formatBytes } from '../common/text/format-bytes.js';
import { type AppConfig, loadConfigOrExit } from '../config/config.js';
import { readAppVersion } from '../config/workspace.js';
import { copyOriginals, copyRenditions, copySecrets, copyUploads } from './backup-files.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupManifest,
  MANIFEST_FILE,
} from './backup-manifest.js';
import { failAndExit, say } from './cli.js';
import { dumpDatabase } from './database-dump.js';
import { isEmptyOrMissing, PRIVATE_DIR, PRIVATE_FILE } from './file-hashing.js';
import { type InstanceDatabase, openInstanceDatabase } from './instance-database.js';
import { claimEmptyFolder } from './owned-folder.js';
import { originalsClaimed, uploadsInProgress } from './snapshot-media.js';

const USAGE = 'Usage: npm run backup -- <empty or new folder> [--with-renditions]';

/**
 * `npm run backup -- <dir> [--with-renditions]`: a consistent backup of a running (or stopped)
 * Cutroom, configured by the same environment as `npm start`. The database first, in one
 * snapshot; then exactly the originals that snapshot claims are whole, each checked against the
 * sha256 its row recorded at upload; the server secret; renditions only when asked (a restore
 * queues them to be made again). Uploads go on meanwhile: one not yet whole is not in the
 * snapshot's claims. The folder and every file in it are readable by this user only; a backup
 * that fails removes what it wrote.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const withRenditions = args.includes('--with-renditions');
  const rest = args.filter((arg) => arg !== '--with-renditions');
  if (rest.length !== 1 || rest[0].startsWith('-')) failAndExit(USAGE, 64);
  const out = path.resolve(rest[0]);
  if (!(await isEmptyOrMissing(out)))
    failAndExit(
      `${out} is not empty: back up into a new or empty folder, so no older file is taken for part of this backup.`,
    );

  const config = loadConfigOrExit();
  const logger = createLogger({ logLevel: 'warn' });
  const database = await openInstanceDatabase(config, logger);
  const folder = await claimEmptyFolder(out, PRIVATE_DIR).catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });
  try {
    await backUp(config, database, out, withRenditions);
  } catch (error) {
    await folder.undo();
    throw error;
  }
}

async function backUp(
  config: AppConfig,
  database: InstanceDatabase,
  out: string,
  withRenditions: boolean,
): Promise<void> {
  const started = performance.now();
  let dump: Awaited<ReturnType<typeof dumpDatabase>>;
  try {
    say(`Backing up the database (${database.how}) …`);
    dump = await dumpDatabase(database.url, out);
  } finally {
    await database.stop();
  }
  const rows = dump.tables.reduce((sum, table) => sum + table.rows, 0);
  say(
    `  ${rows} rows in ${dump.tables.length} tables, Postgres ${dump.serverVersion}, in ${seconds(performance.now() - started)}`,
  );

  const claimed = originalsClaimed(dump.versions);
  say(`Copying ${claimed.length} originals, the uploads under way and the server secret …`);
  const originals = await copyOriginals(config.dataDir, out, claimed);
  const uploads = await copyUploads(config.dataDir, out, uploadsInProgress(dump.versions));
  const secrets = await copySecrets(config.dataDir, out);
  let renditions: typeof uploads = [];
  if (withRenditions) {
    say('Copying renditions …');
    const kept = claimed.map((o) => o.versionId).filter((id) => !originals.erased.includes(id));
    renditions = await copyRenditions(config.dataDir, out, kept);
  }

  const files = [...dump.files, ...originals.files, ...uploads, ...secrets, ...renditions];
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    appVersion: readAppVersion(),
    database: {
      serverVersion: dump.serverVersion,
      embedded: database.embedded,
      migrations: dump.migrations,
      tables: dump.tables,
      sequences: dump.sequences,
    },
    media: {
      withRenditions,
      originals: originals.files.length,
      erased: originals.erased,
      uploadsInProgress: uploads.length / 2,
    },
    secrets: { from: 'DATA_DIR/secrets', files: secrets.length },
    files,
  };
  // Written last, by rename: a folder with a manifest is a finished backup.
  const partial = path.join(out, `${MANIFEST_FILE}.partial`);
  await fs.writeFile(partial, `${JSON.stringify(manifest, null, 1)}\n`, { mode: PRIVATE_FILE });
  await fs.rename(partial, path.join(out, MANIFEST_FILE));

  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  for (const versionId of originals.erased)
    say(`  version ${versionId} was deleted after the snapshot; its original is not in the backup`);
  say(
    `Backup written to ${out}: ${files.length} files, ${formatBytes(bytes)}, ${manifest.media.uploadsInProgress} upload(s) under way` +
      `${withRenditions ? `, renditions included (${renditions.length} files)` : ', without renditions (a restore queues them to be made again from the originals)'}` +
      `${secrets.length > 0 ? ', the server secret included: keep this folder private' : ''}, in ${seconds(performance.now() - started)}.`,
  );
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

main().catch((error) =>
  failAndExit(`The backup failed: ${error instanceof Error ? error.message : String(error)}`),
);
