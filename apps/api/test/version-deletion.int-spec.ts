import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Caller, type SignedIn } from './support/http-client.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { signUpTeam } from './support/team.js';
import { useTestServer } from './support/test-server.js';

describe('deleting one version of a cut', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  let owner: SignedIn;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let viewer: SignedIn;
  let outsider: SignedIn;
  let guest: Caller;
  let guestToken: string;
  let projectId: string;
  let assetId: string;
  const v: Record<number, string> = {};
  let noteOnV1: string;

  const versionDir = (versionId: string) => path.join(server.dataDir, 'media', 'versions', versionId);
  const numbers = async (caller: Caller) =>
    (await caller.get(`/api/assets/${assetId}/versions`)).body.versions.map(
      (x: { number: number }) => x.number,
    );

  beforeAll(async () => {
    ({ owner, editor, reviewer, viewer, outsider, projectId } = await signUpTeam(
      server.api.baseUrl,
      'Stack',
    ));
    ({ assetId, versionId: v[1] } = await readyVersion(server.db, editor, projectId));
    for (const n of [2, 3]) v[n] = (await readyNextVersion(server.db, editor, assetId)).versionId;
    noteOnV1 = (
      await reviewer.caller.post(`/api/versions/${v[1]}/comments`, { body: 'Logo early', frame: 5 })
    ).body.id;
    await reviewer.caller.post(`/api/versions/${v[2]}/comments`, { body: 'Sky too warm', frame: 9 });
    const approved = await reviewer.caller.post(`/api/versions/${v[3]}/decisions`, { decision: 'approved' });
    expect(approved.status).toBe(201);
    v[4] = (await readyNextVersion(server.db, editor, assetId)).versionId;
    for (const n of [1, 2, 3, 4]) {
      mkdirSync(versionDir(v[n]), { recursive: true });
      writeFileSync(path.join(versionDir(v[n]), 'poster.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    }
    const link = await editor.caller.post(`/api/projects/${projectId}/links`, {
      assetIds: [assetId],
      permissions: ['view', 'comment', 'approve'],
    });
    const joined = await new Caller(server.api.baseUrl).post(`/api/share/${link.body.token}/guests`, {
      name: 'Gwen',
    });
    guestToken = joined.body.token;
    guest = new Caller(server.api.baseUrl, { token: guestToken });
  });

  it('reviewers, viewers and guests are refused (403), outsiders and unknown versions get 404, anonymous 401', async () => {
    const route = `/api/versions/${v[4]}`;
    expect((await reviewer.caller.delete(route)).status).toBe(403);
    expect((await viewer.caller.delete(route)).status).toBe(403);
    expect((await guest.delete(route)).status).toBe(403);
    expect((await outsider.caller.delete(route)).status).toBe(404);
    expect((await new Caller(server.api.baseUrl).delete(route)).status).toBe(401);
    expect((await editor.caller.delete(`/api/versions/${randomUUID()}`)).status).toBe(404);
    expect(await numbers(owner.caller)).toEqual([4, 3, 2, 1]);
  });

  it('deleting the newest version gives the round back to the one before: its approval stands again', async () => {
    expect((await viewer.caller.get(`/api/assets/${assetId}/approval`)).body).toMatchObject({
      versionNumber: 4,
      state: 'in_review',
    });
    expect((await owner.caller.delete(`/api/versions/${v[4]}`)).status).toBe(204);
    expect(await numbers(viewer.caller)).toEqual([3, 2, 1]);
    expect((await viewer.caller.get(`/api/assets/${assetId}/approval`)).body).toMatchObject({
      versionNumber: 3,
      state: 'approved',
      approvedCount: 1,
    });
    const card = (await viewer.caller.get(`/api/assets/${assetId}`)).body;
    expect(card).toMatchObject({ versionCount: 3, latestVersion: { number: 3 } });
    expect((await viewer.caller.get(`/api/versions/${v[4]}`)).status).toBe(404);
  });

  it('a middle version goes with its notes, decisions and media; the others keep their numbers; the next one carries over from the one before; the room hears it live', async () => {
    const grid = await connectSocket(server.api.baseUrl, reviewer.token);
    const watcher = await connectSocket(server.api.baseUrl, guestToken);
    try {
      expect((await emitWithAck(grid.socket, 'project:join', { projectId })).ok).toBe(true);
      expect((await emitWithAck(watcher.socket, 'asset:join', { assetId })).ok).toBe(true);
      expect((await viewer.caller.get(`/api/versions/${v[3]}/carried-over`)).body.fromVersion.number).toBe(2);

      expect((await editor.caller.delete(`/api/versions/${v[2]}`)).status).toBe(204);

      expect(await numbers(owner.caller)).toEqual([3, 1]);
      expect(await numbers(guest)).toEqual([3, 1]);
      for (const table of ['comments', 'decisions', 'versions']) {
        const column = table === 'versions' ? 'id' : 'version_id';
        const rows = await server.db.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [v[2]]);
        expect([table, rows.length]).toEqual([table, 0]);
      }
      expect(existsSync(versionDir(v[2]))).toBe(false);
      expect(existsSync(versionDir(v[3]))).toBe(true);
      const carried = (await viewer.caller.get(`/api/versions/${v[3]}/carried-over`)).body;
      expect(carried.fromVersion.number).toBe(1);
      expect(carried.comments.map((c: { comment: { id: string } }) => c.comment.id)).toEqual([noteOnV1]);
      for (const socket of [grid, watcher]) {
        const event = await waitFor(() => socket.events.find((e) => e.type === 'version.deleted'));
        expect(event).toMatchObject({ assetId, payload: { versionId: v[2] } });
      }
    } finally {
      grid.socket.disconnect();
      watcher.socket.disconnect();
    }
  });

  it('the only version left is refused with 409 and a reason: that is deleting the cut', async () => {
    expect((await editor.caller.delete(`/api/versions/${v[3]}`)).status).toBe(204);
    const refused = await editor.caller.delete(`/api/versions/${v[1]}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      'This is the only version of the cut: delete the cut instead, or upload another version first.',
    );
    expect(await numbers(owner.caller)).toEqual([1]);
    expect(existsSync(versionDir(v[1]))).toBe(true);
  });
});
