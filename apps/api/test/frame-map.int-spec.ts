import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateReedit, generateReeditSource, readFrameCodes, REEDIT_CODE_CROP } from '@cutroom/media';
import { type ApiProcess, startApi } from './support/api-process.js';
import { type SignedIn, signUp } from './support/http-client.js';
import { testFfmpeg, uploadFile, waitForVersion } from './support/media-clips.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

// v1: four moving shots at 25 fps, each frame's index drawn in a corner; v2 re-edits it (ten frames
// cut inside a shot, a new 30-frame shot inserted, one frame cut, a shot's tail and the next one's
// head cut), at 256×144 and 300 kb/s; v3 re-edits it otherwise and conforms it to 23.976 fps. All go
// through the real pipeline; v2's and v3's frame indices are read back from their renditions' pictures.
const SHOTS = [50, 60, 45, 55];
const FRAMES = SHOTS.reduce((sum, frames) => sum + frames, 0);
type Cut = Array<number | [number, number]>;
const CUT: Cut = [[40, 49], 100, [150, 160]];
// Its single cut frame is in a shot that moves: in a near-still picture an 8×8 signature cannot tell
// which of two neighbouring frames was cut (the map may put the gap one frame over).
const CUT_V3: Cut = [[5, 9], [104, 118], 140];
const framesOf = (cut: Cut) =>
  new Set(
    cut.flatMap((drop) =>
      typeof drop === 'number'
        ? [drop]
        : Array.from({ length: drop[1] - drop[0] + 1 }, (_, k) => drop[0] + k),
    ),
  );
const cutFrames = framesOf(CUT);

interface Run {
  aStart: number;
  bStart: number;
  length: number;
}
const mapped = (runs: Run[], frame: number) => {
  const run = runs.find((r) => frame >= r.aStart && frame < r.aStart + r.length);
  return run ? run.bStart + frame - run.aStart : null;
};

