import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from './support/api-process.js';
import { signUp } from './support/http-client.js';
import {
  frameCodedClip,
  range,
  renditionFrameCodes,
  uploadFile,
  waitForVersion,
} from './support/media-clips.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('a worker killed mid-transcode', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-worker-'));
    chmodSync(dataDir, 0o755);
    api = await startApi({ DATABASE_URL: db.url, DATA_DIR: dataDir, MEDIA_WORKER: 'false' });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing: another worker takes the job over and the version becomes ready, frame-exact', async () => {
    const editor = await signUp(api.baseUrl, 'Editor');
    const projectId = (await editor.caller.post('/api/projects', { name: 'Crash' })).body.id;
    const clips = mkdtempSync(path.join(dataDir, 'clips-'));
    const file = await frameCodedClip(clips, 'long.mp4', {
      fpsNum: 25,
      fpsDen: 1,
      frames: 750,
      width: 1280,
      height: 720,
    });
    const workerEnv = {
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      MEDIA_PRESET: 'medium',
      MEDIA_JOB_LEASE_SECONDS: '3',
      LOG_LEVEL: 'warn',
    };
    const { spawn } = await import('node:child_process');
    const entry = path.join(process.cwd(), 'apps/api/dist/apps/api/src/worker.js');
    const first = spawn(process.execPath, [entry], {
      env: { ...process.env, ...workerEnv },
      stdio: 'ignore',
    });
    await uploadFile(editor, file, { projectId, assetName: 'Long' });
    const [row] = await db.query<{ id: string }>(`SELECT id FROM versions ORDER BY created_at DESC LIMIT 1`);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [state] = await db.query<{ status: string; progress: number }>(
        `SELECT status, progress FROM versions WHERE id = $1`,
        [row.id],
      );
      if (state.status === 'processing' && state.progress > 5) break;
      if (Date.now() > deadline) throw new Error(`never got going: ${JSON.stringify(state)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const second = spawn(process.execPath, [entry], {
      env: { ...process.env, ...workerEnv, MEDIA_PRESET: 'ultrafast' },
      stdio: 'ignore',
    });
    try {
      const version = await waitForVersion(editor, row.id, 120_000);
      expect(version.status).toBe('ready');
      const [job] = await db.query<{ attempts: number; status: string }>(
        `SELECT attempts, status FROM media_jobs WHERE version_id = $1`,
        [row.id],
      );
      expect(job).toMatchObject({ attempts: 2, status: 'done' });
      const codes = await renditionFrameCodes(
        dataDir,
        row.id,
        version.renditions.map((r: { name: string }) => r.name),
      );
      for (const read of Object.values(codes)) expect(read).toEqual(range(750));
    } finally {
      second.kill('SIGTERM');
    }
  }, 240_000);
});
