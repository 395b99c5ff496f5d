// Runs the api integration suite against a real Postgres: DATABASE_URL when set (any server the
// tests may create databases on), otherwise a throwaway embedded Postgres. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'apps/api/dist/apps/api/src');
if (!existsSync(path.join(built, 'main.js'))) {
  console.error('The api is not built: run `npm run build` first.');
  process.exit(1);
}

let databaseUrl = process.env.DATABASE_URL;
let stopEmbedded = async () => {};
let scratch;
if (!databaseUrl) {
  const { startEmbeddedPostgres } = await import(path.join(built, 'database/embedded-postgres.js'));
  const { createLogger } = await import(path.join(built, 'common/logging/logger.js'));
  scratch = mkdtempSync(path.join(os.tmpdir(), 'cutroom-test-pg-'));
  chmodSync(scratch, 0o755); // reachable by the postgres user when run as root
  const handle = await startEmbeddedPostgres({
    clusterDir: path.join(scratch, 'postgres'),
    logger: createLogger({ logLevel: 'warn' }),
  });
  databaseUrl = handle.url;
  stopEmbedded = handle.stop;
  // A throwaway cluster: nothing in it must survive a power cut, so it need not wait on the disk.
  // On a shared machine with a slow disk, fsyncs and checkpoints otherwise stall whole test files
  // (a DROP DATABASE waiting 20 s for a checkpoint, a 150-request sweep past its time limit).
  // The server's own settings are untouched; tests that stop and start Postgres own their cluster.
  const { Client } = await import('pg');
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  for (const setting of ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off'])
    await admin.query(`ALTER SYSTEM SET ${setting}`);
  await admin.query('SELECT pg_reload_conf()');
  await admin.end();
  console.log('integration tests: embedded Postgres');
} else {
  console.log(`integration tests: Postgres at ${new URL(databaseUrl).host}`);
}

const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/jest/bin/jest.js'),
    '-c',
    'apps/api/jest.integration.config.cjs',
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    // In a throwaway cluster the test files' databases go with it: no DROP DATABASE after each file
    // (on a slow disk one can take over 20 s, holding up the other files meanwhile).
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ...(scratch ? { CUTROOM_TEST_CLUSTER_THROWAWAY: '1' } : {}),
    },
  },
);
await stopEmbedded();
if (scratch) rmSync(scratch, { recursive: true, force: true });
process.exit(result.status ?? 1);
