import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from './api-process.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestServer {
  db: TestDatabase;
  api: ApiProcess;
  /** The server's DATA_DIR (media, uploads). */
  dataDir: string;
}

/**
 * For one describe block: a fresh database, a fresh data folder, and the built server running
 * on them; all removed afterwards. Read the fields inside tests (they are set in beforeAll).
 */
export function useTestServer(env: Record<string, string> = {}): TestServer {
  const server = {} as TestServer;
  beforeAll(async () => {
    server.db = await createTestDatabase();
    server.dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-test-'));
    chmodSync(server.dataDir, 0o755); // reachable by the postgres user when tests run as root
    server.api = await startApi({ DATABASE_URL: server.db.url, DATA_DIR: server.dataDir, ...env });
  });
  afterAll(async () => {
    await server.api?.stop();
    await server.db?.drop();
    if (server.dataDir) rmSync(server.dataDir, { recursive: true, force: true });
  });
  return server;
}