describe('the frame map between two versions, and notes that follow the picture', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let dataDir: string;
  let editor: SignedIn;
  let outsider: SignedIn;
  let v1: string;
  let v2: string;
  let v3: string;
  /** v1 frame index → the v2 frame showing it, read from v2's rendition. */
  let whereInV2: Map<number, number>;
  /** The same for v3, at 23.976 fps. */
  let whereInV3: Map<number, number>;
  let ffmpegPath: string;

  /** v1 frame index → the frame of `versionId` showing it, read from its rendition's pictures. */
  async function whereIn(version: { id: string; renditions: Array<{ name: string }> }) {
    const playlist = path.join(
      dataDir,
      'media/versions',
      version.id,
      'hls',
      version.renditions[0].name,
      'index.m3u8',
    );
    const codes = await readFrameCodes(playlist, { ffmpegPath, filter: REEDIT_CODE_CROP });
    return new Map(codes.map((code, position) => [code, position]));
  }

  /** Every surviving frame of v1 at its frame of b (≥ 99% exact, none more than one off), no cut frame anywhere. */
  function expectMapsPictures(runs: Run[], where: Map<number, number>, cut: Set<number>) {
    let exact = 0;
    const wrong: Array<[number, number | null, number | undefined]> = [];
    for (let frame = 0; frame < FRAMES; frame += 1) {
      expect(where.has(frame)).toBe(!cut.has(frame));
      const at = mapped(runs, frame);
      if (cut.has(frame)) {
        if (at !== null) wrong.push([frame, at, undefined]);
      } else if (at === where.get(frame)) exact += 1;
      else if (at === null || Math.abs(at - where.get(frame)!) > 1) wrong.push([frame, at, where.get(frame)]);
    }
    expect(wrong).toEqual([]);
    expect(exact / (FRAMES - cut.size)).toBeGreaterThanOrEqual(0.99);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'cutroom-frame-map-'));
    chmodSync(scratch, 0o755);
    dataDir = path.join(scratch, 'data');
    const clips = path.join(scratch, 'clips');
    mkdirSync(clips, { recursive: true });
    ffmpegPath = await testFfmpeg();
    const v1File = path.join(clips, 'v1.mp4');
    const v2File = path.join(clips, 'v2.mp4');
    const v3File = path.join(clips, 'v3.mp4');
    await generateReeditSource({ path: v1File, shotFrames: SHOTS, ffmpegPath });
    await generateReedit({
      source: v1File,
      path: v2File,
      cut: CUT,
      insert: { at: 70, frames: 30 },
      width: 256,
      height: 144,
      bitrateKbps: 300,
      ffmpegPath,
    });
    await generateReedit({
      source: v1File,
      path: v3File,
      cut: CUT_V3,
      insert: { at: 120, frames: 20 },
      width: 320,
      height: 180,
      bitrateKbps: 500,
      rate: '24000/1001',
      ffmpegPath,
    });
    api = await startApi({ DATABASE_URL: db.url, DATA_DIR: dataDir, MEDIA_PRESET: 'ultrafast' });
    [editor, outsider] = await Promise.all([signUp(api.baseUrl, 'Editor'), signUp(api.baseUrl, 'Outsider')]);
    const projectId = (await editor.caller.post('/api/projects', { name: 'Re-edits' })).body.id;
    await uploadFile(editor, v1File, { projectId, assetName: 'Trailer' });
    const [first] = await db.query<{ id: string; asset_id: string }>(`SELECT id, asset_id FROM versions`);
    v1 = first.id;
    expect((await waitForVersion(editor, v1)).status).toBe('ready');
    await uploadFile(editor, v2File, { assetId: first.asset_id });
    const [second] = await db.query<{ id: string }>(`SELECT id FROM versions WHERE id <> $1`, [v1]);
    v2 = second.id;
    const ready = await waitForVersion(editor, v2);
    expect(ready.status).toBe('ready');
    whereInV2 = await whereIn(ready);
    await uploadFile(editor, v3File, { assetId: first.asset_id });
    const [third] = await db.query<{ id: string }>(`SELECT id FROM versions WHERE id NOT IN ($1, $2)`, [
      v1,
      v2,
    ]);
    v3 = third.id;
    const conformed = await waitForVersion(editor, v3);
    expect(conformed.status).toBe('ready');
    expect([conformed.media.fpsNum, conformed.media.fpsDen]).toEqual([24000, 1001]);
    whereInV3 = await whereIn(conformed);
  }, 300_000);
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    if (dataDir) rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('puts ≥ 99% of surviving frames at their exact v2 frame, none more than one off, no cut frame anywhere', async () => {
    const reply = await editor.caller.get(`/api/versions/${v1}/frame-map?to=${v2}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ versionId: v1, toVersionId: v2, aFrameCount: FRAMES });
    expectMapsPictures(reply.body.runs, whereInV2, cutFrames);

    // Kept: the second answer is the first, from the file beside v1.
    expect(existsSync(path.join(dataDir, 'media/versions', v1, 'frame-maps', `${v2}.json`))).toBe(true);
    expect((await editor.caller.get(`/api/versions/${v1}/frame-map?to=${v2}`)).body).toEqual(reply.body);
  });

  it('holds through a re-edit conformed to another frame rate (25 to 23.976 fps)', async () => {
    // Asked for by several people at once before it is kept: one computation, the same answer for all.
    const [reply, ...others] = await Promise.all(
      Array.from({ length: 8 }, () => editor.caller.get(`/api/versions/${v1}/frame-map?to=${v3}`)),
    );
    expect(reply.status).toBe(200);
    for (const other of others) expect([other.status, other.body]).toEqual([200, reply.body]);
    expect(reply.body).toMatchObject({ versionId: v1, toVersionId: v3, aFrameCount: FRAMES });
    expectMapsPictures(reply.body.runs, whereInV3, framesOf(CUT_V3));
  });

  it('answers 404 to someone outside the project and 400 without a version to map to', async () => {
    expect((await outsider.caller.get(`/api/versions/${v1}/frame-map?to=${v2}`)).status).toBe(404);
    expect((await editor.caller.get(`/api/versions/${v1}/frame-map`)).status).toBe(400);
    expect((await editor.caller.get(`/api/versions/${v1}/frame-map?to=nope`)).status).toBe(400);
  });

  it("places v1's open notes at their frames in v2, and says which shots v2 removed", async () => {
    const note = async (frame: number, frameEnd?: number) => {
      const reply = await editor.caller.post(`/api/versions/${v1}/comments`, {
        body: `at ${frame}`,
        frame,
        frameEnd,
      });
      expect(reply.status).toBe(201);
      return reply.body.id as string;
    };
    const unchanged = await note(20);
    const afterInsert = await note(85);
    const lastShot = await note(190, 200);
    const removed = await note(45);
    const carried = await editor.caller.get(`/api/versions/${v2}/carried-over`);
    expect(carried.status).toBe(200);
    const placement = (id: string) =>
      carried.body.comments.find((item: { comment: { id: string } }) => item.comment.id === id)?.placement;
    expect(placement(unchanged)).toEqual({ status: 'moved', frame: whereInV2.get(20), frameEnd: null });
    expect(placement(afterInsert)).toEqual({ status: 'moved', frame: whereInV2.get(85), frameEnd: null });
    expect(whereInV2.get(85)).not.toBe(85);
    expect(placement(lastShot)).toEqual({
      status: 'moved',
      frame: whereInV2.get(190),
      frameEnd: whereInV2.get(200),
    });
    expect(placement(removed)).toEqual({ status: 'removed' });

    // Addressed works as before, and keeps the placement.
    const marked = await editor.caller.request(
      'PUT',
      `/api/versions/${v2}/carried-over/${afterInsert}/addressed`,
    );
    expect(marked.status).toBe(200);
    expect(marked.body.placement).toEqual({ status: 'moved', frame: whereInV2.get(85), frameEnd: null });
  });
});
