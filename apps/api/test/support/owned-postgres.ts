import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { builtEntry, freePort } from './api-process.js';

/**
 * An embedded Postgres this test owns and may stop and start again (the machine's server, if
 * any, is not ours to restart). It runs in a small process of its own through the built
 * launcher, on a fixed port so the servers using it find it again after a restart.
 */
export interface OwnedPostgres {
  url: string;
  /** Fast shutdown, as `pg_ctl stop -m fast` or a host reboot would do it. */
  stop(): Promise<void>;
  start(): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Stops it and removes its files. */
  destroy(): Promise<void>;
}

const launcher = `
  const [launcherPath, loggerPath, clusterDir, port] = process.argv.slice(1);
  const { startEmbeddedPostgres } = await import(launcherPath);
  const { createLogger } = await import(loggerPath);
  const handle = await startEmbeddedPostgres({
    clusterDir, port: Number(port), logger: createLogger({ logLevel: 'warn' }),
  });
  process.stdout.write(JSON.stringify({ url: handle.url }) + '\\n');
  process.on('SIGTERM', () => handle.stop().then(() => process.exit(0)));
`;

export async function startOwnedPostgres(): Promise<OwnedPostgres> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'cutroom-owned-pg-'));
  chmodSync(scratch, 0o755); // reachable by the postgres user when tests run as root
  const port = await freePort();
  let child: ChildProcess | undefined;
  let url = '';

  const start = async () => {
    const launched = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        launcher,
        builtEntry('database/embedded-postgres'),
        builtEntry('common/logging/logger'),
        path.join(scratch, 'postgres'),
        String(port),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = launched;
    let output = '';
    launched.stderr?.on('data', (chunk) => (output += chunk));
    url = await new Promise<string>((resolve, reject) => {
      launched.stdout?.on('data', (chunk) => {
        output += chunk;
        const line = output.split('\n').find((l) => l.startsWith('{"url"'));
        if (line) resolve((JSON.parse(line) as { url: string }).url);
      });
      launched.once('exit', (code) => reject(new Error(`Postgres did not start (exit ${code}):\n${output}`)));
    });
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };

  await start();
  return {
    get url() {
      return url;
    },
    start,
    stop,
    async query<T>(sql: string, params: unknown[] = []) {
      const client = new Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async destroy() {
      await stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
