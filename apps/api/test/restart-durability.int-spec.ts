import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, runBuilt, startApi } from './support/api-process.js';
import { Caller, signUp } from './support/http-client.js';

describe('the embedded database across crashes and restarts', () => {
  let dataDir: string;
  let api: ApiProcess | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-durability-'));
    chmodSync(dataDir, 0o755); // reachable by the postgres user when tests run as root
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
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
    // A new cluster (initdb), a crash recovery and two clean starts: minutes on a busy machine.
  }, 240_000);
});

describe('start-up settings', () => {
  it('a bad setting stops start-up with a one-line reason per variable', async () => {
    const result = await runBuilt('main', [], { PORT: 'eighty', LOG_LEVEL: 'chatty' });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('PORT: ');
    expect(result.output).toContain('"eighty"');
    expect(result.output).toContain('LOG_LEVEL: ');
  });
});
