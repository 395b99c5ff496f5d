import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from './support/api-process.js';
import { Caller, type SignedIn, signUp } from './support/http-client.js';
import { parsePrometheusText, sampleValue } from './support/prometheus-text.js';
import { tusCreate, tusHead, tusPatch } from './support/tus.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const MiB = 1024 * 1024;
const TOKEN = 'upload-resume-metrics-token';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The sha256 a version stores is its original's, whichever way the bytes came: hashed while they
 * stream in, each byte once, and after a restart from what is on disk, once.
 */
describe('an upload interrupted and resumed stores the sha256 of its source', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let dataDir: string;
  let editor: SignedIn;
  let caller: Caller;
  let projectId: string;

  const env = () => ({
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    MEDIA_WORKER: 'false',
    METRICS_TOKEN: TOKEN,
  });
  /** Bytes this api process hashed from disk without having received them. */
  const rehashed = async () => {
    const response = await fetch(`${api.baseUrl}/api/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    return sampleValue(parsePrometheusText(await response.text()), 'cutroom_upload_bytes_rehashed_total');
  };
  const create = async (size: number, name: string) => {
    const created = await tusCreate(caller, size, { filename: `${name}.mov`, projectId, assetName: name });
    expect(created.status).toBe(201);
    return created.url!;
  };
  const storedVersion = async (name: string) => {
    const assets = (await caller.get(`/api/projects/${projectId}/assets`)).body.assets;
    return assets.find((asset: { name: string }) => asset.name === name).latestVersion;
  };
  /** The offset the server holds once it has stopped moving (a cut-off PATCH is still landing). */
  const settledOffset = async (url: string) => {
    let last = -1;
    for (let same = 0; same < 3;) {
      const { offset } = await tusHead(caller, url);
      same = offset === last ? same + 1 : 0;
      last = offset;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return last;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-upload-resume-'));
    chmodSync(dataDir, 0o755);
    api = await startApi(env());
    editor = await signUp(api.baseUrl, 'Editor');
    caller = editor.caller;
    projectId = (await caller.post('/api/projects', { name: 'Masters' })).body.id;
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sent in several PATCHes: the sha256 of the source, with no byte hashed twice', async () => {
    const source = randomBytes(5 * MiB + 7);
    const url = await create(source.length, 'In pieces');
    const cuts = [0, 1000, MiB + 3, 4 * MiB, source.length];
    for (let i = 1; i < cuts.length; i++) {
      const sent = await tusPatch(caller, url, cuts[i - 1], source.subarray(cuts[i - 1], cuts[i]));
      expect(sent).toMatchObject({ status: 204, offset: cuts[i] });
    }
    expect(await storedVersion('In pieces')).toMatchObject({
      status: 'queued',
      sizeBytes: source.length,
      sha256: sha256(source),
    });
    expect(await rehashed()).toBe(0);
  });

  it('a PATCH cut off mid-body, then resumed: what landed is kept and hashed once', async () => {
    const source = randomBytes(4 * MiB + 99);
    const url = await create(source.length, 'Cut off');
    // The connection drops 2.5 MiB into a PATCH meant to carry the whole file.
    await new Promise<void>((resolve) => {
      const request = http.request(url, {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${editor.token}`,
          'tus-resumable': '1.0.0',
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
          'content-length': String(source.length),
        },
      });
      request.on('error', () => resolve());
      request.write(source.subarray(0, 2.5 * MiB), () =>
        setTimeout(() => {
          request.destroy();
          resolve();
        }, 200),
      );
    });
    const offset = await settledOffset(url);
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(2.5 * MiB);
    const rest = await tusPatch(caller, url, offset, source.subarray(offset));
    expect(rest).toMatchObject({ status: 204, offset: source.length });
    expect((await storedVersion('Cut off')).sha256).toBe(sha256(source));
    expect(await rehashed()).toBe(0);
  });

  it('across a crash of the server: the new process hashes what was on disk once, then follows', async () => {
    const source = randomBytes(6 * MiB + 5);
    const url = await create(source.length, 'Across a crash');
    const before = 2 * MiB + 3;
    expect((await tusPatch(caller, url, 0, source.subarray(0, before))).status).toBe(204);

    await api.kill();
    api = await startApi(env());
    caller = new Caller(api.baseUrl, { token: editor.token });
    const resumeAt = new URL(new URL(url).pathname, api.baseUrl).toString();
    expect((await tusHead(caller, resumeAt)).offset).toBe(before);

    const middle = 4 * MiB;
    expect((await tusPatch(caller, resumeAt, before, source.subarray(before, middle))).status).toBe(204);
    expect((await tusPatch(caller, resumeAt, middle, source.subarray(middle))).status).toBe(204);
    expect(await storedVersion('Across a crash')).toMatchObject({
      status: 'queued',
      sizeBytes: source.length,
      sha256: sha256(source),
    });
    // The bytes from before the crash, read back once; everything after followed as it arrived.
    expect(await rehashed()).toBe(before);
  });
});
