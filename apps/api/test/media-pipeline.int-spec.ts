import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from './support/api-process.js';
import { Caller, type SignedIn, signUp } from './support/http-client.js';
import {
  frameCodedClip,
  range,
  renditionFrameCodes,
  testFfmpeg,
  uploadFile,
  waitForVersion,
} from './support/media-clips.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { tusUpload } from './support/tus.js';

async function runFfmpeg(args: string[]): Promise<void> {
  const result = spawnSync(await testFfmpeg(), ['-v', 'error', '-y', ...args]);
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr}`);
}

describe('the media pipeline, from upload to frame-exact HLS', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let dataDir: string;
  let clips: string;
  let editor: SignedIn;
  let outsider: SignedIn;
  let projectId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'cutroom-media-'));
    chmodSync(scratch, 0o755);
    // Like the default DATA_DIR (.data): a dot in the path must not stop media being served.
    dataDir = path.join(scratch, '.data');
    mkdirSync(dataDir);
    clips = path.join(dataDir, 'clips');
    mkdirSync(clips);
    api = await startApi({ DATABASE_URL: db.url, DATA_DIR: dataDir, MEDIA_PRESET: 'ultrafast' });
    [editor, outsider] = await Promise.all([signUp(api.baseUrl, 'Editor'), signUp(api.baseUrl, 'Outsider')]);
    projectId = (await editor.caller.post('/api/projects', { name: 'Media' })).body.id;
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  async function uploadAndWait(file: string) {
    await uploadFile(editor, file, { projectId, assetName: path.basename(file) });
    const [row] = await db.query<{ id: string; asset_id: string }>(
      `SELECT id, asset_id FROM versions ORDER BY created_at DESC LIMIT 1`,
    );
    return { version: await waitForVersion(editor, row.id), assetId: row.asset_id };
  }

  it('23.976 with sound: every rendition holds exactly the source frames, in order, the first at 0', async () => {
    const file = await frameCodedClip(clips, 'f23976.mp4', {
      fpsNum: 24000,
      fpsDen: 1001,
      frames: 72,
      width: 640,
      height: 360,
      audio: true,
    });
    const { version } = await uploadAndWait(file);
    expect(version.status).toBe('ready');
    expect(version.media).toMatchObject({
      kind: 'video',
      fpsNum: 24000,
      fpsDen: 1001,
      frameCount: 72,
      width: 640,
      height: 360,
    });
    const codes = await renditionFrameCodes(
      dataDir,
      version.id,
      version.renditions.map((r: { name: string }) => r.name),
    );
    for (const read of Object.values(codes)) expect(read).toEqual(range(72));
    expect(version.urls).toMatchObject({
      poster: expect.any(String),
      storyboard: expect.any(String),
      waveform: expect.any(String),
    });
  });

  it('29.97 drop-frame from 01:00:00;00 keeps its start timecode and every frame', async () => {
    const file = await frameCodedClip(clips, 'f2997df.mov', {
      fpsNum: 30000,
      fpsDen: 1001,
      frames: 60,
      width: 640,
      height: 360,
      startTimecode: '01:00:00;00',
      dropFrameTimecode: true,
    });
    const { version } = await uploadAndWait(file);
    expect(version.media).toMatchObject({
      fpsNum: 30000,
      fpsDen: 1001,
      frameCount: 60,
      startTimecode: '01:00:00;00',
      dropFrame: true,
    });
    const codes = await renditionFrameCodes(
      dataDir,
      version.id,
      version.renditions.map((r: { name: string }) => r.name),
    );
    for (const read of Object.values(codes)) expect(read).toEqual(range(60));
  });

  it('a variable-frame-rate source is conformed to 30 fps: every source frame shown at its own time, and the version says so', async () => {
    // A 30 fps recording with frames dropped irregularly and a 2 s static gap: 140 of 180 frames.
    const dropped = [3, [7, 8], 15, [21, 23], 30, [41, 44], 52, 58, [66, 67], [100, 159], 171] as const;
    const file = await frameCodedClip(clips, 'vfr-dropped.mp4', {
      fpsNum: 30,
      fpsDen: 1,
      frames: 180,
      width: 640,
      height: 360,
      dropFrames: dropped,
      audio: true,
    });
    const gone = new Set(
      dropped.flatMap((drop) =>
        typeof drop === 'number' ? [drop] : range(drop[1] - drop[0] + 1).map((i) => drop[0] + i),
      ),
    );
    const kept = range(180).filter((index) => !gone.has(index));
    const { version } = await uploadAndWait(file);
    expect(version.status).toBe('ready');
    expect(version.media).toMatchObject({
      fpsNum: 30,
      fpsDen: 1,
      frameCount: 180,
      durationSeconds: 6,
      variableFrameRate: true,
      conformed: true,
    });
    expect(version.media.sourceAverageFps).toBeCloseTo(kept.length / 6, 1);
    const [name] = version.renditions.map((r: { name: string }) => r.name);
    const read = (await renditionFrameCodes(dataDir, version.id, [name]))[name];
    expect(read).toHaveLength(180);
    // At 30 fps each source frame k is first shown as frame k, and held until the next one.
    expect(kept.map((index) => read.indexOf(index))).toEqual(kept);
    expect(read.filter((code, i) => i === 0 || code !== read[i - 1])).toEqual(kept);
  });

  it('frames 1.25 and 0.75 of a 25 fps period long in turn (Matroska) stay at 25, frame k as frame k', async () => {
    const file = await frameCodedClip(clips, 'vfr.mkv', {
      fpsNum: 25,
      fpsDen: 1,
      frames: 50,
      width: 640,
      height: 360,
      variableRate: true,
    });
    const { version } = await uploadAndWait(file);
    expect(version.status).toBe('ready');
    expect(version.media).toMatchObject({ fpsNum: 25, fpsDen: 1, variableFrameRate: true, conformed: true });
    const [name] = version.renditions.map((r: { name: string }) => r.name);
    const read = (await renditionFrameCodes(dataDir, version.id, [name]))[name];
    expect(read).toHaveLength(version.media.frameCount);
    // Frame k shown as frame k; Matroska's last block lasts a full period, so it may be held into a 51st.
    expect(read.slice(0, 50)).toEqual(range(50));
    expect(read.slice(50).every((code) => code === 49)).toBe(true);
  });

  it('status moves live to ready for everyone in the room, with progress, playable before ready', async () => {
    const file = await frameCodedClip(clips, 'live.mp4', {
      fpsNum: 25,
      fpsDen: 1,
      frames: 150,
      width: 640,
      height: 360,
      audio: true,
    });
    const asset = (await editor.caller.post(`/api/projects/${projectId}/assets`, { name: 'Live' })).body;
    const watcher = await connectSocket(api.baseUrl, editor.token);
    await emitWithAck(watcher.socket, 'asset:join', { assetId: asset.id });
    await uploadFile(editor, file, { assetId: asset.id });
    const ready = await waitFor(
      () => watcher.events.find((e) => e.type === 'version.updated' && e.payload.version.status === 'ready'),
      90_000,
    );
    const statuses = watcher.events.map((e) => e.payload.version?.status);
    expect(statuses).toEqual(expect.arrayContaining(['uploading', 'queued', 'processing', 'ready']));
    const firstPlayable = watcher.events.findIndex((e) => e.payload.version?.playable === true);
    expect(firstPlayable).toBeGreaterThan(-1);
    expect(firstPlayable).toBeLessThan(watcher.events.indexOf(ready));
    expect(watcher.progress.length).toBeGreaterThan(0);
    expect(watcher.progress.every((p: { progress: number }) => p.progress >= 0 && p.progress <= 100)).toBe(
      true,
    );
    watcher.socket.disconnect();
  });

  it('media is served only to people allowed to see it, with types, caching and ranges', async () => {
    const file = await frameCodedClip(clips, 'serve.mp4', {
      fpsNum: 25,
      fpsDen: 1,
      frames: 50,
      width: 640,
      height: 360,
      audio: true,
    });
    const { version } = await uploadAndWait(file);
    const master = await editor.caller.get(version.urls.master);
    expect(master.status).toBe(200);
    expect(master.headers.get('content-type')).toContain('application/vnd.apple.mpegurl');
    expect(master.body).toContain('#EXT-X-STREAM-INF');
    expect(master.body).toContain('FRAME-RATE=25.000');
    expect((await new Caller(api.baseUrl).get(version.urls.master)).status).toBe(401);
    expect((await outsider.caller.get(version.urls.master)).status).toBe(404);
    expect((await outsider.caller.get(version.urls.original)).status).toBe(404);

    const rendition = version.renditions[0].name;
    const playlist = (await editor.caller.get(`/api/versions/${version.id}/media/${rendition}/index.m3u8`))
      .body as string;
    expect(playlist).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    const segment = playlist.split('\n').find((line) => line.endsWith('.m4s'))!;
    const ranged = await editor.caller.request(
      'GET',
      `/api/versions/${version.id}/media/${rendition}/${segment}`,
      undefined,
      {
        range: 'bytes=0-99',
      },
    );
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-type')).toBe('video/iso.segment');
    await expectRangesAnsweredByTheRfc(`/api/versions/${version.id}/media/${rendition}/${segment}`);
    await expectRangesAnsweredByTheRfc(version.urls.original);
    expect(
      (await editor.caller.get(`/api/versions/${version.id}/media/${rendition}/ffmpeg.m3u8`)).status,
    ).toBe(404);
    expect((await editor.caller.get(`/api/versions/${version.id}/media/..%2Foriginal`)).status).toBe(404);

    const original = await fetch(`${api.baseUrl}${version.urls.original}`, {
      headers: { authorization: `Bearer ${editor.token}` },
    });
    expect(original.headers.get('content-disposition')).toContain('serve.mp4');
    expect(Buffer.from(await original.arrayBuffer()).equals(readFileSync(file))).toBe(true);
    const poster = await editor.caller.get(version.urls.poster);
    expect(poster.headers.get('content-type')).toBe('image/jpeg');
    const vtt = (await editor.caller.get(version.urls.storyboard)).body as string;
    expect(vtt.startsWith('WEBVTT')).toBe(true);
    const sprite = /^(sprite_\d+\.jpg)#xywh=/m.exec(vtt)![1];
    expect((await editor.caller.get(`/api/versions/${version.id}/media/storyboard/${sprite}`)).status).toBe(
      200,
    );
    const waveform = (await editor.caller.get(version.urls.waveform)).body;
    expect(waveform.peaks.length).toBeGreaterThan(10);
  });

  /** Past the end is a 416 naming the size, in the JSON error shape; a long suffix is the whole file. */
  async function expectRangesAnsweredByTheRfc(url: string) {
    const whole = await fetch(`${api.baseUrl}${url}`, {
      headers: { authorization: `Bearer ${editor.token}` },
    });
    const bytes = Buffer.from(await whole.arrayBuffer());
    const ask = (range: string) => editor.caller.request('GET', url, undefined, { range });

    const pastEnd = await ask(`bytes=${bytes.length}-`);
    expect(pastEnd.status).toBe(416);
    expect(pastEnd.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    expect(pastEnd.headers.get('content-type')).toContain('application/json');
    expect(pastEnd.body).toMatchObject({
      statusCode: 416,
      error: 'Range Not Satisfiable',
      code: 'range_not_satisfiable',
      requestId: expect.any(String),
    });
    expect((await ask(`bytes=${bytes.length + 500}-${bytes.length + 900}`)).status).toBe(416);

    const longSuffix = await fetch(`${api.baseUrl}${url}`, {
      headers: { authorization: `Bearer ${editor.token}`, range: `bytes=-${bytes.length * 3}` },
    });
    expect(longSuffix.status).toBe(200);
    expect(Buffer.from(await longSuffix.arrayBuffer()).equals(bytes)).toBe(true);

    const lastTen = await fetch(`${api.baseUrl}${url}`, {
      headers: { authorization: `Bearer ${editor.token}`, range: 'bytes=-10' },
    });
    expect(lastTen.status).toBe(206);
    expect(lastTen.headers.get('content-range')).toBe(
      `bytes ${bytes.length - 10}-${bytes.length - 1}/${bytes.length}`,
    );
    expect(Buffer.from(await lastTen.arrayBuffer()).equals(bytes.subarray(-10))).toBe(true);
  }

  it('a still image is a one-frame version with a poster and no HLS', async () => {
    const png = path.join(clips, 'board.png');
    await runFfmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=1', '-frames:v', '1', png]);
    const { version } = await uploadAndWait(png);
    expect(version.status).toBe('ready');
    expect(version.media).toMatchObject({ kind: 'still', frameCount: 1, width: 1280, height: 720 });
    expect(version.urls.master).toBeNull();
    expect((await editor.caller.get(version.urls.poster)).headers.get('content-type')).toBe('image/jpeg');
    const note = await editor.caller.post(`/api/versions/${version.id}/comments`, {
      body: 'Logo smaller',
      frame: 0,
    });
    expect(note.status).toBe(201);
    const beyond = await editor.caller.post(`/api/versions/${version.id}/comments`, { body: 'x', frame: 1 });
    expect(beyond.status).toBe(400);
  });

  it('a sound-only file plays as audio HLS with a waveform, and takes general notes only', async () => {
    const wav = path.join(clips, 'mix.wav');
    await runFfmpeg(['-f', 'lavfi', '-i', 'sine=frequency=220:duration=3', '-ac', '2', wav]);
    const { version } = await uploadAndWait(wav);
    expect(version.status).toBe('ready');
    expect(version.media).toMatchObject({ kind: 'audio', frameCount: null });
    const master = (await editor.caller.get(version.urls.master)).body as string;
    expect(master).toContain('mp4a.40.2');
    const waveform = (await editor.caller.get(version.urls.waveform)).body;
    expect(Math.max(...waveform.peaks)).toBeGreaterThan(0.05);
    expect(Math.min(...waveform.peaks)).toBeLessThan(-0.05);
    const pinned = await editor.caller.post(`/api/versions/${version.id}/comments`, { body: 'x', frame: 3 });
    expect(pinned.status).toBe(409);
    expect(
      (await editor.caller.post(`/api/versions/${version.id}/comments`, { body: 'Levels ok' })).status,
    ).toBe(201);
  });

  describe('bad input fails the version with a human reason and harms nothing else', () => {
    const cases: [string, () => Buffer, RegExp][] = [
      ['a zero-byte file', () => Buffer.alloc(0), /empty/i],
      [
        'a text file',
        () => Buffer.from('this is not a video\n'.repeat(100)),
        /not a video|not.*media|could not be read|recogni/i,
      ],
      [
        'random bytes',
        () => randomBytes(200_000),
        /not a video|not.*media|could not be read|recogni|cannot decode/i,
      ],
    ];

    it.each(cases)('%s', async (_what, bytes, reason) => {
      await tusUpload(editor.caller, bytes(), { filename: 'bad.mov', projectId, assetName: 'Bad' });
      const [row] = await db.query<{ id: string }>(
        `SELECT id FROM versions ORDER BY created_at DESC LIMIT 1`,
      );
      const version = await waitForVersion(editor, row.id);
      expect(version.status).toBe('failed');
      expect(version.failureReason).toMatch(reason);
      expect((await editor.caller.get('/api/health')).status).toBe(200);
    });

    it('a truncated file says it looks incomplete, and the next good upload still works', async () => {
      const good = await frameCodedClip(clips, 'whole.mp4', {
        fpsNum: 25,
        fpsDen: 1,
        frames: 100,
        width: 640,
        height: 360,
      });
      const cut = path.join(clips, 'cut.mp4');
      const bytes = readFileSync(good);
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const { version: failed } = await uploadAndWait(cut);
      expect(failed.status).toBe('failed');
      expect(failed.failureReason.length).toBeGreaterThan(20);
      const { version: fine } = await uploadAndWait(good);
      expect(fine.status).toBe('ready');
    });
  });
});
