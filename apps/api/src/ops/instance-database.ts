import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../common/logging/logger.js';
import type { AppConfig } from '../config/config.js';
import { isHolderAlive, parseHolder } from '../database/data-dir-lock.js';
import { hasEmbeddedCluster } from '../database/embedded-postgres.js';
import { openDatabaseServer } from '../database/open-database.js';

export interface InstanceDatabase {
  url: string;
  embedded: boolean;
  /** How it was reached, for the report. */
  how: string;
  /** No server was running on DATA_DIR: this command started the embedded Postgres itself. */
  startedHere: boolean;
  /** Stops the embedded Postgres when this command started it; nothing otherwise. */
  stop(): Promise<void>;
}

/**
 * The database of the Cutroom configured by the environment: DATABASE_URL; or, with the embedded
 * Postgres, the one the running server started (its port from the cluster's postmaster.pid, its
 * password beside the cluster), or — no server running — one this command starts and stops.
 * A DATA_DIR without a cluster is refused, with nothing created there: a mistyped DATA_DIR (or a
 * forgotten DATABASE_URL) must not become a new, empty instance.
 */
export async function openInstanceDatabase(config: AppConfig, logger: Logger): Promise<InstanceDatabase> {
  if (config.databaseUrl)
    return {
      url: config.databaseUrl,
      embedded: false,
      how: 'DATABASE_URL',
      startedHere: false,
      stop: async () => undefined,
    };
  const running = await runningEmbeddedUrl(config.dataDir);
  if (running)
    return {
      url: running,
      embedded: true,
      how: `the running server's embedded Postgres`,
      startedHere: false,
      stop: async () => undefined,
    };
  if (!(await hasEmbeddedCluster(path.join(config.dataDir, 'postgres'))))
    throw new Error(
      `DATA_DIR ${config.dataDir} holds no Cutroom database; set DATA_DIR to your Cutroom's data folder, or DATABASE_URL to its database.`,
    );
  const server = await openDatabaseServer(config, logger);
  return {
    url: server.url,
    embedded: true,
    how: 'the embedded Postgres, started for this',
    startedHere: true,
    stop: server.stop,
  };
}

/** The URL of the embedded Postgres a live server holds under `dataDir`, or undefined if none runs. */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | undefined> {
  const lock = await fs.readFile(path.join(dataDir, 'cutroom.lock'), 'utf8').catch(() => undefined);
  const holder = lock === undefined ? undefined : parseHolder(lock);
  if (!holder || !(await isHolderAlive(holder))) return undefined;
  const pidFile = await fs.readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').catch(() => '');
  const port = Number(pidFile.split('\n')[3]);
  if (!Number.isInteger(port) || port <= 0)
    throw new Error(
      `A Cutroom server (pid ${holder.pid}) holds DATA_DIR ${dataDir} but its Postgres is not up yet: try again once it has started.`,
    );
  const password = (await fs.readFile(path.join(dataDir, 'postgres.password'), 'utf8')).trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/cutroom`;
}
