import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtEntry } from './support/api-process.js';
import { Caller, type SignedIn } from './support/http-client.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { signUpTeam } from './support/team.js';
import { useTestServer } from './support/test-server.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('a deleted cut: Recently deleted, restore, delete forever, purge', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  let owner: SignedIn;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let viewer: SignedIn;
  let outsider: SignedIn;
  let guest: Caller;
  let projectId: string;
  let assetId: string;
  let v1: string;
  let v2: string;
  let noteId: string;

  const anonymous = () => new Caller(server.api.baseUrl);
  const versionDir = (versionId: string) => path.join(server.dataDir, 'media', 'versions', versionId);
  const withPoster = (versionId: string) => {
    mkdirSync(versionDir(versionId), { recursive: true });
    writeFileSync(path.join(versionDir(versionId), 'poster.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
  };
  const ids = (reply: { body: { assets: { id: string }[] } }) => reply.body.assets.map((a) => a.id);
  const listed = async (who: Caller) => ids(await who.get(`/api/projects/${projectId}/assets`));
  const recentlyDeleted = (who: Caller) => who.get(`/api/projects/${projectId}/deleted-assets`);

  beforeAll(async () => {
    ({ owner, editor, reviewer, viewer, outsider, projectId } = await signUpTeam(server.api.baseUrl, 'Bin'));
    ({ assetId, versionId: v1 } = await readyVersion(server.db, editor, projectId));
    v2 = (await readyNextVersion(server.db, editor, assetId)).versionId;
    for (const versionId of [v1, v2]) withPoster(versionId);
    noteId = (
      await reviewer.caller.post(`/api/versions/${v2}/comments`, { body: 'Cut the pause', frame: 12 })
    ).body.id;
    expect(
      (await reviewer.caller.post(`/api/versions/${v2}/decisions`, { decision: 'approved' })).status,
    ).toBe(201);
    const link = await editor.caller.post(`/api/projects/${projectId}/links`, {
      assetIds: [assetId],
      permissions: ['view', 'comment'],
    });
    const joined = await anonymous().post(`/api/share/${link.body.token}/guests`, { name: 'Gwen' });
    guest = new Caller(server.api.baseUrl, { token: joined.body.token });
  });

  it('only owners and editors delete a cut or see Recently deleted; outsiders get 404, guests 403', async () => {
    expect((await reviewer.caller.delete(`/api/assets/${assetId}`)).status).toBe(403);
    expect((await viewer.caller.delete(`/api/assets/${assetId}`)).status).toBe(403);
    expect((await guest.delete(`/api/assets/${assetId}`)).status).toBe(403);
    expect((await recentlyDeleted(owner.caller)).status).toBe(200);
    expect((await recentlyDeleted(editor.caller)).status).toBe(200);
    expect((await recentlyDeleted(reviewer.caller)).status).toBe(403);
    expect((await recentlyDeleted(viewer.caller)).status).toBe(403);
    expect((await recentlyDeleted(guest)).status).toBe(403);
    expect((await recentlyDeleted(outsider.caller)).status).toBe(404);
    expect((await recentlyDeleted(anonymous())).status).toBe(401);
    expect((await owner.caller.post(`/api/deleted-assets/${assetId}/restore`)).status).toBe(404);
  });

  const feedItemsOf = async (who: SignedIn) =>
    (await who.caller.get('/api/activity')).body.items.filter(
      (item: { asset: { id: string } }) => item.asset.id === assetId,
    );

  it('deleting moves the cut to Recently deleted: gone for everyone everywhere, live, its data kept', async () => {
    // The editor's uploads told the owner: those items go from the feed with the cut.
    const deadline = Date.now() + 15_000;
    while ((await feedItemsOf(owner)).length === 0) {
      if (Date.now() > deadline) throw new Error('no activity item for the owner');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const grid = await connectSocket(server.api.baseUrl, viewer.token);
    try {
      expect((await emitWithAck(grid.socket, 'project:join', { projectId })).ok).toBe(true);
      expect((await editor.caller.delete(`/api/assets/${assetId}`)).status).toBe(204);
      const event = await waitFor(() => grid.events.find((e) => e.type === 'asset.deleted'));
      expect(event).toMatchObject({ assetId, payload: { projectId } });
    } finally {
      grid.socket.disconnect();
    }
    for (const who of [owner.caller, viewer.caller]) expect(await listed(who)).not.toContain(assetId);
    for (const route of [
      `/api/assets/${assetId}`,
      `/api/assets/${assetId}/versions`,
      `/api/versions/${v2}`,
      `/api/versions/${v2}/comments`,
      `/api/versions/${v2}/media/poster.jpg`,
      `/api/versions/${v2}/export/csv`,
      `/api/assets/${assetId}/approval`,
    ]) {
      for (const who of [owner.caller, guest])
        expect([route, (await who.get(route)).status]).toEqual([route, 404]);
    }
    expect(ids(await guest.get('/api/share'))).not.toContain(assetId);
    const approvals = (await owner.caller.get(`/api/projects/${projectId}/approvals`)).body.approvals;
    expect(approvals.map((a: { assetId: string }) => a.assetId)).not.toContain(assetId);
    expect(await feedItemsOf(owner)).toEqual([]);
    const kept = await server.db.query(`SELECT 1 FROM versions WHERE asset_id = $1`, [assetId]);
    expect(kept).toHaveLength(2);
    expect(existsSync(versionDir(v2))).toBe(true);

    const bin = (await recentlyDeleted(editor.caller)).body;
    expect(bin.retentionDays).toBe(30);
    expect(bin.assets).toHaveLength(1);
    const [entry] = bin.assets;
    expect(entry).toMatchObject({ id: assetId, versionCount: 2, deletedBy: { displayName: 'Eddie Editor' } });
    expect(Date.parse(entry.purgeAt) - Date.parse(entry.deletedAt)).toBe(30 * DAY_MS);
  });

  it('restore brings it back exactly as it was, live, for members and the link’s guest', async () => {
    expect((await reviewer.caller.post(`/api/deleted-assets/${assetId}/restore`)).status).toBe(403);
    expect((await outsider.caller.post(`/api/deleted-assets/${assetId}/restore`)).status).toBe(404);
    expect((await guest.post(`/api/deleted-assets/${assetId}/restore`)).status).toBe(403);
    const grid = await connectSocket(server.api.baseUrl, viewer.token);
    try {
      expect((await emitWithAck(grid.socket, 'project:join', { projectId })).ok).toBe(true);
      const restored = await owner.caller.post(`/api/deleted-assets/${assetId}/restore`);
      expect(restored.status).toBe(200);
      expect(restored.body).toMatchObject({ id: assetId, versionCount: 2 });
      const event = await waitFor(() => grid.events.find((e) => e.type === 'asset.restored'));
      expect(event).toMatchObject({ assetId, payload: { projectId } });
    } finally {
      grid.socket.disconnect();
    }
    expect(await listed(viewer.caller)).toContain(assetId);
    const versions = (await viewer.caller.get(`/api/assets/${assetId}/versions`)).body.versions;
    expect(versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const notes = (await viewer.caller.get(`/api/versions/${v2}/comments`)).body.comments;
    expect(notes.map((c: { id: string }) => c.id)).toEqual([noteId]);
    expect((await viewer.caller.get(`/api/assets/${assetId}/approval`)).body).toMatchObject({
      versionNumber: 2,
      state: 'approved',
    });
    expect(ids(await guest.get('/api/share'))).toContain(assetId);
    expect((await feedItemsOf(owner)).length).toBeGreaterThan(0);
    expect((await guest.get(`/api/versions/${v2}/media/poster.jpg`)).status).toBe(200);
    expect((await recentlyDeleted(owner.caller)).body.assets).toEqual([]);
    expect((await owner.caller.post(`/api/deleted-assets/${assetId}/restore`)).status).toBe(404);
  });

  it('delete forever erases it, rows and media files, from Recently deleted only', async () => {
    expect((await editor.caller.delete(`/api/deleted-assets/${assetId}`)).status).toBe(404);
    expect((await editor.caller.delete(`/api/assets/${assetId}`)).status).toBe(204);
    expect((await reviewer.caller.delete(`/api/deleted-assets/${assetId}`)).status).toBe(403);
    expect((await outsider.caller.delete(`/api/deleted-assets/${assetId}`)).status).toBe(404);
    expect((await editor.caller.delete(`/api/deleted-assets/${assetId}`)).status).toBe(204);
    for (const table of ['assets', 'versions', 'comments', 'decisions']) {
      const column = table === 'assets' ? 'id' : 'asset_id';
      const rows = await server.db.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [assetId]);
      expect([table, rows.length]).toEqual([table, 0]);
    }
    for (const versionId of [v1, v2]) expect(existsSync(versionDir(versionId))).toBe(false);
    expect((await recentlyDeleted(owner.caller)).body.assets).toEqual([]);
  });

  it('the media worker purges cuts deleted past the retention, media included, and keeps the recent ones', async () => {
    // The api under test runs no worker (MEDIA_WORKER=false): the purge below is the started worker's.
    const old = await readyVersion(server.db, editor, projectId);
    const recent = await readyVersion(server.db, editor, projectId);
    for (const cut of [old, recent]) {
      withPoster(cut.versionId);
      expect((await editor.caller.delete(`/api/assets/${cut.assetId}`)).status).toBe(204);
    }
    await server.db.query(`UPDATE assets SET deleted_at = now() - interval '31 days' WHERE id = $1`, [
      old.assetId,
    ]);
    const worker = spawn(process.execPath, [builtEntry('worker')], {
      env: { ...process.env, DATABASE_URL: server.db.url, DATA_DIR: server.dataDir, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout.on('data', (chunk) => (output += chunk));
    worker.stderr.on('data', (chunk) => (output += chunk));
    try {
      const deadline = Date.now() + 60_000;
      while ((await server.db.query(`SELECT 1 FROM assets WHERE id = $1`, [old.assetId])).length > 0) {
        if (Date.now() > deadline) throw new Error(`the worker did not purge the old cut:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      worker.kill('SIGTERM');
      await new Promise((resolve) => worker.once('exit', resolve));
    }
    expect(existsSync(versionDir(old.versionId))).toBe(false);
    expect(existsSync(versionDir(recent.versionId))).toBe(true);
    expect(ids(await recentlyDeleted(owner.caller))).toEqual([recent.assetId]);
  }, 120_000);

  it('deleting the project still erases everything, its Recently deleted included', async () => {
    expect((await owner.caller.delete(`/api/projects/${projectId}`)).status).toBe(204);
    const left = await server.db.query(`SELECT 1 FROM assets WHERE project_id = $1`, [projectId]);
    expect(left).toEqual([]);
  });
});
