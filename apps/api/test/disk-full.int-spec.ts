import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from './support/api-process.js';
import { type SignedIn, signUp } from './support/http-client.js';
import { frameCodedClip, uploadFile, waitForVersion } from './support/media-clips.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { tusCreate, tusHead, tusPatch } from './support/tus.js';

const MiB = 1024 ** 2;

describe('a full disk: a clear error, nothing half-written published, the server keeps serving', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let dataDir: string;
  let mediaDir: string;
  let mounted = false;
  let editor: SignedIn;
  let projectId: string;

  const filler = () => path.join(mediaDir, 'filler');
  const freeBytes = () => {
    const stats = statfsSync(mediaDir);
    return stats.bavail * stats.bsize;
  };
  /** Something else fills the disk until only `left` bytes are free. */
  const fillDiskLeaving = (left: number) => writeFileSync(filler(), Buffer.alloc(freeBytes() - left));
  const freeDisk = () => rmSync(filler(), { force: true });
  const assetNamed = async (name: string) =>
    (await editor.caller.get(`/api/projects/${projectId}/assets`)).body.assets.find(
      (asset: { name: string }) => asset.name === name,
    );
  const expectServing = async () => {
    expect((await editor.caller.get('/api/health')).status).toBe(200);
    expect((await editor.caller.get(`/api/projects/${projectId}/assets`)).status).toBe(200);
  };

  beforeAll(async () => {
    if (process.getuid?.() !== 0) {
      throw new Error(
        'disk-full.int-spec mounts a 32 MiB tmpfs as the media disk, which needs root: run the integration tests as root (CI does).',
      );
    }
    db = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-disk-full-'));
    chmodSync(dataDir, 0o755);
    mediaDir = path.join(dataDir, 'media');
    mkdirSync(mediaDir);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=32m,mode=0755', 'tmpfs', mediaDir]);
    mounted = true;
    // No margin: the disk fills for real instead of being refused ahead.
    api = await startApi({
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      MIN_FREE_DISK_BYTES: '0',
      MEDIA_PRESET: 'ultrafast',
    });
    editor = await signUp(api.baseUrl, 'Editor');
    projectId = (await editor.caller.post('/api/projects', { name: 'Full disk' })).body.id;
  });
  afterAll(async () => {
    await api?.stop();
    if (mounted) execFileSync('umount', [mediaDir]);
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  afterEach(freeDisk);

  it('an upload larger than the free space is refused up front with 507, and makes nothing', async () => {
    const created = await tusCreate(editor.caller, freeBytes() + MiB, {
      filename: 'huge.mov',
      projectId,
      assetName: 'Too big for the disk',
    });
    expect(created.status).toBe(507);
    expect(created.body).toMatchObject({
      statusCode: 507,
      error: 'Insufficient Storage',
      code: 'disk_full',
      requestId: expect.any(String),
    });
    expect(created.body.message).toMatch(/free/);
    expect(await assetNamed('Too big for the disk')).toBeUndefined();
    await expectServing();
  });

  it('an upload that cannot even start on a full disk: 507, and no version or new asset is left', async () => {
    fillDiskLeaving(0);
    const created = await tusCreate(editor.caller, 0, {
      filename: 'never-started.mov',
      projectId,
      assetName: 'Never started',
    });
    expect(created.status).toBe(507);
    expect(created.body).toMatchObject({
      statusCode: 507,
      code: 'disk_full',
      message: expect.stringMatching(/disk is full: the upload could not start/),
      requestId: expect.any(String),
    });
    expect(await assetNamed('Never started')).toBeUndefined();
    const left = await db.query(`SELECT id FROM versions WHERE original_filename = 'never-started.mov'`);
    expect(left).toEqual([]);
    await expectServing();
  });

  it('the disk filling during an upload: 507, the version stays unpublished, and the upload resumes once space is freed', async () => {
    const file = randomBytes(6 * MiB);
    const created = await tusCreate(editor.caller, file.length, {
      filename: 'interrupted.mov',
      projectId,
      assetName: 'Interrupted',
    });
    expect(created.status).toBe(201);
    fillDiskLeaving(2 * MiB);

    let offset = 0;
    let refused: Awaited<ReturnType<typeof tusPatch>> | undefined;
    for (; offset < file.length && !refused;) {
      const sent = await tusPatch(editor.caller, created.url!, offset, file.subarray(offset, offset + MiB));
      if (sent.status === 204) offset = sent.offset;
      else refused = sent;
    }
    expect(refused?.status).toBe(507);
    expect(refused?.body).toMatchObject({
      statusCode: 507,
      error: 'Insufficient Storage',
      code: 'disk_full',
      requestId: expect.any(String),
    });
    expect(refused?.body.message).toMatch(/ran out of disk space while receiving/);

    const asset = await assetNamed('Interrupted');
    const [version] = (await editor.caller.get(`/api/assets/${asset.id}/versions`)).body.versions;
    expect(version.status).toBe('uploading');
    expect((await editor.caller.get(`/api/versions/${version.id}/original`)).status).toBe(404);
    await expectServing();

    freeDisk();
    const stored = await tusHead(editor.caller, created.url!);
    expect(stored.offset).toBeGreaterThanOrEqual(offset);
    expect(stored.offset).toBeLessThan(file.length);
    const rest = await tusPatch(editor.caller, created.url!, stored.offset, file.subarray(stored.offset));
    expect(rest.status).toBe(204);
    const whole = (await editor.caller.get(`/api/versions/${version.id}`)).body;
    expect(whole.status).not.toBe('uploading');
    expect(whole.sizeBytes).toBe(file.length);
    expect(whole.sha256).toBe(createHash('sha256').update(file).digest('hex'));
  });

  it('the disk filling during a transcode fails the version with a reason, publishes no rendition, and the next one works', async () => {
    const clips = path.join(dataDir, 'clips');
    mkdirSync(clips, { recursive: true });
    const clip = await frameCodedClip(clips, 'cut.mp4', {
      fpsNum: 25,
      fpsDen: 1,
      frames: 100,
      width: 640,
      height: 360,
      audio: true,
    });
    // The original fits; its renditions do not.
    fillDiskLeaving(readFileSync(clip).length + 64 * 1024);
    await uploadFile(editor, clip, { projectId, assetName: 'Transcoded onto a full disk' });
    const asset = await assetNamed('Transcoded onto a full disk');
    const [uploaded] = (await editor.caller.get(`/api/assets/${asset.id}/versions`)).body.versions;
    const failed = await waitForVersion(editor, uploaded.id, 60_000);

    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toBe(
      'The server ran out of disk space while processing this version. Ask an administrator to free space, then upload the file again.',
    );
    expect(failed.playable).toBe(false);
    expect((await editor.caller.get(`/api/versions/${failed.id}/media/master.m3u8`)).status).toBe(404);
    expect((await editor.caller.get(`/api/versions/${failed.id}/media/360p/index.m3u8`)).status).toBe(404);
    expect((await editor.caller.get(`/api/versions/${failed.id}/media/360p/init.mp4`)).status).toBe(404);
    expect(readdirSync(path.join(mediaDir, 'versions', failed.id))).toEqual(['original']);
    const work = path.join(mediaDir, 'work');
    expect(existsSync(work) ? readdirSync(work) : []).toEqual([]);
    await expectServing();

    freeDisk();
    await uploadFile(editor, clip, { assetId: asset.id });
    const versions = (await editor.caller.get(`/api/assets/${asset.id}/versions`)).body.versions;
    const second = await waitForVersion(editor, versions[0].id, 60_000);
    expect(second.status).toBe('ready');
    expect((await editor.caller.get(`/api/versions/${second.id}/media/master.m3u8`)).status).toBe(200);
  }, 180_000);
});
