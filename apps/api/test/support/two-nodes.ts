import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from './api-process.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

// Two api processes starting side by side on a busy 2-core machine: allow what startApi allows.
export const TWO_NODES_STARTUP_MS = 180_000;

export interface TwoNodes {
  nodeA: ApiProcess;
  nodeB: ApiProcess;
  /** The DATA_DIR both share, as nodes of one deployment do. */
  dataDir: string;
  /** Stops both nodes (SIGTERM) and removes the data folder. */
  stop(): Promise<void>;
}

/**
 * Two api nodes of one deployment: the same database and data folder, each its own process and
 * port, with no media worker (what is under test is how they relay to each other).
 */
export async function startTwoNodes(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<TwoNodes> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-two-nodes-'));
  chmodSync(dataDir, 0o755); // reachable by the postgres user when tests run as root
  const nodeEnv = { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, MEDIA_WORKER: 'false', ...env };
  const started = await Promise.allSettled([startApi(nodeEnv), startApi(nodeEnv)]);
  const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => {
    await Promise.all(running.map((node) => node.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return { nodeA: running[0], nodeB: running[1], dataDir, stop };
}

export interface TwoNodeServer extends Omit<TwoNodes, 'stop'> {
  db: TestDatabase;
}

/**
 * For one describe block: a fresh database and two nodes on it (see startTwoNodes), all removed
 * afterwards. Read the fields inside tests or hooks (they are set in beforeAll).
 */
export function useTwoNodes(env: Record<string, string> = {}): TwoNodeServer {
  const server = {} as TwoNodeServer;
  let nodes: TwoNodes | undefined;
  beforeAll(async () => {
    server.db = await createTestDatabase();
    nodes = await startTwoNodes(server.db.url, env);
    Object.assign(server, { nodeA: nodes.nodeA, nodeB: nodes.nodeB, dataDir: nodes.dataDir });
  }, TWO_NODES_STARTUP_MS);
  afterAll(async () => {
    await nodes?.stop();
    await server.db?.drop();
  });
  return server;
}
