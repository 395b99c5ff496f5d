import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from './support/api-process.js';
import { Caller, signUp } from './support/http-client.js';
import { frameCodedClip, uploadFile, waitForVersion } from './support/media-clips.js';
import { parsePrometheusText, type Sample, sampleValue } from './support/prometheus-text.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const TOKEN = 'scrape-token-0123456789abcdef';

/** Running it: readiness, Prometheus metrics behind a token, and a refusal to run on a newer schema. */
describe('operating Cutroom', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-ops-'));
    api = await startApi({
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      METRICS_TOKEN: TOKEN,
      MEDIA_PRESET: 'ultrafast',
    });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const scrape = async (): Promise<Sample[]> => {
    const response = await fetch(`${api.baseUrl}/api/metrics`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await response.text());
  };

  describe('/api/ready', () => {
    it('is ready when the database answers, every migration is applied and the media folder takes files', async () => {
      const reply = await new Caller(api.baseUrl).get('/api/ready');
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        status: 'ready',
        checks: { database: { ok: true }, migrations: { ok: true }, storage: { ok: true } },
      });
    });

    it('says not ready, and why, while the media folder is gone (a volume unmounted), and ready once it is back', async () => {
      const media = path.join(dataDir, 'media');
      renameSync(media, `${media}.away`);
      try {
        const reply = await new Caller(api.baseUrl).get('/api/ready');
        expect(reply.status).toBe(503);
        expect(reply.body.status).toBe('not_ready');
        expect(reply.body.checks.database).toEqual({ ok: true });
        expect(reply.body.checks.storage).toEqual({
          ok: false,
          reason: expect.stringMatching(/media is not writable \(ENOENT\)/),
        });
        // Liveness is another question: the process is fine.
        expect((await new Caller(api.baseUrl).get('/api/health')).status).toBe(200);
      } finally {
        renameSync(`${media}.away`, media);
      }
      expect((await new Caller(api.baseUrl).get('/api/ready')).status).toBe(200);
    });
  });

  describe('/api/metrics', () => {
    it('answers only the bearer of METRICS_TOKEN', async () => {
      for (const authorization of [
        undefined,
        'Bearer wrong-token-0123456789abc',
        `Basic ${TOKEN}`,
        `Bearer ${TOKEN}x`,
      ]) {
        const response = await fetch(`${api.baseUrl}/api/metrics`, {
          headers: authorization ? { Authorization: authorization } : {},
        });
        expect([authorization, response.status]).toEqual([authorization, 401]);
        expect(await response.text()).not.toContain('cutroom_');
      }
    });

    it('counts requests by route template, sockets and rooms, relayed events, uploads and transcoding, the queue and the pool', async () => {
      const editor = await signUp(api.baseUrl, 'Ops Editor');
      const projectId = (await editor.caller.post('/api/projects', { name: 'Metrics' })).body.id;
      const clips = path.join(dataDir, 'clips');
      mkdirSync(clips, { recursive: true });
      const file = await frameCodedClip(clips, 'ops.mp4', {
        fpsNum: 25,
        fpsDen: 1,
        frames: 25,
        width: 320,
        height: 180,
      });
      await uploadFile(editor, file, { projectId, assetName: 'Ops cut' });
      const [row] = await db.query<{ id: string; asset_id: string }>(
        `SELECT v.id, v.asset_id FROM versions v JOIN assets a ON a.id = v.asset_id WHERE a.project_id = $1`,
        [projectId],
      );
      expect((await waitForVersion(editor, row.id)).status).toBe('ready');

      const first = await connectSocket(api.baseUrl, editor.token);
      const second = await connectSocket(api.baseUrl, editor.token);
      try {
        expect((await emitWithAck(first.socket, 'asset:join', { assetId: row.asset_id })).ok).toBe(true);
        expect((await emitWithAck(second.socket, 'project:join', { projectId })).ok).toBe(true);
        const posted = await editor.caller.post(`/api/versions/${row.id}/comments`, {
          body: 'Metered',
          frame: 3,
        });
        expect(posted.status).toBe(201);
        await waitFor(() => first.events.some((e) => e.payload.comment?.body === 'Metered'));

        const samples = await scrape();
        const value = (name: string, labels: Record<string, string> = {}) =>
          sampleValue(samples, name, labels);
        // By route template, never by id.
        expect(
          value('cutroom_http_requests_total', {
            method: 'POST',
            route: '/api/versions/:versionId/comments',
            status: '201',
          }),
        ).toBe(1);
        expect(samples.some((s) => s.labels.route?.includes(row.id))).toBe(false);
        expect(
          value('cutroom_http_request_duration_seconds_count', {
            method: 'POST',
            route: '/api/versions/:versionId/comments',
          }),
        ).toBe(1);
        expect(value('cutroom_sockets')).toBe(2);
        expect(value('cutroom_socket_rooms', { kind: 'asset' })).toBe(1);
        expect(value('cutroom_socket_rooms', { kind: 'project' })).toBe(1);
        expect(value('cutroom_event_relay_lag_seconds_count')).toBeGreaterThanOrEqual(1);
        const { size } = await import('node:fs').then((fs) => fs.statSync(file));
        expect(value('cutroom_upload_bytes_total')).toBe(size);
        expect(value('cutroom_transcode_seconds_total', { outcome: 'done' })).toBeGreaterThan(0);
        expect(value('cutroom_media_jobs', { state: 'queued' })).toBe(0);
        expect(value('cutroom_media_jobs', { state: 'running' })).toBe(0);
        expect(value('cutroom_media_job_oldest_queued_seconds')).toBe(0);
        expect(value('cutroom_database_up')).toBe(1);
        expect(value('cutroom_database_pool_connections', { state: 'total' })).toBeGreaterThan(0);
        // Waiting counts requests queued for a connection, the scrape's own among them.
        expect(value('cutroom_database_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(0);
        expect(value('cutroom_database_pool_connections', { state: 'waiting' })).toBeGreaterThanOrEqual(0);
        expect(value('cutroom_process_resident_memory_bytes')).toBeGreaterThan(0);
      } finally {
        first.socket.close();
        second.socket.close();
      }
      // Closed sockets leave the count.
      const deadline = Date.now() + 15_000;
      while (sampleValue(await scrape(), 'cutroom_sockets') !== 0) {
        if (Date.now() > deadline) throw new Error('the closed sockets are still counted');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }, 180_000);

    it('shows a queued job and its age while no worker takes it', async () => {
      const editor = await signUp(api.baseUrl, 'Queue Watcher');
      const projectId = (await editor.caller.post('/api/projects', { name: 'Queue' })).body.id;
      const assetId = (await editor.caller.post(`/api/projects/${projectId}/assets`, { name: 'Waiting' }))
        .body.id;
      // A job due only in an hour: queued, and not for this worker yet.
      const [version] = await db.query<{ id: string }>(
        `INSERT INTO versions (asset_id, number, original_filename, status)
         VALUES ($1, 1, 'waiting.mov', 'queued') RETURNING id`,
        [assetId],
      );
      await db.query(
        `INSERT INTO media_jobs (version_id, status, run_after, created_at)
         VALUES ($1, 'queued', now() + interval '1 hour', now() - interval '90 seconds')`,
        [version.id],
      );
      const samples = await scrape();
      expect(sampleValue(samples, 'cutroom_media_jobs', { state: 'queued' })).toBe(1);
      expect(sampleValue(samples, 'cutroom_media_job_oldest_queued_seconds')).toBeGreaterThanOrEqual(90);
      await db.query(`DELETE FROM media_jobs WHERE version_id = $1`, [version.id]);
    });
  });

  it('is off, for everyone, without METRICS_TOKEN', async () => {
    const plain = await startApi({
      DATABASE_URL: db.url,
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cutroom-ops-')),
      MEDIA_WORKER: 'false',
    });
    try {
      const reply = await new Caller(plain.baseUrl).get('/api/metrics');
      expect(reply.status).toBe(404);
      expect(reply.body.message).toMatch(/set METRICS_TOKEN/);
    } finally {
      await plain.stop();
    }
  }, 180_000);

  it('refuses to start an older build on a database a newer one migrated, saying what to do', async () => {
    const newer = await createTestDatabase();
    try {
      const first = await startApi({
        DATABASE_URL: newer.url,
        MEDIA_WORKER: 'false',
        DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cutroom-ops-')),
      });
      await first.stop();
      await newer.query(
        `INSERT INTO migrations ("timestamp", name) VALUES (9999999999999, 'FromTheFuture9999999999999')`,
      );
      await expect(
        startApi({
          DATABASE_URL: newer.url,
          MEDIA_WORKER: 'false',
          DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cutroom-ops-')),
        }),
      ).rejects.toThrow(
        /upgraded by a newer Cutroom: it has 1 migration\(s\) this build does not know \(newest: FromTheFuture9999999999999\)/,
      );
      // Nothing was changed: the migration is still there, and the older schema still whole.
      const rows = await newer.query<{ name: string }>(
        `SELECT name FROM migrations WHERE name = 'FromTheFuture9999999999999'`,
      );
      expect(rows).toHaveLength(1);
    } finally {
      await newer.drop();
    }
  }, 180_000);
});
