import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from './support/api-process.js';
import { type SignedIn, signUp } from './support/http-client.js';
import { tusCreate, tusHead, tusMetadata, tusPatch, tusUpload } from './support/tus.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('resumable uploads and version stacks', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let dataDir: string;
  let owner: SignedIn;
  let editor: SignedIn;
  let viewer: SignedIn;
  let outsider: SignedIn;
  let projectId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-uploads-'));
    chmodSync(dataDir, 0o755);
    // No worker here: these tests stop at "queued"; processing has its own suite.
    api = await startApi({
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      MEDIA_WORKER: 'false',
      MAX_UPLOAD_BYTES: String(8 * 1024 ** 2),
    });
    [owner, editor, viewer, outsider] = await Promise.all(
      ['Owner', 'Editor', 'Viewer', 'Outsider'].map((name) => signUp(api.baseUrl, name)),
    );
    projectId = (await owner.caller.post('/api/projects', { name: 'Feature' })).body.id;
    await owner.caller.post(`/api/projects/${projectId}/members`, {
      email: editor.user.email,
      role: 'editor',
    });
    await owner.caller.post(`/api/projects/${projectId}/members`, {
      email: viewer.user.email,
      role: 'viewer',
    });
  });
  // This file once hung, test after test, in a CI run (and passes alone in seconds): a test that
  // runs long shows the end of what the server logged meanwhile.
  let startedAt = 0;
  beforeEach(() => {
    startedAt = Date.now();
  });
  afterEach(() => {
    if (Date.now() - startedAt > 30_000)
      console.warn(`a slow test; the api's last output:\n${api.output().slice(-4000)}`);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a cut connection resumes from the last stored byte and the file arrives intact', async () => {
    const file = randomBytes(3 * 1024 * 1024 + 123);
    const created = await tusCreate(editor.caller, file.length, {
      filename: 'reel.mov',
      projectId,
      assetName: 'Reel',
    });
    expect(created.status).toBe(201);
    const first = await tusPatch(editor.caller, created.url!, 0, file.subarray(0, 1024 * 1024));
    expect(first.status).toBe(204);
    // The connection drops here; later the client asks where to resume.
    const head = await tusHead(editor.caller, created.url!);
    expect(head.offset).toBe(1024 * 1024);
    const rest = await tusPatch(editor.caller, created.url!, head.offset, file.subarray(head.offset));
    expect(rest.status).toBe(204);
    expect(rest.offset).toBe(file.length);

    const assets = (await editor.caller.get(`/api/projects/${projectId}/assets`)).body.assets;
    const reel = assets.find((a: { name: string }) => a.name === 'Reel');
    expect(reel.versionCount).toBe(1);
    expect(reel.latestVersion).toMatchObject({
      number: 1,
      status: 'queued',
      originalFilename: 'reel.mov',
      sizeBytes: file.length,
      sha256: createHash('sha256').update(file).digest('hex'),
      uploadedBy: { id: editor.user.id, displayName: 'Editor' },
    });
    expect(existsSync(path.join(dataDir, 'media/versions', reel.latestVersion.id, 'original'))).toBe(true);
  });

  it('an upload whose finishing fails after its last byte is finished, whole and once, by the client asking where to resume', async () => {
    const file = randomBytes(2 * 1024 * 1024 + 7);
    const created = await tusCreate(editor.caller, file.length, {
      filename: 'late.mov',
      projectId,
      assetName: 'Late',
    });
    expect(created.status).toBe(201);
    // The database refuses to queue this version: finishing fails after every byte is on disk.
    await db.query(
      `ALTER TABLE versions ADD CONSTRAINT refuse_queue_for_test CHECK (status <> 'queued' OR original_filename <> 'late.mov')`,
    );
    try {
      const patched = await tusPatch(editor.caller, created.url!, 0, file);
      expect(patched.status).toBe(500);
    } finally {
      await db.query(`ALTER TABLE versions DROP CONSTRAINT refuse_queue_for_test`);
    }
    // tus clients retry with a HEAD: every byte is there, and the upload is finished before the answer.
    const head = await tusHead(editor.caller, created.url!);
    expect(head.status).toBe(200);
    expect(head.offset).toBe(file.length);
    const [version] = await db.query<{ id: string; status: string; sha256: string; size_bytes: string }>(
      `SELECT id, status, sha256, size_bytes FROM versions WHERE original_filename = 'late.mov'`,
    );
    expect(version).toMatchObject({
      status: 'queued',
      sha256: createHash('sha256').update(file).digest('hex'),
      size_bytes: String(file.length),
    });
    const stored = readFileSync(path.join(dataDir, 'media/versions', version.id, 'original'));
    expect(stored.equals(file)).toBe(true);
    const queuedEvents = await db.query(
      `SELECT 1 FROM events WHERE type = 'version.updated' AND payload #>> '{version,id}' = $1
         AND payload #>> '{version,status}' = 'queued'`,
      [version.id],
    );
    expect(queuedEvents).toHaveLength(1);
    expect(await db.query(`SELECT 1 FROM media_jobs WHERE version_id = $1`, [version.id])).toHaveLength(1);
  });

  it('each upload onto an asset becomes its next version', async () => {
    const asset = (await owner.caller.post(`/api/projects/${projectId}/assets`, { name: 'Trailer' })).body;
    await tusUpload(editor.caller, randomBytes(1000), { filename: 'trailer_v1.mp4', assetId: asset.id });
    await tusUpload(owner.caller, randomBytes(2000), { filename: 'trailer_v2.mp4', assetId: asset.id });
    const versions = (await viewer.caller.get(`/api/assets/${asset.id}/versions`)).body.versions;
    expect(
      versions.map((v: { number: number; originalFilename: string }) => [v.number, v.originalFilename]),
    ).toEqual([
      [2, 'trailer_v2.mp4'],
      [1, 'trailer_v1.mp4'],
    ]);
  });

  it('several files upload at once, each to its own version', async () => {
    const asset = (await owner.caller.post(`/api/projects/${projectId}/assets`, { name: 'Dailies' })).body;
    await Promise.all(
      [1, 2, 3, 4].map((n) =>
        tusUpload(editor.caller, randomBytes(50_000 + n), { filename: `take${n}.mov`, assetId: asset.id }),
      ),
    );
    const versions = (await editor.caller.get(`/api/assets/${asset.id}/versions`)).body.versions;
    expect(versions.map((v: { number: number }) => v.number).sort()).toEqual([1, 2, 3, 4]);
    expect(new Set(versions.map((v: { sizeBytes: number }) => v.sizeBytes)).size).toBe(4);
  });

  it('only editors and owners may upload; outsiders learn nothing', async () => {
    const asViewer = await tusCreate(viewer.caller, 10, { filename: 'x.mov', projectId });
    expect(asViewer.status).toBe(403);
    expect(asViewer.body).toMatchObject({ statusCode: 403, code: 'not_allowed' });
    const asOutsider = await tusCreate(outsider.caller, 10, { filename: 'x.mov', projectId });
    expect(asOutsider.status).toBe(404);
    const anonymous = await tusCreate({ baseUrl: api.baseUrl, auth: {} } as never, 10, {
      filename: 'x.mov',
      projectId,
    });
    expect(anonymous.status).toBe(401);
  });

  it('cancelling an upload takes its version off the stack', async () => {
    const asset = (await owner.caller.post(`/api/projects/${projectId}/assets`, { name: 'Cancelled' })).body;
    const created = await tusCreate(editor.caller, 5000, { filename: 'oops.mov', assetId: asset.id });
    expect((await editor.caller.get(`/api/assets/${asset.id}/versions`)).body.versions).toHaveLength(1);
    const cancelled = await fetch(created.url!, {
      method: 'DELETE',
      headers: { 'Tus-Resumable': '1.0.0', authorization: `Bearer ${editor.token}` },
    });
    expect(cancelled.status).toBe(204);
    expect((await editor.caller.get(`/api/assets/${asset.id}/versions`)).body.versions).toEqual([]);
    const [event] = await db.query<{ type: string }>(
      `SELECT type FROM events WHERE asset_id = $1 ORDER BY seq DESC LIMIT 1`,
      [asset.id],
    );
    expect(event.type).toBe('version.deleted');
  });

  it('someone else cannot resume or read my upload', async () => {
    const created = await tusCreate(editor.caller, 100, { filename: 'mine.mov', projectId });
    expect((await tusHead(owner.caller, created.url!)).status).toBe(404);
    expect((await tusPatch(outsider.caller, created.url!, 0, randomBytes(100))).status).toBe(404);
    expect((await tusHead(editor.caller, created.url!)).status).toBe(200);
  });

  it('refuses bad metadata and files over the size limit with a clear reason', async () => {
    const both = await tusCreate(editor.caller, 10, { filename: 'x.mov', projectId, assetId: projectId });
    expect(both.status).toBe(400);
    expect(both.body.message).toContain('assetId');
    const noName = await tusCreate(editor.caller, 10, { projectId });
    expect(noName.status).toBe(400);
    const tooBig = await tusCreate(editor.caller, 9 * 1024 ** 2, { filename: 'huge.mov', projectId });
    expect(tooBig.status).toBe(413);
  });

  it('a create that fails after its asset would exist leaves no asset and no event behind', async () => {
    const before = (await owner.caller.get(`/api/projects/${projectId}/assets`)).body.assets.length;
    const [{ count: eventsBefore }] = await db.query<{ count: string }>(`SELECT count(*) FROM events`);
    // The database refuses the version's row, which is written after the new asset's.
    await db.query(
      `ALTER TABLE versions ADD CONSTRAINT refuse_for_test CHECK (original_filename <> 'refused.mov')`,
    );
    try {
      const created = await tusCreate(editor.caller, 10, {
        filename: 'refused.mov',
        projectId,
        assetName: 'Half made',
      });
      expect(created.status).toBe(500);
      expect(created.body).toMatchObject({ statusCode: 500, requestId: expect.any(String) });
    } finally {
      await db.query(`ALTER TABLE versions DROP CONSTRAINT refuse_for_test`);
    }
    const assets = (await owner.caller.get(`/api/projects/${projectId}/assets`)).body.assets;
    expect(assets).toHaveLength(before);
    expect(assets.find((a: { name: string }) => a.name === 'Half made')).toBeUndefined();
    const [{ count: eventsAfter }] = await db.query<{ count: string }>(`SELECT count(*) FROM events`);
    expect(eventsAfter).toBe(eventsBefore);
  });

  it('a create whose file the store cannot write (not a full disk) answers 500 in the JSON shape and leaves nothing', async () => {
    const uploads = path.join(dataDir, 'media', 'uploads');
    await tusUpload(editor.caller, Buffer.from('first cut'), { filename: 'first-cut.mov', projectId });
    const [{ asset_id: existing }] = await db.query<{ asset_id: string }>(
      `SELECT asset_id FROM versions WHERE original_filename = 'first-cut.mov'`,
    );
    const versionsOf = (assetId: string) =>
      db.query<{ number: number; status: string }>(
        `SELECT number, status FROM versions WHERE asset_id = $1`,
        [assetId],
      );
    const [{ count: eventsBefore }] = await db.query<{ count: string }>(`SELECT count(*) FROM events`);
    // An immutable directory: the store's open() fails with EPERM after the rows are written.
    execFileSync('chattr', ['+i', uploads]);
    try {
      const onNew = await tusCreate(editor.caller, 10, {
        filename: 'eperm.mov',
        projectId,
        assetName: 'Unwritable',
      });
      const onExisting = await tusCreate(editor.caller, 10, { filename: 'eperm-v2.mov', assetId: existing });
      for (const created of [onNew, onExisting]) {
        expect(created.status).toBe(500);
        expect(created.body).toEqual({
          statusCode: 500,
          error: 'Internal Server Error',
          message: expect.any(String),
          requestId: expect.any(String),
        });
        expect(created.body.message).not.toMatch(/EPERM|uploads|\//);
      }
    } finally {
      execFileSync('chattr', ['-i', uploads]);
    }
    const assets = (await owner.caller.get(`/api/projects/${projectId}/assets`)).body.assets;
    expect(assets.find((a: { name: string }) => a.name === 'Unwritable')).toBeUndefined();
    expect(await db.query(`SELECT id FROM versions WHERE original_filename LIKE 'eperm%'`)).toEqual([]);
    expect(await versionsOf(existing)).toEqual([{ number: 1, status: 'queued' }]);
    // The existing asset's watchers saw the version come and go; the new asset left no trace.
    const events = await db.query<{ type: string; asset_id: string }>(
      `SELECT type, asset_id FROM events ORDER BY created_at DESC, seq DESC LIMIT 2`,
    );
    expect(events.map((e) => [e.type, e.asset_id])).toEqual([
      ['version.deleted', existing],
      ['version.created', existing],
    ]);
    const [{ count: eventsAfter }] = await db.query<{ count: string }>(`SELECT count(*) FROM events`);
    expect(Number(eventsAfter)).toBe(Number(eventsBefore) + 2);
  });

  describe("tus's own refusals come in the one JSON error shape, with their tus status", () => {
    const errorShape = (statusCode: number, code: string) => ({
      statusCode,
      error: expect.any(String),
      message: expect.any(String),
      code,
      requestId: expect.any(String),
    });
    const send = (method: string, url: string, headers: Record<string, string>, body?: Uint8Array) =>
      fetch(url, { method, headers: { authorization: `Bearer ${editor.token}`, ...headers }, body });
    const json = async (response: Response): Promise<{ message: string }> => {
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(response.headers.get('tus-resumable')).toBe('1.0.0');
      return (await response.json()) as { message: string };
    };

    it('Upload-Concat, which we do not offer: 501 in the JSON shape, logged as a client mistake, not an error', async () => {
      const concat = await send('POST', `${api.baseUrl}/api/uploads`, {
        'Tus-Resumable': '1.0.0',
        'Upload-Concat': 'partial',
        'Upload-Length': '10',
        'Upload-Metadata': tusMetadata({ filename: 'part.mov', projectId }),
      });
      expect(concat.status).toBe(501);
      const body = await json(concat);
      expect(body).toMatchObject({ statusCode: 501, requestId: expect.any(String) });
      const requestId = (body as unknown as { requestId: string }).requestId;
      const linesOf = () =>
        api
          .output()
          .split('\n')
          .filter((line) => line.startsWith('{') && line.includes(requestId))
          .map((line): { level: number } => JSON.parse(line));
      // The request's line crosses a pipe from the server process: give it a moment to arrive.
      for (let i = 0; i < 50 && linesOf().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(linesOf().length).toBeGreaterThan(0);
      for (const line of linesOf()) expect(line.level).toBeLessThan(50);
      expect(api.output()).not.toContain('tus failed');
    });

    it('a file over the size limit: 413 upload_too_large, naming the limit', async () => {
      const tooBig = await send('POST', `${api.baseUrl}/api/uploads`, {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(9 * 1024 ** 2),
        'Upload-Metadata': tusMetadata({ filename: 'huge.mov', projectId }),
      });
      expect(tooBig.status).toBe(413);
      const body = await json(tooBig);
      expect(body).toEqual(errorShape(413, 'upload_too_large'));
      expect(body.message).toContain('8.0 MiB');
    });

    it('bytes that do not start where the upload stands: 409 upload_offset_conflict', async () => {
      const created = await tusCreate(editor.caller, 100, { filename: 'offset.mov', projectId });
      const conflict = await send(
        'PATCH',
        created.url!,
        {
          'Tus-Resumable': '1.0.0',
          'Upload-Offset': '50',
          'Content-Type': 'application/offset+octet-stream',
        },
        randomBytes(50),
      );
      expect(conflict.status).toBe(409);
      expect(await json(conflict)).toEqual(errorShape(409, 'upload_offset_conflict'));
    });

    it('missing or invalid tus headers: 412 and 400, saying which', async () => {
      const noVersion = await send('POST', `${api.baseUrl}/api/uploads`, { 'Upload-Length': '10' });
      expect(noVersion.status).toBe(412);
      expect(await json(noVersion)).toEqual(errorShape(412, 'tus_resumable_required'));

      const badLength = await send('POST', `${api.baseUrl}/api/uploads`, {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': 'ten',
      });
      expect(badLength.status).toBe(400);
      const body = await json(badLength);
      expect(body).toEqual(errorShape(400, 'invalid_tus_headers'));
      expect(body.message).toContain('upload-length');

      const noLength = await send('POST', `${api.baseUrl}/api/uploads`, { 'Tus-Resumable': '1.0.0' });
      expect(noLength.status).toBe(400);
      expect(await json(noLength)).toEqual(errorShape(400, 'upload_length_required'));
    });

    it('an unknown upload or one that is not mine: 404; a viewer: 403', async () => {
      const unknown = await send(
        'PATCH',
        `${api.baseUrl}/api/uploads/0123456789abcdef0123456789abcdef`,
        { 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
        randomBytes(10),
      );
      expect(unknown.status).toBe(404);
      expect(await json(unknown)).toEqual(errorShape(404, 'upload_not_found'));

      const asViewer = await fetch(`${api.baseUrl}/api/uploads`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${viewer.token}`,
          'Tus-Resumable': '1.0.0',
          'Upload-Length': '10',
          'Upload-Metadata': tusMetadata({ filename: 'x.mov', projectId }),
        },
      });
      expect(asViewer.status).toBe(403);
      expect(await json(asViewer)).toEqual(errorShape(403, 'not_allowed'));
    });
  });

  it('deleting an asset keeps it in Recently deleted; deleting it forever removes its versions and their files', async () => {
    const asset = (await owner.caller.post(`/api/projects/${projectId}/assets`, { name: 'Doomed' })).body;
    await tusUpload(editor.caller, randomBytes(5000), { filename: 'doomed.mov', assetId: asset.id });
    const [version] = (await editor.caller.get(`/api/assets/${asset.id}/versions`)).body.versions;
    const dir = path.join(dataDir, 'media/versions', version.id);
    expect(existsSync(dir)).toBe(true);
    expect((await viewer.caller.delete(`/api/assets/${asset.id}`)).status).toBe(403);
    expect((await editor.caller.delete(`/api/assets/${asset.id}`)).status).toBe(204);
    expect((await editor.caller.get(`/api/assets/${asset.id}`)).status).toBe(404);
    expect(existsSync(dir)).toBe(true);
    expect((await editor.caller.delete(`/api/deleted-assets/${asset.id}`)).status).toBe(204);
    expect(existsSync(dir)).toBe(false);
  });
});
