import 'reflect-metadata';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createLogger, type Logger } from '../common/logging/logger.js';
import { type AppConfig, loadConfigOrExit } from '../config/config.js';
import { createDataSource, migrationNames } from '../database/data-source.js';
import { type DatabaseServer, openDatabaseServer } from '../database/open-database.js';
import { formatBytes } from '../common/text/format-bytes.js';
import { backupProblems } from './backup-checks.js';
import {
  type BackupManifest,
  MANIFEST_FILE,
  migrationProblem,
  parseManifest,
  restoreTarget,
} from './backup-manifest.js';
import { failAndExit, say } from './cli.js';
import { isEmptyDatabase, loadDatabase, schemaProblems } from './database-load.js';
import { copyHashing, isEmptyOrMissing, PRIVATE_DIR } from './file-hashing.js';
import { claimEmptyFolder } from './owned-folder.js';
import { queueMissingRenditions } from './restore-rebuild.js';

const USAGE = 'Usage: npm run restore -- <backup folder>';

/**
 * `npm run restore -- <dir>`: puts a backup into the empty DATA_DIR (and the empty database of
 * DATABASE_URL, or a new embedded one) that the environment names. Every file is checked against
 * the manifest (and each original against its version's sha256) before anything is written, and
 * every copied file again as it is copied. A restore that fails takes back what it wrote.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0].startsWith('-')) failAndExit(USAGE, 64);
  const from = path.resolve(args[0]);
  const started = performance.now();
  const manifestText = await fs.readFile(path.join(from, MANIFEST_FILE), 'utf8').catch(() => undefined);
  if (manifestText === undefined)
    failAndExit(`${from} has no ${MANIFEST_FILE}: it is not a backup, or its backup did not finish.`);
  const manifest = parseManifest(manifestText);
  const migrations = migrationProblem(manifest.database.migrations, migrationNames);
  if (migrations) failAndExit(migrations);

  const config = loadConfigOrExit();
  if (!(await isEmptyOrMissing(config.dataDir)))
    failAndExit(
      `DATA_DIR ${config.dataDir} is not empty: a restore goes into an empty folder, so it never mixes with or overwrites a live instance. Point DATA_DIR at a new folder.`,
    );

  say(`Checking the ${manifest.files.length} files of the backup …`);
  const problems = await backupProblems(from, manifest);
  if (problems.length > 0)
    failAndExit(
      `The backup is damaged; nothing was restored:\n${problems
        .slice(0, 20)
        .map((p) => `  - ${p}`)
        .join('\n')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`,
    );
  const verifiedMs = performance.now() - started;
  if (config.databaseUrl && !(await isEmptyDatabase(config.databaseUrl)))
    failAndExit(
      'The database of DATABASE_URL is not empty: a restore goes into an empty database. Create a new one (CREATE DATABASE …) and point DATABASE_URL at it.',
    );

  const logger = createLogger({ logLevel: 'warn' });
  const dataDir = await claimEmptyFolder(config.dataDir);
  let server: DatabaseServer | undefined;
  let schemaWritten = false;
  try {
    server = await openDatabaseServer(config, logger);
    say(`Restoring the database (${manifest.database.migrations.length} migrations) …`);
    schemaWritten = true;
    const rows = await restoreDatabase(server.url, from, manifest, logger);
    say(`  ${rows} rows in ${manifest.database.tables.length} tables`);
    say('Restoring media and secrets …');
    const copied = await restoreFiles(from, manifest, config.dataDir);
    const queued = await queueMissingRenditions(server.url, config, logger);
    await server.stop();
    server = undefined;
    say(
      `Restored ${from} into ${config.dataDir}${config.databaseUrl ? ' and DATABASE_URL' : ' (embedded Postgres)'}: ` +
        `every checksum verified (${manifest.files.length} files; checked in ${seconds(verifiedMs)}), ` +
        `${copied.files} media and secret files, ${formatBytes(copied.bytes)}, in ${seconds(performance.now() - started)}.`,
    );
    report(manifest, queued);
  } catch (error) {
    await server?.stop().catch(() => undefined);
    await dataDir.undo();
    failAndExit(
      `The restore failed: ${error instanceof Error ? error.message : String(error)}\n${leftBehind(config, schemaWritten)}`,
    );
  }
}

/** The schema the backup had, its rows checked to fit it and loaded in one transaction. */
async function restoreDatabase(
  url: string,
  from: string,
  manifest: BackupManifest,
  logger: Logger,
): Promise<number> {
  const dataSource = createDataSource(url, logger, manifest.database.migrations);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  const misfits = await schemaProblems(url, manifest.database.tables);
  if (misfits.length > 0)
    throw new Error(
      `the backup's tables do not fit the schema its migrations build, so it is damaged:\n${misfits.map((p) => `  - ${p}`).join('\n')}`,
    );
  const loaded = await loadDatabase(url, from, manifest.database);
  return Object.values(loaded).reduce((sum, n) => sum + n, 0);
}

/** Media and secrets into DATA_DIR, readable by this user only, each checked as it is copied. */
async function restoreFiles(
  from: string,
  manifest: BackupManifest,
  dataDir: string,
): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const file of manifest.files) {
    const target = restoreTarget(file.path);
    if (!target) continue;
    const copied = await copyHashing(path.join(from, file.path), path.join(dataDir, target));
    if (copied.sha256 !== file.sha256 || copied.bytes !== file.bytes)
      throw new Error(`${file.path} changed while it was being restored: it no longer matches the manifest.`);
    files++;
    bytes += copied.bytes;
  }
  await fs.mkdir(path.join(dataDir, 'media', 'uploads'), { recursive: true, mode: PRIVATE_DIR });
  return { files, bytes };
}

/** What a failed restore leaves, and what to do before trying again. */
function leftBehind(config: AppConfig, schemaWritten: boolean): string {
  const folder = `DATA_DIR ${config.dataDir} holds nothing of it again.`;
  if (!config.databaseUrl || !schemaWritten)
    return `Nothing usable was restored, and nothing was left: ${folder}`;
  const url = new URL(config.databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1)) || '(the default database)';
  return (
    `Nothing usable was restored. ${folder} The database of DATABASE_URL (${name} on ${url.host}) holds a ` +
    `partial schema: drop it and create it again (DROP DATABASE "${name}"; CREATE DATABASE "${name}";) before retrying.`
  );
}

function report(manifest: BackupManifest, queued: number): void {
  if (manifest.media.uploadsInProgress > 0)
    say(
      `  ${manifest.media.uploadsInProgress} upload(s) were under way: what had arrived is here, and their uploaders can resume them`,
    );
  for (const versionId of manifest.media.erased)
    say(`  version ${versionId} was deleted while the backup ran: its row is here, its original is not`);
  if (!manifest.secrets)
    say(
      '  This backup holds no server secret (it was made before backups carried one): a new one was made, so the addresses of existing review links cannot be copied again (they still open for those who have them) and pending invitations must be sent again.',
    );
  if (queued > 0)
    say(
      `  Queued ${queued} version(s) to rebuild their renditions from the originals: start Cutroom and its worker makes them (they show as queued, then processing, until they play).`,
    );
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

main().catch((error) =>
  failAndExit(`The restore failed: ${error instanceof Error ? error.message : String(error)}`),
);
