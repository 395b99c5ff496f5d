import type { Socket } from 'socket.io-client';
import { feed, itemFor } from './support/activity-feed.js';
import { Caller, type SignedIn } from './support/http-client.js';
import { readyVersion } from './support/review-fixture.js';
import { connectSocket, emitWithAck, type ReceivedEvent, waitFor } from './support/socket-client.js';
import { signUpTeam, type Team } from './support/team.js';
import { useTestServer } from './support/test-server.js';

interface Opened {
  socket: Socket;
  events: ReceivedEvent[];
}

describe("a live session's log in the cut's activity", () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  let team: Team;
  let cut: { assetId: string; versionId: string };
  const sockets: Socket[] = [];
  const base = () => server.api.baseUrl;

  async function open(token: string): Promise<Opened> {
    const { socket, events } = await connectSocket(base(), token);
    sockets.push(socket);
    expect((await emitWithAck(socket, 'asset:join', { assetId: cut.assetId })).ok).toBe(true);
    return { socket, events };
  }
  async function guestOf(showTeamActivity: boolean, name: string) {
    const link = await team.owner.caller.post(`/api/projects/${team.projectId}/links`, {
      assetIds: [cut.assetId],
      permissions: ['view', 'comment'],
      showTeamActivity,
    });
    expect(link.status).toBe(201);
    const joined = await new Caller(base()).post(`/api/share/${link.body.token}/guests`, { name });
    expect(joined.status).toBe(201);
    const token: string = joined.body.token;
    return { token, id: joined.body.user.id as string, caller: new Caller(base(), { token }) };
  }
  const note = (who: { caller: Caller }, frame: number, internal = false) =>
    who.caller
      .post(`/api/versions/${cut.versionId}/comments`, { body: `At ${frame}`, frame, internal })
      .then((reply) => expect(reply.status).toBe(201));
  const live = (who: Opened, event: string, body: object = {}) =>
    emitWithAck(who.socket, event, { assetId: cut.assetId, ...body }).then((ack) => {
      expect(ack).toMatchObject({ ok: true });
      return ack;
    });
  const logsOf = (reply: { status: number; body: any }) => {
    expect(reply.status).toBe(200);
    return reply.body.sessions;
  };

  beforeAll(async () => {
    team = await signUpTeam(base(), 'Live session log');
    // Olive uploads the cut and notes it before the session, which she then misses.
    cut = await readyVersion(server.db, team.owner, team.projectId, 240);
  });
  afterAll(() => {
    for (const socket of sockets) socket.disconnect();
  });

  it('who started, joined, left, became host and was handed or lost the pen, and the frames where notes were posted, kept when it ends; a guest reads it only through a link that shows the team, never its internal notes', async () => {
    await note(team.owner, 10);
    const carla = await guestOf(true, 'Carla Client');
    const nora = await guestOf(false, 'Nora Nosy');
    const [eddie, rita, vic, carlaSocket, noraSocket] = await Promise.all(
      [team.editor.token, team.reviewer.token, team.viewer.token, carla.token, nora.token].map(open),
    );
    await live(eddie, 'live:start', {
      transport: {
        versionId: cut.versionId,
        frame: 40,
        playing: false,
        rate: 1,
        loopIn: null,
        loopOut: null,
      },
    });
    await live(rita, 'live:join');
    await live(carlaSocket, 'live:join');
    // Eddie hands Rita and Carla the pen (again to Rita: she holds it, so no line), and takes Carla's back.
    const pen = (userId: string, role: 'annotator' | 'viewer') =>
      live(eddie, 'live:set-role', { userId, role });
    await pen(team.reviewer.user.id, 'annotator');
    await pen(carla.id, 'annotator');
    await pen(team.reviewer.user.id, 'annotator');
    await pen(carla.id, 'viewer');
    // Notes at the shared frame: a shared one and an internal one; elsewhere, an internal one only.
    await note(team.reviewer, 40);
    await note(team.editor, 40, true);
    await note(team.editor, 80, true);
    await live(eddie, 'live:make-host', { userId: team.reviewer.user.id });
    await note(carla, 120);
    // Someone outside the session notes no frame of it.
    await note(team.owner, 200);
    await live(carlaSocket, 'live:leave');
    await live(eddie, 'live:leave');
    // Nothing is kept while it runs.
    expect(logsOf(await team.viewer.caller.get(`/api/assets/${cut.assetId}/live-sessions`))).toEqual([]);
    const last = await live(rita, 'live:leave');
    expect(last.session).toBeNull();

    const [kept] = logsOf(await team.viewer.caller.get(`/api/assets/${cut.assetId}/live-sessions`));
    const who = (id: string, displayName: string, guest = false) => ({ id, displayName, guest });
    const entry = (what: string, user: object) => ({ at: expect.any(String), what, user });
    const eddieUser = who(team.editor.user.id, 'Eddie Editor');
    const ritaUser = who(team.reviewer.user.id, 'Rita Reviewer');
    const carlaUser = who(carla.id, 'Carla Client (guest)', true);
    expect(kept.log).toEqual({
      sessionId: expect.any(String),
      startedAt: expect.any(String),
      endedAt: expect.any(String),
      startedBy: { id: team.editor.user.id, displayName: 'Eddie Editor' },
      entries: [
        entry('started', eddieUser),
        entry('joined', ritaUser),
        entry('joined', carlaUser),
        entry('annotator', ritaUser),
        entry('annotator', carlaUser),
        entry('viewer', carlaUser),
        entry('host', ritaUser),
        entry('left', carlaUser),
        entry('left', eddieUser),
        entry('left', ritaUser),
      ],
      entriesLeftOut: 0,
      frames: [
        { versionId: cut.versionId, versionNumber: 1, frame: 40, notes: 1, internalNotes: 1 },
        { versionId: cut.versionId, versionNumber: 1, frame: 80, notes: 0, internalNotes: 1 },
        { versionId: cut.versionId, versionNumber: 1, frame: 120, notes: 1, internalNotes: 0 },
      ],
    });
    expect(Date.parse(kept.log.startedAt)).toBeLessThan(Date.parse(kept.log.endedAt));

    // The cut's activity: everyone on the cut hears it as it is kept, as their reader may.
    const heard = (opened: Opened) => opened.events.find((e) => e.type === 'live.session');
    await waitFor(() => heard(vic) && heard(carlaSocket));
    expect(heard(vic)?.payload).toEqual(kept.log);
    const forGuests = {
      ...kept.log,
      frames: [
        { versionId: cut.versionId, versionNumber: 1, frame: 40, notes: 1 },
        { versionId: cut.versionId, versionNumber: 1, frame: 120, notes: 1 },
      ],
    };
    expect(heard(carlaSocket)?.payload).toEqual(forGuests);
    expect(logsOf(await carla.caller.get(`/api/assets/${cut.assetId}/live-sessions`))).toEqual([
      { seq: kept.seq, log: forGuests },
    ]);
    // Nora's link does not show the team: she learns nothing of who was there.
    expect(logsOf(await nora.caller.get(`/api/assets/${cut.assetId}/live-sessions`))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard(noraSocket)).toBeUndefined();
    // Rejoining after a reconnect replays it as each may read it.
    const replay = async (who: { token: string }) => {
      const { socket } = await connectSocket(base(), who.token);
      sockets.push(socket);
      const ack = await emitWithAck(socket, 'asset:join', { assetId: cut.assetId, afterSeq: kept.seq - 1 });
      return ack.events.find((e: ReceivedEvent) => e.type === 'live.session');
    };
    expect((await replay(carla))?.payload).toEqual(forGuests);
    expect(await replay(nora)).toBeUndefined();
    expect((await team.outsider.caller.get(`/api/assets/${cut.assetId}/live-sessions`)).status).toBe(404);
  });

  it('the activity feed tells those who work on the cut and missed the session, and nobody who was in it', async () => {
    const item = await itemFor(team.owner, (i) => i.kind === 'session');
    expect(item).toMatchObject({
      kind: 'session',
      actor: { id: team.editor.user.id, displayName: 'Eddie Editor' },
      asset: { id: cut.assetId },
      version: { id: cut.versionId, number: 1 },
      excerpt: 'With Rita Reviewer and Carla Client (guest) · notes at 3 frames',
    });
    const missedIt = async (person: SignedIn) => (await feed(person)).some((i) => i.kind === 'session');
    expect(await missedIt(team.reviewer)).toBe(false);
    expect(await missedIt(team.editor)).toBe(false);
    // Vic works on nothing here: a session he did not join is no news to him.
    expect(await missedIt(team.viewer)).toBe(false);
  });
  it("a guest joining and leaving a hundred times over does not crowd the session's log: what happened before and after it is kept", async () => {
    const carla = await guestOf(true, 'Carla Churn');
    const [eddie, rita, carlaSocket] = await Promise.all(
      [team.editor.token, team.reviewer.token, carla.token].map(open),
    );
    await live(eddie, 'live:start', {
      transport: { versionId: cut.versionId, frame: 0, playing: false, rate: 1, loopIn: null, loopOut: null },
    });
    await live(rita, 'live:join');
    await live(eddie, 'live:set-role', { userId: team.reviewer.user.id, role: 'annotator' });
    for (let cycle = 0; cycle < 100; cycle++) {
      await live(carlaSocket, 'live:join');
      await live(carlaSocket, 'live:leave');
    }
    await live(eddie, 'live:make-host', { userId: team.reviewer.user.id });
    await live(eddie, 'live:leave');
    await live(rita, 'live:leave');

    const [kept] = logsOf(await team.viewer.caller.get(`/api/assets/${cut.assetId}/live-sessions`));
    const line = (what: string, name: string) => ({ what, name });
    expect(kept.log.entries.map((e: any) => line(e.what, e.user.displayName))).toEqual([
      line('started', 'Eddie Editor'),
      line('joined', 'Rita Reviewer'),
      line('annotator', 'Rita Reviewer'),
      line('joined', 'Carla Churn (guest)'),
      line('left', 'Carla Churn (guest)'),
      line('host', 'Rita Reviewer'),
      line('left', 'Eddie Editor'),
      line('left', 'Rita Reviewer'),
    ]);
    expect(kept.log.entriesLeftOut).toBe(0);
  });
});
