import { randomBytes } from 'node:crypto';
import { Caller, type SignedIn } from './support/http-client.js';
import { readyVersion } from './support/review-fixture.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { signUpTeam } from './support/team.js';
import { useTestServer } from './support/test-server.js';
import { tusUpload } from './support/tus.js';

describe('a review-link guest never sees a failed or processing cut', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  let editor: SignedIn;
  let projectId: string;
  let ready: { assetId: string; versionId: string };
  let failed: { assetId: string; versionId: string };
  let guest: Caller;
  let guestToken: string;

  const base = () => server.api.baseUrl;

  beforeAll(async () => {
    ({ editor, projectId } = await signUpTeam(base(), 'Launch film'));
    ready = await readyVersion(server.db, editor, projectId);
    failed = await readyVersion(server.db, editor, projectId);
    await server.db.query(
      `UPDATE versions SET status = 'failed', failure_reason = 'The file is cut short.' WHERE id = $1`,
      [failed.versionId],
    );
    const link = await editor.caller.post(`/api/projects/${projectId}/links`, {
      permissions: ['view', 'comment', 'download'],
    });
    expect(link.status).toBe(201);
    const joined = await new Caller(base()).post(`/api/share/${link.body.token}/guests`, { name: 'Cleo' });
    guestToken = joined.body.token;
    guest = new Caller(base(), { token: guestToken });
  });

  it('the failed cut is in no list, and every read of it answers 404', async () => {
    const members = await editor.caller.get(`/api/projects/${projectId}/assets`);
    expect(members.body.assets.map((a: { id: string }) => a.id).sort()).toEqual(
      [ready.assetId, failed.assetId].sort(),
    );
    const home = await guest.get('/api/share');
    expect(home.body.assets.map((a: { id: string }) => a.id)).toEqual([ready.assetId]);
    for (const route of [
      `/api/assets/${failed.assetId}`,
      `/api/assets/${failed.assetId}/versions`,
      `/api/versions/${failed.versionId}`,
      `/api/versions/${failed.versionId}/comments`,
      `/api/versions/${failed.versionId}/original`,
      `/api/versions/${failed.versionId}/media/master.m3u8`,
    ]) {
      expect([route, (await guest.get(route)).status]).toEqual([route, 404]);
    }
  });

  it('a new version on its way is kept from the guest: not live, not listed, not in a replay', async () => {
    const { socket, events } = await connectSocket(base(), guestToken);
    const member = await connectSocket(base(), editor.token);
    try {
      const joined = await emitWithAck(socket, 'asset:join', { assetId: ready.assetId, afterSeq: 0 });
      expect(joined.ok).toBe(true);
      await emitWithAck(member.socket, 'asset:join', { assetId: ready.assetId });
      await tusUpload(editor.caller, randomBytes(1000), { filename: 'v2.mov', assetId: ready.assetId });
      // The member hears the new version created and queued; by then the guest would have too.
      await waitFor(() => member.events.filter((e) => e.type.startsWith('version.')).length >= 2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(events.filter((e) => e.type.startsWith('version.'))).toEqual([]);

      const versions = await guest.get(`/api/assets/${ready.assetId}/versions`);
      expect(versions.body.versions.map((v: { id: string }) => v.id)).toEqual([ready.versionId]);
      const asset = await guest.get(`/api/assets/${ready.assetId}`);
      expect(asset.body).toMatchObject({ versionCount: 1, latestVersion: { id: ready.versionId } });

      const replay = await emitWithAck(socket, 'asset:join', { assetId: ready.assetId, afterSeq: 0 });
      const told = replay.events.filter(
        (e: { type: string }) => e.type.startsWith('version.') || e.type === 'asset.created',
      );
      expect(
        told.every((e: { payload: { version: { status: string } } }) => e.payload.version.status === 'ready'),
      ).toBe(true);
    } finally {
      socket.disconnect();
      member.socket.disconnect();
    }
  });

  it('once the version is ready the guest sees it', async () => {
    const [row] = await server.db.query<{ id: string }>(
      `SELECT id FROM versions WHERE asset_id = $1 ORDER BY number DESC LIMIT 1`,
      [ready.assetId],
    );
    await server.db.query(`UPDATE versions SET status = 'ready' WHERE id = $1`, [row.id]);
    const versions = await guest.get(`/api/assets/${ready.assetId}/versions`);
    expect(versions.body.versions.map((v: { id: string }) => v.id)).toEqual([row.id, ready.versionId]);
  });
});
