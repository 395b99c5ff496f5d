import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, freePort, runBuilt, startApi } from './support/api-process.js';
import { Caller, signUp } from './support/http-client.js';

const refusal = (pid: number | undefined, dataDir: string) =>
  `Another Cutroom server (pid ${pid}) is using DATA_DIR ${dataDir}; stop it first or choose another DATA_DIR.`;

// Each test starts embedded Postgres clusters and several servers: minutes on a busy machine.
const SLOW = 240_000;

describe('one server per DATA_DIR (embedded database)', () => {
  let dataDir: string;
  let first: ApiProcess | undefined;
  const others: ApiProcess[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-lock-'));
    chmodSync(dataDir, 0o755); // reachable by the postgres user when tests run as root
  });
  afterAll(async () => {
    await first?.stop();
    for (const other of others) await other.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'a second server on the same folder refuses at once, and the first keeps serving',
    async () => {
      first = await startApi({ DATA_DIR: dataDir });
      const owner = await signUp(first.baseUrl, 'Owner');
      expect((await owner.caller.post('/api/projects', { name: 'Before' })).status).toBe(201);

      const startedAt = Date.now();
      const second = await runBuilt('main', [], {
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
      });
      const refusedInMs = Date.now() - startedAt;
      expect(second.code).toBe(1);
      expect(second.output).toContain(refusal(first.child.pid, dataDir));
      expect(refusedInMs).toBeLessThan(20_000);

      const migrate = await runBuilt('migrate', [], { DATA_DIR: dataDir, DATABASE_URL: '' });
      expect(migrate.code).not.toBe(0);
      expect(migrate.output).toContain(refusal(first.child.pid, dataDir));

      // The first server's Postgres was left alone: it answers, reads and writes.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(first.child.exitCode).toBeNull();
      const health = await new Caller(first.baseUrl).get('/api/health');
      expect(health.status).toBe(200);
      expect(health.body.database.status).toBe('up');
      expect((await owner.caller.post('/api/projects', { name: 'After' })).status).toBe(201);
      const list = await owner.caller.get('/api/projects');
      expect(list.body.projects.map((p: { name: string }) => p.name).sort()).toEqual(['After', 'Before']);
    },
    SLOW,
  );

  it(
    'after a kill -9, exactly one of three servers started together gets the folder, with its data',
    async () => {
      const owner = await signUp(first!.baseUrl, 'Survivor');
      expect((await owner.caller.post('/api/projects', { name: 'Kept' })).status).toBe(201);
      await first!.kill();
      first = undefined;

      const starts = await Promise.allSettled([0, 1, 2].map(() => startApi({ DATA_DIR: dataDir })));
      const winners = starts.flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
      others.push(...winners);
      expect(winners).toHaveLength(1);
      for (const start of starts) {
        if (start.status === 'rejected') {
          expect(String(start.reason)).toContain(refusal(winners[0].child.pid, dataDir));
        }
      }
      const list = await new Caller(winners[0].baseUrl, { token: owner.token }).get('/api/projects');
      expect(list.body.projects.map((p: { name: string }) => p.name)).toEqual(['Kept']);
      expect(await winners[0].stop()).toBe(0);
    },
    SLOW,
  );
});
