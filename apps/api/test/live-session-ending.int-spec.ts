import { Client } from 'pg';
import { type LiveCut, stillAt, useLiveCuts } from './support/live-session.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { emitWithAck, waitFor } from './support/socket-client.js';
import { signUpTeam, type Team } from './support/team.js';
import { useTwoNodes } from './support/two-nodes.js';

describe('a live session ends, and is announced and logged, when what it stands on goes', () => {
  const server = useTwoNodes({ LIVE_SESSION_GRACE_SECONDS: '1' });
  let team: Team;
  let cut: { assetId: string; versionId: string };
  const openCut = useLiveCuts(server);
  async function opened(baseUrl: string, token: string): Promise<LiveCut> {
    const cutOpen = await openCut(baseUrl, token, cut.assetId);
    expect(cutOpen.joinAck.ok).toBe(true);
    return cutOpen;
  }
  async function loggedSessionIds(): Promise<string[]> {
    const reply = await team.viewer.caller.get(`/api/assets/${cut.assetId}/live-sessions`);
    expect(reply.status).toBe(200);
    return reply.body.sessions.map((listed: { log: { sessionId: string } }) => listed.log.sessionId);
  }

  beforeAll(async () => {
    team = await signUpTeam(server.nodeA.baseUrl, 'Live sessions ending');
    cut = await readyVersion(server.db, team.editor, team.projectId, 240);
  });

  it('deleting the version the session is on ends it: followers hear live:ended and its log is kept', async () => {
    const { versionId } = await readyNextVersion(server.db, team.editor, cut.assetId, 240);
    const host = await opened(server.nodeA.baseUrl, team.owner.token);
    const follower = await opened(server.nodeB.baseUrl, team.reviewer.token);
    const started = await emitWithAck(host.socket, 'live:start', {
      assetId: cut.assetId,
      transport: stillAt(versionId, 0),
    });
    expect(started.ok).toBe(true);
    expect((await emitWithAck(follower.socket, 'live:join', { assetId: cut.assetId })).ok).toBe(true);

    expect((await team.owner.caller.delete(`/api/versions/${versionId}`)).status).toBe(204);

    const ended = { assetId: cut.assetId, sessionId: started.session.sessionId };
    await waitFor(() => follower.ended.length === 1 && host.ended.length === 1);
    expect(follower.ended).toEqual([ended]);
    expect(await loggedSessionIds()).toContain(ended.sessionId);
    expect(
      (await emitWithAck(follower.socket, 'asset:join', { assetId: cut.assetId })).liveSession,
    ).toBeNull();
  });

  it('the last one leaving, while a version is being deleted, waits for the cut rather than deadlocking with it', async () => {
    const host = await opened(server.nodeA.baseUrl, team.owner.token);
    const started = await emitWithAck(host.socket, 'live:start', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 0),
    });
    expect(started.ok).toBe(true);
    // A deletion under way, as removing a version takes its locks: the cut first, then its session.
    const deletion = new Client({ connectionString: server.db.url });
    await deletion.connect();
    try {
      await deletion.query('BEGIN');
      await deletion.query(`SELECT 1 FROM assets WHERE id = $1 FOR UPDATE`, [cut.assetId]);
      // The host leaves meanwhile, ending the session (its log goes on the cut): that waits for the cut.
      const leaving = emitWithAck(host.socket, 'live:leave', { assetId: cut.assetId });
      const waiting = async () => {
        const [row] = await server.db.query<{ waiting: string }>(
          `SELECT count(*) AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return Number(row.waiting) > 0;
      };
      for (let tries = 0; !(await waiting()); tries++) {
        if (tries > 400) throw new Error('the leave never waited for the cut');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      // Its session's row is free: the leave took nothing of it before the cut (NOWAIT: fails at once if held).
      const locked = await deletion.query(
        `SELECT 1 FROM live_sessions WHERE asset_id = $1 FOR UPDATE NOWAIT`,
        [cut.assetId],
      );
      expect(locked.rowCount).toBe(1);
      await deletion.query('COMMIT');
      expect(await leaving).toEqual({ ok: true, session: null });
    } finally {
      await deletion.end();
    }
    expect(await loggedSessionIds()).toContain(started.session.sessionId);
  });

  // Last: it kills node B.
  it('a session whose api process died with every page closed ends within a couple of sweeps', async () => {
    const host = await opened(server.nodeB.baseUrl, team.owner.token);
    // Someone with the cut open on the other process, who never joined the session.
    const onlooker = await opened(server.nodeA.baseUrl, team.reviewer.token);
    const started = await emitWithAck(host.socket, 'live:start', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 0),
    });
    expect(started.ok).toBe(true);

    await server.nodeB.kill();

    await waitFor(() => onlooker.ended.length === 1, 30_000);
    expect(onlooker.ended).toEqual([{ assetId: cut.assetId, sessionId: started.session.sessionId }]);
    expect(await loggedSessionIds()).toContain(started.session.sessionId);
    expect(
      (await emitWithAck(onlooker.socket, 'asset:join', { assetId: cut.assetId })).liveSession,
    ).toBeNull();
  }, 90_000);
});
