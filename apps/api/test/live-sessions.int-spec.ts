import type { LiveTransport } from '@cutroom/contracts';
import { Client } from 'pg';
import { type LiveCut, linkGuest, openLiveCut, stillAt, useLiveCuts } from './support/live-session.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { emitWithAck, waitFor } from './support/socket-client.js';
import { signUpTeam, type Team } from './support/team.js';
import { useTwoNodes } from './support/two-nodes.js';

const latest = (cut: LiveCut) => cut.states.at(-1);

describe('live review sessions', () => {
  const server = useTwoNodes();
  let team: Team;
  let cut: { assetId: string; versionId: string };
  let nextVersionId: string;
  const openCut = useLiveCuts(server);
  const opened = (baseUrl: string, who: { token: string }, assetId = cut.assetId) =>
    openCut(baseUrl, who.token, assetId);

  beforeAll(async () => {
    team = await signUpTeam(server.nodeA.baseUrl, 'Live sessions');
    cut = await readyVersion(server.db, team.editor, team.projectId, 240);
    nextVersionId = (await readyNextVersion(server.db, team.editor, cut.assetId, 240)).versionId;
  });

  it('a follower connected to another api process follows the host, and a late joiner lands on the current state', async () => {
    const host = await opened(server.nodeA.baseUrl, team.owner);
    const follower = await opened(server.nodeB.baseUrl, team.reviewer);
    expect(follower.joinAck).toMatchObject({ ok: true, liveSession: null });

    const started = await emitWithAck(host.socket, 'live:start', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 0),
    });
    expect(started).toMatchObject({
      ok: true,
      session: { host: { userId: team.owner.user.id }, revision: 1 },
    });
    // Everyone on the cut hears of it ("Live session by Olive Owner"), on the other process too.
    await waitFor(() => latest(follower)?.sessionId === started.session.sessionId);
    expect(latest(follower)?.host.displayName).toBe('Olive Owner');

    const joined = await emitWithAck(follower.socket, 'live:join', { assetId: cut.assetId });
    expect(joined.ok).toBe(true);
    expect(joined.session.participants).toEqual([
      { userId: team.owner.user.id, displayName: 'Olive Owner', role: 'host', guest: false },
      { userId: team.reviewer.user.id, displayName: 'Rita Reviewer', role: 'viewer', guest: false },
    ]);

    // Seek, then a frame step, then play at double speed, then a version switch.
    const moves: LiveTransport[] = [
      stillAt(cut.versionId, 120),
      stillAt(cut.versionId, 121),
      { ...stillAt(cut.versionId, 121), playing: true, rate: 2 },
      stillAt(nextVersionId, 121),
    ];
    for (const transport of moves) {
      const driven = await emitWithAck(host.socket, 'live:drive', { assetId: cut.assetId, transport });
      expect(driven.ok).toBe(true);
      await waitFor(() => latest(follower)?.revision === driven.session.revision);
      expect(latest(follower)?.transport).toEqual(transport);
    }
    const revisions = follower.states.map((s) => s.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    expect(new Set(revisions).size).toBe(revisions.length);

    const late = await opened(server.nodeB.baseUrl, team.viewer);
    expect(late.joinAck.liveSession).toMatchObject({
      sessionId: started.session.sessionId,
      transport: stillAt(nextVersionId, 121),
    });
    const lateJoin = await emitWithAck(late.socket, 'live:join', { assetId: cut.assetId });
    expect(lateJoin.session.transport).toEqual(stillAt(nextVersionId, 121));
  });

  it("a follower's drive command is refused and changes nothing", async () => {
    const host = await opened(server.nodeA.baseUrl, team.owner);
    const follower = await opened(server.nodeB.baseUrl, team.editor);
    await emitWithAck(host.socket, 'live:start', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 10),
    });
    const joined = await emitWithAck(follower.socket, 'live:join', { assetId: cut.assetId });

    const refused = await emitWithAck(follower.socket, 'live:drive', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 99),
    });
    expect(refused).toEqual({
      ok: false,
      error: { statusCode: 403, message: 'Only the host drives the session and hands out its roles.' },
    });
    const again = await emitWithAck(follower.socket, 'live:join', { assetId: cut.assetId });
    expect(again.session.transport.frame).toBe(10);
    expect(again.session.revision).toBe(joined.session.revision);
  });

  it('bad messages are answered through the ack, and the server carries on', async () => {
    const host = await opened(server.nodeA.baseUrl, team.owner);
    const other = await readyVersion(server.db, team.editor, team.projectId, 24);
    await emitWithAck(host.socket, 'live:start', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 0),
    });
    const drive = (transport: unknown) =>
      emitWithAck(host.socket, 'live:drive', { assetId: cut.assetId, transport });

    const halfFrame = await drive({ ...stillAt(cut.versionId, 0), frame: 1.5 });
    expect(halfFrame.error.statusCode).toBe(400);
    expect(halfFrame.error.fields).toEqual([
      { path: 'transport.frame', message: 'must be a whole frame number' },
    ]);
    expect((await drive({ ...stillAt(cut.versionId, 0), rate: 100 })).error.statusCode).toBe(400);
    expect((await drive(stillAt(cut.versionId, 240))).error).toEqual({
      statusCode: 400,
      message: 'That frame is past the end of the version.',
    });
    expect((await drive(stillAt(other.versionId, 0))).error).toEqual({
      statusCode: 400,
      message: 'That version is not one of this cut.',
    });
    for (const body of [null, 'live', 42, [], { assetId: 'nope' }])
      expect((await emitWithAck(host.socket, 'live:join', body)).error.statusCode).toBe(400);
    const twice = await emitWithAck(host.socket, 'live:start', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 0),
    });
    expect(twice.error.statusCode).toBe(409);
    // A message without an ack is dropped, not a crash.
    host.socket.emit('live:drive', { assetId: cut.assetId, transport: 'garbage' });

    expect((await drive(stillAt(cut.versionId, 7))).session.transport.frame).toBe(7);
    expect((await fetch(`${server.nodeA.baseUrl}/api/health`)).status).toBe(200);
  });

  it('a host flooding drive commands reaches followers a bounded number of times, always ending on its last one, and the server stays responsive', async () => {
    const host = await opened(server.nodeA.baseUrl, team.owner);
    const follower = await opened(server.nodeB.baseUrl, team.reviewer);
    await emitWithAck(host.socket, 'live:start', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 0),
    });
    const joined = await emitWithAck(follower.socket, 'live:join', { assetId: cut.assetId });
    await waitFor(() => latest(follower)?.revision === joined.session.revision);
    const before = follower.states.length;

    const sentAt = Date.now();
    const acks = await Promise.all(
      Array.from({ length: 1000 }, (_, n) =>
        emitWithAck(host.socket, 'live:drive', {
          assetId: cut.assetId,
          transport: stillAt(cut.versionId, n % 240),
        }),
      ),
    );
    const seconds = (Date.now() - sentAt) / 1000;
    const last = stillAt(cut.versionId, 999 % 240);
    // Every command is answered: run, or replaced by a newer one (a 429 its sender can tell apart).
    const refused = acks.filter((ack) => !ack.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const ack of refused) expect(ack.error).toMatchObject({ statusCode: 429, code: 'drive_superseded' });
    expect(acks.at(-1)).toMatchObject({ ok: true, session: { transport: last } });
    await waitFor(() => latest(follower)?.revision === acks.at(-1).session.revision);
    expect(latest(follower)?.transport).toEqual(last);
    // A burst of 60, then 40 a second (and the last one of the flood); each one applied heard once.
    const received = follower.states.length - before;
    expect(received).toBeLessThanOrEqual(60 + Math.ceil(40 * seconds) + 1);
    expect(joined.session.revision + received).toBe(acks.at(-1).session.revision);
    expect(acks.filter((ack) => ack.ok)).toHaveLength(received);

    const asked = Date.now();
    expect((await fetch(`${server.nodeA.baseUrl}/api/health`)).status).toBe(200);
    expect((await emitWithAck(host.socket, 'asset:join', { assetId: cut.assetId })).ok).toBe(true);
    expect(Date.now() - asked).toBeLessThan(2000);
  });

  it("a host's change is dated when its player was there: as it came in, less how old the host says its reading was, never later for waiting its turn", async () => {
    const host = await opened(server.nodeA.baseUrl, team.owner);
    await emitWithAck(host.socket, 'live:start', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 0),
    });
    const playing = { ...stillAt(cut.versionId, 10), playing: true };
    const changedAt = (ack: any) => Date.parse(ack.session.changedAt);

    // The host read its frame 100 ms before sending (one machine: the same clock as the server's).
    let sentAt = Date.now();
    const aged = await emitWithAck(host.socket, 'live:drive', {
      assetId: cut.assetId,
      transport: playing,
      sampleAgeMs: 100,
    });
    expect(changedAt(aged)).toBeLessThanOrEqual(sentAt - 100 + 50);
    expect(changedAt(aged)).toBeGreaterThanOrEqual(sentAt - 250);
    // However old a client says its reading is, the change goes back no further than 250 ms.
    sentAt = Date.now();
    const lying = await emitWithAck(host.socket, 'live:drive', {
      assetId: cut.assetId,
      transport: { ...playing, frame: 11 },
      sampleAgeMs: 60_000,
    });
    expect(changedAt(lying)).toBeGreaterThanOrEqual(sentAt - 250);

    // A drive that waits behind the host's previous message (held up by the database) is dated as it came in.
    const holder = new Client({ connectionString: server.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM live_sessions WHERE asset_id = $1 FOR UPDATE`, [cut.assetId]);
      const held = emitWithAck(host.socket, 'live:make-host', {
        assetId: cut.assetId,
        userId: team.owner.user.id,
      });
      sentAt = Date.now();
      const waited = emitWithAck(host.socket, 'live:drive', {
        assetId: cut.assetId,
        transport: { ...playing, frame: 12 },
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      await holder.query('COMMIT');
      expect((await held).ok).toBe(true);
      const ack = await waited;
      expect(ack.session.transport.frame).toBe(12);
      expect(changedAt(ack)).toBeLessThan(sentAt + 200);
    } finally {
      await holder.end();
    }
  });

  it('a review-link guest can join and follow, but can never start, drive or become host', async () => {
    const gwen = await linkGuest(team.owner.caller, server.nodeB.baseUrl, { ...team, ...cut }, 'Gwen');
    const guest = await opened(server.nodeB.baseUrl, gwen);
    expect(guest.joinAck.ok).toBe(true);

    const refusedStart = await emitWithAck(guest.socket, 'live:start', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 0),
    });
    expect(refusedStart.error).toMatchObject({ statusCode: 403 });

    const host = await opened(server.nodeA.baseUrl, team.owner);
    await emitWithAck(host.socket, 'live:start', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 5),
    });
    const joined = await emitWithAck(guest.socket, 'live:join', { assetId: cut.assetId });
    expect(joined.session).toMatchObject({ host: { userId: team.owner.user.id }, transport: { frame: 5 } });
    // This link does not show the team: the host is named, who else follows is not; the guest sees
    // the guests of their own link (here, themselves) and their role.
    expect(joined.session.participants).toEqual([
      { userId: gwen.userId, displayName: 'Gwen (guest)', role: 'viewer', guest: true },
    ]);

    const madeHost = await emitWithAck(host.socket, 'live:make-host', {
      assetId: cut.assetId,
      userId: gwen.userId,
    });
    expect(madeHost).toEqual({
      ok: false,
      error: { statusCode: 403, message: 'A guest cannot host a live session.' },
    });
    const guestDrive = await emitWithAck(guest.socket, 'live:drive', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 6),
    });
    expect(guestDrive.error.statusCode).toBe(403);

    // The host leaving with only a guest behind ends the session: it never falls to the guest.
    await emitWithAck(host.socket, 'live:leave', { assetId: cut.assetId });
    await waitFor(() => guest.ended.length === 1);
    expect((await emitWithAck(guest.socket, 'live:join', { assetId: cut.assetId })).error.statusCode).toBe(
      404,
    );
  });

  it('someone outside the project cannot join, nor learn of the session', async () => {
    const host = await opened(server.nodeA.baseUrl, team.owner);
    await emitWithAck(host.socket, 'live:start', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 0),
    });
    const outsider = await opened(server.nodeB.baseUrl, team.outsider);
    expect(outsider.joinAck).toMatchObject({ ok: false, error: { statusCode: 404 } });
    const join = await emitWithAck(outsider.socket, 'live:join', { assetId: cut.assetId });
    expect(join.error.statusCode).toBe(409);
    await emitWithAck(host.socket, 'live:drive', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 3),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(outsider.states).toEqual([]);
  });

  it('Make host passes the role; the host leaving passes it to the next member; the last one leaving ends it', async () => {
    const [owner, reviewer, viewer] = await Promise.all([
      opened(server.nodeA.baseUrl, team.owner),
      opened(server.nodeB.baseUrl, team.reviewer),
      opened(server.nodeA.baseUrl, team.viewer),
    ]);
    await emitWithAck(owner.socket, 'live:start', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 0),
    });
    await emitWithAck(reviewer.socket, 'live:join', { assetId: cut.assetId });
    await emitWithAck(viewer.socket, 'live:join', { assetId: cut.assetId });

    const passed = await emitWithAck(owner.socket, 'live:make-host', {
      assetId: cut.assetId,
      userId: team.reviewer.user.id,
    });
    expect(passed.session.host.userId).toBe(team.reviewer.user.id);
    await waitFor(() => latest(viewer)?.host.userId === team.reviewer.user.id);
    expect(
      (
        await emitWithAck(owner.socket, 'live:drive', {
          assetId: cut.assetId,
          transport: stillAt(cut.versionId, 1),
        })
      ).ok,
    ).toBe(false);
    expect(
      (
        await emitWithAck(reviewer.socket, 'live:drive', {
          assetId: cut.assetId,
          transport: stillAt(cut.versionId, 2),
        })
      ).ok,
    ).toBe(true);

    // Rita (hosting) leaves: Olive joined first of those left.
    const afterRita = await emitWithAck(reviewer.socket, 'live:leave', { assetId: cut.assetId });
    expect(afterRita).toEqual({
      ok: true,
      session: expect.objectContaining({ host: { userId: team.owner.user.id, displayName: 'Olive Owner' } }),
    });
    await emitWithAck(owner.socket, 'live:leave', { assetId: cut.assetId });
    await waitFor(() => latest(viewer)?.host.userId === team.viewer.user.id);
    expect(latest(viewer)?.participants.map((p) => p.userId)).toEqual([team.viewer.user.id]);

    const last = await emitWithAck(viewer.socket, 'live:leave', { assetId: cut.assetId });
    expect(last).toEqual({ ok: true, session: null });
    await waitFor(() => reviewer.ended.length === 1 && owner.ended.length === 1);
    expect((await emitWithAck(owner.socket, 'asset:join', { assetId: cut.assetId })).liveSession).toBeNull();
  });

  // Last: it kills node B.
  it("after the host's api process is killed, its followers reconnect to another and find the same session", async () => {
    const host = await opened(server.nodeB.baseUrl, team.owner);
    const onB = await opened(server.nodeB.baseUrl, team.reviewer);
    const onA = await opened(server.nodeA.baseUrl, team.editor);
    await emitWithAck(host.socket, 'live:start', {
      assetId: cut.assetId,
      transport: stillAt(cut.versionId, 0),
    });
    for (const follower of [onB, onA])
      await emitWithAck(follower.socket, 'live:join', { assetId: cut.assetId });
    const paused = await emitWithAck(host.socket, 'live:drive', {
      assetId: cut.assetId,
      transport: { ...stillAt(cut.versionId, 200), loopIn: 180, loopOut: 220 },
    });
    await waitFor(() => latest(onA)?.revision === paused.session.revision);

    await server.nodeB.kill();

    // Reconnecting (as the web client does): to the process that is left, the cut, then the session.
    const back = await opened(server.nodeA.baseUrl, team.reviewer);
    expect(back.joinAck.liveSession).toMatchObject({
      sessionId: paused.session.sessionId,
      revision: paused.session.revision,
      transport: paused.session.transport,
      host: { userId: team.owner.user.id },
    });
    const rejoined = await emitWithAck(back.socket, 'live:join', { assetId: cut.assetId });
    expect(rejoined.session.revision).toBe(paused.session.revision);

    // The host comes back through the other process and drives on: the role stayed theirs.
    const hostBack = await opened(server.nodeA.baseUrl, team.owner);
    expect(
      (await emitWithAck(hostBack.socket, 'live:join', { assetId: cut.assetId })).session.host.userId,
    ).toBe(team.owner.user.id);
    const stepped = await emitWithAck(hostBack.socket, 'live:drive', {
      assetId: cut.assetId,
      transport: { ...stillAt(cut.versionId, 201), loopIn: 180, loopOut: 220 },
    });
    expect(stepped.ok).toBe(true);
    await waitFor(() => latest(back)?.transport.frame === 201 && latest(onA)?.transport.frame === 201);
  });
});

describe('live review sessions let go of people who are gone', () => {
  const server = useTwoNodes({ LIVE_SESSION_GRACE_SECONDS: '1' });
  let team: Team;
  let cut: { assetId: string; versionId: string };
  const start: LiveTransport = {
    versionId: '',
    frame: 12,
    playing: false,
    rate: 1,
    loopIn: null,
    loopOut: null,
    compare: null,
  };

  beforeAll(async () => {
    team = await signUpTeam(server.nodeA.baseUrl, 'Live sessions, people gone');
    cut = await readyVersion(server.db, team.editor, team.projectId, 240);
    start.versionId = cut.versionId;
  });

  it('someone taken off the project leaves the session, while a follower who stays connected keeps their seat', async () => {
    const host = await openLiveCut(server.nodeA.baseUrl, team.owner.token, cut.assetId);
    const viewer = await openLiveCut(server.nodeB.baseUrl, team.viewer.token, cut.assetId);
    const reviewer = await openLiveCut(server.nodeB.baseUrl, team.reviewer.token, cut.assetId);
    try {
      await emitWithAck(host.socket, 'live:start', { assetId: cut.assetId, transport: start });
      await emitWithAck(viewer.socket, 'live:join', { assetId: cut.assetId });
      await emitWithAck(reviewer.socket, 'live:join', { assetId: cut.assetId });
      const removed = await team.owner.caller.delete(
        `/api/projects/${team.projectId}/members/${team.viewer.user.id}`,
      );
      expect(removed.status).toBe(204);
      await waitFor(() => latest(host)?.participants.every((p) => p.userId !== team.viewer.user.id), 20_000);
      // Several grace periods later, those still following are still in it.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(latest(host)?.participants.map((p) => p.userId)).toEqual([
        team.owner.user.id,
        team.reviewer.user.id,
      ]);
    } finally {
      for (const opened of [host, viewer, reviewer]) opened.socket.disconnect();
      await server.db.query(`DELETE FROM live_sessions`);
    }
  });

  // Last: it kills node B.
  it('a host whose api process died and who does not come back passes the role to the next member', async () => {
    const host = await openLiveCut(server.nodeB.baseUrl, team.owner.token, cut.assetId);
    const follower = await openLiveCut(server.nodeA.baseUrl, team.editor.token, cut.assetId);
    try {
      await emitWithAck(host.socket, 'live:start', { assetId: cut.assetId, transport: start });
      await emitWithAck(follower.socket, 'live:join', { assetId: cut.assetId });
      await server.nodeB.kill();
      await waitFor(() => latest(follower)?.host.userId === team.editor.user.id, 45_000);
      expect(latest(follower)?.transport).toEqual(start);
      const driven = await emitWithAck(follower.socket, 'live:drive', {
        assetId: cut.assetId,
        transport: { ...start, frame: 13 },
      });
      expect(driven.ok).toBe(true);
    } finally {
      follower.socket.disconnect();
      host.socket.disconnect();
    }
  }, 90_000);
});
