import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, runBuilt, startApi } from './support/api-process.js';
import { Caller, signUp } from './support/http-client.js';
import { createTestDatabase } from './support/test-database.js';

describe('the embedded database across crashes and restarts', () => {
  let dataDir: string;
  let api: ApiProcess | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-durability-'));
    chmodSync(dataDir, 0o755); // reachable by the postgres user when tests run as root
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write after kill -9, then stops cleanly on SIGTERM', async () => {
    api = await startApi({ DATA_DIR: dataDir });
    const person = await signUp(api.baseUrl, 'Survivor');
    const project = await person.caller.post('/api/projects', { name: 'Before the crash' });
    expect(project.status).toBe(201);
    await api.kill();

    api = await startApi({ DATA_DIR: dataDir });
    const caller = new Caller(api.baseUrl, { token: person.token });
    const list = await caller.get('/api/projects');
    expect(list.status).toBe(200);
    expect(list.body.projects.map((p: { name: string }) => p.name)).toEqual(['Before the crash']);
    const login = await new Caller(api.baseUrl).post('/api/auth/login', {
      email: person.user.email,
      password: 'correct horse battery',
    });
    expect(login.status).toBe(200);

    expect(await api.stop()).toBe(0);
    api = await startApi({ DATA_DIR: dataDir });
    const afterCleanStop = await new Caller(api.baseUrl, { token: person.token }).get('/api/projects');
    expect(afterCleanStop.body.projects).toHaveLength(1);
  });
});

describe('migrations', () => {
  it('apply, revert one by one to an empty schema, and apply again', async () => {
    const db = await createTestDatabase();
    try {
      const env = { DATABASE_URL: db.url };
      expect((await runBuilt('migrate', [], env)).code).toBe(0);
      const tables = async () =>
        (
          await db.query<{ table_name: string }>(
            `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
          )
        ).map((row: { table_name: string }) => row.table_name);
      const allTables = [
        'activity_cursors',
        'addressed_comments',
        'approver_list_members',
        'approver_lists',
        'asset_grants',
        'assets',
        'comment_reactions',
        'comments',
        'decisions',
        'events',
        'media_jobs',
        'notifications',
        'project_members',
        'projects',
        'rate_limit_counters',
        'review_link_assets',
        'review_links',
        'sessions',
        'socket_io_attachments',
        'users',
        'versions',
      ];
      expect(await tables()).toEqual(allTables);
      const [{ count }] = await db.query<{ count: string }>('SELECT count(*) FROM migrations');
      for (let i = 0; i < Number(count); i++) {
        const reverted = await runBuilt('migrate', ['--revert'], env);
        expect(reverted.code).toBe(0);
      }
      expect(await tables()).toEqual([]);
      expect((await runBuilt('migrate', [], env)).code).toBe(0);
      expect(await tables()).toEqual(allTables);
    } finally {
      await db.drop();
    }
  });

  it('a bad setting stops start-up with a one-line reason per variable', async () => {
    const result = await runBuilt('main', [], { PORT: 'eighty', LOG_LEVEL: 'chatty' });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('PORT: ');
    expect(result.output).toContain('"eighty"');
    expect(result.output).toContain('LOG_LEVEL: ');
  });
});
