import {
  type LiveLaserRelayed,
  type LiveSessionState,
  type LiveTransport,
  liveLaserRelayedSchema,
  liveSessionStateSchema,
} from '@cutroom/contracts';
import type { Socket } from 'socket.io-client';
import { Caller } from './support/http-client.js';
import { readyVersion } from './support/review-fixture.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { signUpTeam, type Team } from './support/team.js';
import { useTwoNodes } from './support/two-nodes.js';

interface Follower {
  socket: Socket;
  userId: string;
  states: LiveSessionState[];
  /** Every laser pointer heard, each checked against its contract. */
  lasers: LiveLaserRelayed[];
  /** Every drawing under way heard. */
  strokes: { userId: string; internal: boolean; shape?: unknown; shapes?: unknown[] }[];
}

const SHAPE = {
  id: 'circle-1',
  kind: 'ellipse',
  colour: '#ff3b30',
  strokeWidth: 0.01,
  from: [0.2, 0.2],
  to: [0.4, 0.5],
};
const QUIET_MS = 500;
const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS));

describe('roles in a live session: host, annotators and viewers', () => {
  const server = useTwoNodes();
  let team: Team;
  let cut: { assetId: string; versionId: string };
  const open: Socket[] = [];
  const start: LiveTransport = {
    versionId: '',
    frame: 40,
    playing: false,
    rate: 1,
    loopIn: null,
    loopOut: null,
    compare: null,
  };

  /** Someone with the cut open on one api process, in its live session. */
  async function follower(baseUrl: string, who: { token: string; userId: string }): Promise<Follower> {
    const { socket } = await connectSocket(baseUrl, who.token);
    open.push(socket);
    const person: Follower = { socket, userId: who.userId, states: [], lasers: [], strokes: [] };
    socket.on('live:state', (state: unknown) => person.states.push(liveSessionStateSchema.parse(state)));
    socket.on('live:laser', (laser: unknown) => person.lasers.push(liveLaserRelayedSchema.parse(laser)));
    socket.on('draw:stroke', (stroke: Follower['strokes'][number]) => person.strokes.push(stroke));
    expect((await emitWithAck(socket, 'asset:join', { assetId: cut.assetId })).ok).toBe(true);
    return person;
  }
  const member = (who: Team['owner']) => ({ token: who.token, userId: who.user.id });
  const joinSession = async (person: Follower) =>
    expect((await emitWithAck(person.socket, 'live:join', { assetId: cut.assetId })).ok).toBe(true);
  const setRole = (by: Follower, userId: string, role: string) =>
    emitWithAck(by.socket, 'live:set-role', { assetId: cut.assetId, userId, role });
  const laser = (person: Follower, point: [number, number] | null) =>
    person.socket.emit('live:laser', { assetId: cut.assetId, versionId: cut.versionId, point });
  const draw = (person: Follower, internal = false) =>
    person.socket.emit('draw:stroke', {
      assetId: cut.assetId,
      versionId: cut.versionId,
      frame: 40,
      internal,
      shape: SHAPE,
    });
  const heardLaserOf = (listener: Follower, from: Follower) =>
    listener.lasers.filter((l) => l.userId === from.userId);
  const heardStrokesOf = (listener: Follower, from: Follower) =>
    listener.strokes.filter((s) => s.userId === from.userId);
  /** Points until the listener sees it: the new role reaches every api process a moment after the ack. */
  async function pointUntilSeen(person: Follower, listener: Follower, point: [number, number]) {
    await waitFor(() => {
      laser(person, point);
      return heardLaserOf(listener, person).some((l) => l.point?.[0] === point[0]);
    });
  }
  /** Host on A; Rita (reviewer) and Vic (viewer) on B; Eddie (editor) on A: all in the session. */
  async function session() {
    const host = await follower(server.nodeA.baseUrl, member(team.owner));
    const rita = await follower(server.nodeB.baseUrl, member(team.reviewer));
    const vic = await follower(server.nodeB.baseUrl, member(team.viewer));
    const eddie = await follower(server.nodeA.baseUrl, member(team.editor));
    expect(
      (await emitWithAck(host.socket, 'live:start', { assetId: cut.assetId, transport: start })).ok,
    ).toBe(true);
    for (const person of [rita, vic, eddie]) await joinSession(person);
    return { host, rita, vic, eddie };
  }

  beforeAll(async () => {
    team = await signUpTeam(server.nodeA.baseUrl, 'Live session roles');
    cut = await readyVersion(server.db, team.editor, team.projectId, 240);
    start.versionId = cut.versionId;
  });
  afterEach(async () => {
    for (const socket of open.splice(0)) socket.disconnect();
    await server.db.query(`DELETE FROM live_sessions`);
  });

  it("the host makes a follower an annotator: their laser pointer and live drawing show on everyone's picture, on every api process; made a viewer again, neither does", async () => {
    const { host, rita, vic, eddie } = await session();

    // Everyone joins as a viewer: Rita's pointer and pen reach nobody yet.
    laser(rita, [0.5, 0.5]);
    draw(rita);
    await quiet();
    for (const listener of [host, vic, eddie]) {
      expect(heardLaserOf(listener, rita)).toEqual([]);
      expect(heardStrokesOf(listener, rita)).toEqual([]);
    }

    const made = await setRole(host, team.reviewer.user.id, 'annotator');
    expect(made.ok).toBe(true);
    expect(made.session.participants).toEqual([
      { userId: team.owner.user.id, displayName: 'Olive Owner', role: 'host', guest: false },
      { userId: team.reviewer.user.id, displayName: 'Rita Reviewer', role: 'annotator', guest: false },
      { userId: team.viewer.user.id, displayName: 'Vic Viewer', role: 'viewer', guest: false },
      { userId: team.editor.user.id, displayName: 'Eddie Editor', role: 'viewer', guest: false },
    ]);
    await waitFor(() =>
      vic.states
        .at(-1)
        ?.participants.some((p) => p.userId === team.reviewer.user.id && p.role === 'annotator'),
    );

    // Rita (on B) points: Vic (B), the host and Eddie (A) see the dot move, named as hers.
    await pointUntilSeen(rita, vic, [0.25, 0.75]);
    await pointUntilSeen(rita, host, [0.3, 0.7]);
    laser(rita, [0.31, 0.69]);
    await waitFor(() => heardLaserOf(eddie, rita).some((l) => l.point?.[0] === 0.31));
    expect(heardLaserOf(eddie, rita).at(-1)).toEqual({
      assetId: cut.assetId,
      versionId: cut.versionId,
      point: [0.31, 0.69],
      userId: team.reviewer.user.id,
      socketId: rita.socket.id,
      displayName: 'Rita Reviewer',
    });
    // Let go: it fades for everyone.
    laser(rita, null);
    await waitFor(() => heardLaserOf(vic, rita).at(-1)?.point === null);
    await waitFor(() => heardLaserOf(host, rita).at(-1)?.point === null);

    draw(rita);
    for (const listener of [host, vic, eddie])
      await waitFor(() => heardStrokesOf(listener, rita).some((s) => s.shape !== undefined));

    // The host points too, always.
    laser(host, [0.9, 0.1]);
    await waitFor(() => heardLaserOf(vic, host).some((l) => l.point?.[0] === 0.9));

    // Back to a viewer: Rita takes her drawing off the pictures, and her pointer and pen reach nobody.
    expect((await setRole(host, team.reviewer.user.id, 'viewer')).session.participants[1].role).toBe(
      'viewer',
    );
    await waitFor(() => vic.states.at(-1)?.participants[1].role === 'viewer');
    rita.socket.emit('draw:stroke', {
      assetId: cut.assetId,
      versionId: cut.versionId,
      frame: 40,
      shapes: [],
    });
    await waitFor(() =>
      heardStrokesOf(vic, rita).some((s) => Array.isArray(s.shapes) && s.shapes.length === 0),
    );
    await quiet();
    const before = { lasers: heardLaserOf(vic, rita).length, strokes: heardStrokesOf(vic, rita).length };
    laser(rita, [0.6, 0.6]);
    draw(rita);
    // A viewer's pointer is refused whoever they are in the project: Eddie is an editor.
    laser(eddie, [0.7, 0.7]);
    draw(eddie);
    await quiet();
    expect(heardLaserOf(vic, rita)).toHaveLength(before.lasers);
    expect(heardStrokesOf(vic, rita)).toHaveLength(before.strokes);
    for (const listener of [host, vic]) {
      expect(heardLaserOf(listener, eddie)).toEqual([]);
      expect(heardStrokesOf(listener, eddie)).toEqual([]);
    }
  });

  it('an annotator whose project role drops so they may no longer comment loses the pen: everyone, on every api process, is told they are a viewer', async () => {
    const { host, rita, vic } = await session();
    expect((await setRole(host, team.reviewer.user.id, 'annotator')).ok).toBe(true);
    const roleIn = (state: LiveSessionState | undefined) =>
      state?.participants.find((p) => p.userId === team.reviewer.user.id)?.role;
    const ritaRole = (person: Follower) => roleIn(person.states.at(-1));
    await waitFor(() => ritaRole(vic) === 'annotator');
    const membership = `/api/projects/${team.projectId}/members/${team.reviewer.user.id}`;
    try {
      expect((await team.owner.caller.patch(membership, { role: 'viewer' })).status).toBe(200);
      // Rita herself (on B), the host (on A) and Vic (on B) hear the seat change: no page goes on showing her pen.
      for (const listener of [rita, host, vic]) await waitFor(() => ritaRole(listener) === 'viewer');
      const stateCount = vic.states.length;
      // Her role made reviewer again, the pen is not handed back by itself.
      expect((await team.owner.caller.patch(membership, { role: 'reviewer' })).status).toBe(200);
      await quiet();
      expect(vic.states.slice(stateCount).map(roleIn)).not.toContain('annotator');
      expect(ritaRole(vic)).toBe('viewer');
    } finally {
      await team.owner.caller.patch(membership, { role: 'reviewer' });
    }
  });

  it('someone removed from the project mid-session hears nothing more of it (states, lasers, drafts, presence) and is told it is over for them', async () => {
    const membership = `/api/projects/${team.projectId}/members`;
    const added = await team.owner.caller.post(membership, {
      email: team.outsider.user.email,
      role: 'reviewer',
    });
    expect(added.status).toBe(201);
    try {
      const { host, rita } = await session();
      const oscar = await follower(server.nodeB.baseUrl, member(team.outsider));
      const ended: unknown[] = [];
      const presence: unknown[] = [];
      oscar.socket.on('live:ended', (end: unknown) => ended.push(end));
      oscar.socket.on('presence:changed', (seen: unknown) => presence.push(seen));
      await joinSession(oscar);
      expect((await setRole(host, team.reviewer.user.id, 'annotator')).ok).toBe(true);
      await pointUntilSeen(host, oscar, [0.1, 0.1]);
      const sessionId = host.states.at(-1)?.sessionId;

      const removed = await team.owner.caller.delete(`${membership}/${team.outsider.user.id}`);
      expect(removed.status).toBe(204);
      await waitFor(() => ended.length > 0);
      expect(ended).toEqual([{ assetId: cut.assetId, sessionId }]);
      const before = {
        states: oscar.states.length,
        lasers: oscar.lasers.length,
        strokes: oscar.strokes.length,
        presence: presence.length,
      };

      // The session goes on for the others, on both api processes; none of it reaches Oscar.
      const stepped = await emitWithAck(host.socket, 'live:drive', {
        assetId: cut.assetId,
        transport: { ...start, frame: 41 },
      });
      expect(stepped.ok).toBe(true);
      await waitFor(() => rita.states.at(-1)?.transport.frame === 41);
      await pointUntilSeen(host, rita, [0.2, 0.2]);
      draw(rita, true);
      await waitFor(() => heardStrokesOf(host, rita).some((stroke) => stroke.internal));
      host.socket.emit('presence:update', {
        assetId: cut.assetId,
        versionId: cut.versionId,
        frame: 41,
        playing: false,
      });
      await quiet();
      expect({
        states: oscar.states.length,
        lasers: oscar.lasers.length,
        strokes: oscar.strokes.length,
        presence: presence.length,
      }).toEqual(before);
    } finally {
      await team.owner.caller.delete(`${membership}/${team.outsider.user.id}`);
    }
  });

  it('only the host hands out roles, and only to someone in the session who may comment', async () => {
    const { host, rita, vic } = await session();

    expect(await setRole(rita, team.editor.user.id, 'annotator')).toEqual({
      ok: false,
      error: { statusCode: 403, message: 'Only the host drives the session and hands out its roles.' },
    });
    // Vic is a project viewer: he cannot write a note, so he cannot draw one for everyone either.
    expect(await setRole(host, team.viewer.user.id, 'annotator')).toEqual({
      ok: false,
      error: {
        statusCode: 403,
        message:
          'Only someone who may comment on this cut can annotate (a guest, through a link that lets them comment).',
      },
    });
    expect((await setRole(host, team.owner.user.id, 'annotator')).error.statusCode).toBe(409);
    expect((await setRole(host, team.outsider.user.id, 'annotator')).error).toEqual({
      statusCode: 409,
      message: 'That person is not in the live session.',
    });
    expect((await setRole(host, team.reviewer.user.id, 'host')).error.statusCode).toBe(400);
    // Nothing changed: everyone but the host still only watches.
    const now = await emitWithAck(vic.socket, 'live:join', { assetId: cut.assetId });
    expect(now.session.participants.map((p: { role: string }) => p.role)).toEqual([
      'host',
      'viewer',
      'viewer',
      'viewer',
    ]);
  });

  it('the pen stays with annotators when the host role passes; a taker-over who annotated draws as host', async () => {
    const { host, rita, eddie, vic } = await session();
    await setRole(host, team.reviewer.user.id, 'annotator');
    await setRole(host, team.editor.user.id, 'annotator');
    const passed = await emitWithAck(host.socket, 'live:make-host', {
      assetId: cut.assetId,
      userId: team.editor.user.id,
    });
    expect(passed.session.participants.map((p: { role: string }) => p.role)).toEqual([
      'viewer',
      'annotator',
      'viewer',
      'host',
    ]);
    await pointUntilSeen(eddie, vic, [0.1, 0.1]);
    await pointUntilSeen(rita, vic, [0.2, 0.2]);
    // Olive no longer hosts: her pointer goes nowhere until she is handed the pen.
    await quiet();
    laser(host, [0.4, 0.4]);
    await quiet();
    expect(heardLaserOf(vic, host).filter((l) => l.point?.[0] === 0.4)).toEqual([]);
  });

  it("a guest annotates only through a link that lets them comment; a member's internal drawing never reaches a guest", async () => {
    const guestOf = async (permissions: string[], name: string) => {
      const link = await team.owner.caller.post(`/api/projects/${team.projectId}/links`, {
        assetIds: [cut.assetId],
        permissions,
        showTeamActivity: true,
      });
      expect(link.status).toBe(201);
      const joined = await new Caller(server.nodeB.baseUrl).post(`/api/share/${link.body.token}/guests`, {
        name,
      });
      expect(joined.status).toBe(201);
      return follower(server.nodeB.baseUrl, { token: joined.body.token, userId: joined.body.user.id });
    };
    const { host, eddie } = await session();
    const looker = await guestOf(['view'], 'Lena Looker');
    const client = await guestOf(['view', 'comment'], 'Carla Client');
    await joinSession(looker);
    await joinSession(client);

    expect((await setRole(host, looker.userId, 'annotator')).error.statusCode).toBe(403);
    const made = await setRole(host, client.userId, 'annotator');
    expect(made.session.participants.find((p: { userId: string }) => p.userId === client.userId)).toEqual({
      userId: client.userId,
      displayName: 'Carla Client (guest)',
      role: 'annotator',
      guest: true,
    });

    // The client's pointer reaches the team.
    await pointUntilSeen(client, host, [0.45, 0.55]);
    await pointUntilSeen(client, eddie, [0.46, 0.56]);

    // Eddie annotates: his drawing for a shared note reaches the guests, his internal one never does.
    await setRole(host, team.editor.user.id, 'annotator');
    await waitFor(() => {
      draw(eddie);
      return heardStrokesOf(client, eddie).length > 0;
    });
    await waitFor(() => heardStrokesOf(looker, eddie).length > 0);
    // The loop above may have sent more shared strokes than it waited for: all in before counting.
    await quiet();
    const shared = {
      client: heardStrokesOf(client, eddie).length,
      looker: heardStrokesOf(looker, eddie).length,
    };
    await waitFor(() => {
      draw(eddie, true);
      return heardStrokesOf(host, eddie).some((s) => s.internal);
    });
    await quiet();
    // What the guests hear after: only the clearing of what they were shown, never the internal stroke.
    for (const [guest, count] of [
      [client, shared.client],
      [looker, shared.looker],
    ] as const) {
      const after = heardStrokesOf(guest, eddie).slice(count);
      expect(after.filter((s) => s.internal || s.shape !== undefined)).toEqual([]);
    }
  });
});

describe("what a guest whose link hides the team sees of a session's roles", () => {
  const server = useTwoNodes();

  it('the host and the guests of their own link, with their roles; nobody else of the team, nor other links', async () => {
    const team = await signUpTeam(server.nodeA.baseUrl, 'Live session, hidden team');
    const cut = await readyVersion(server.db, team.editor, team.projectId, 48);
    const guestsOf = async (names: string[]) => {
      const link = await team.owner.caller.post(`/api/projects/${team.projectId}/links`, {
        assetIds: [cut.assetId],
        permissions: ['view', 'comment'],
      });
      return Promise.all(
        names.map(async (name) => {
          const joined = await new Caller(server.nodeA.baseUrl).post(`/api/share/${link.body.token}/guests`, {
            name,
          });
          return { token: joined.body.token as string, id: joined.body.user.id as string, name };
        }),
      );
    };
    const [carla, chris] = await guestsOf(['Carla Client', 'Chris Client']);
    const [other] = await guestsOf(['Otto Otherlink']);
    const sockets: Socket[] = [];
    try {
      const openAs = async (token: string) => {
        const { socket } = await connectSocket(server.nodeA.baseUrl, token);
        sockets.push(socket);
        const states: LiveSessionState[] = [];
        socket.on('live:state', (state: unknown) => states.push(liveSessionStateSchema.parse(state)));
        await emitWithAck(socket, 'asset:join', { assetId: cut.assetId });
        return { socket, states };
      };
      const host = await openAs(team.owner.token);
      const reviewer = await openAs(team.reviewer.token);
      const [carlaSocket, chrisSocket, otherSocket] = await Promise.all(
        [carla, chris, other].map((g) => openAs(g.token)),
      );
      await emitWithAck(host.socket, 'live:start', {
        assetId: cut.assetId,
        transport: {
          versionId: cut.versionId,
          frame: 0,
          playing: false,
          rate: 1,
          loopIn: null,
          loopOut: null,
        },
      });
      for (const person of [reviewer, carlaSocket, chrisSocket, otherSocket])
        await emitWithAck(person.socket, 'live:join', { assetId: cut.assetId });
      const made = await emitWithAck(host.socket, 'live:set-role', {
        assetId: cut.assetId,
        userId: carla.id,
        role: 'annotator',
      });
      expect(made.session.participants).toHaveLength(5);

      const seenBy = (states: LiveSessionState[]) => states.at(-1)?.participants;
      await waitFor(() => seenBy(chrisSocket.states)?.some((p) => p.role === 'annotator'));
      expect(seenBy(chrisSocket.states)).toEqual([
        { userId: carla.id, displayName: 'Carla Client (guest)', role: 'annotator', guest: true },
        { userId: chris.id, displayName: 'Chris Client (guest)', role: 'viewer', guest: true },
      ]);
      await waitFor(() => otherSocket.states.at(-1)?.revision === made.session.revision);
      expect(seenBy(otherSocket.states)).toEqual([
        { userId: other.id, displayName: 'Otto Otherlink (guest)', role: 'viewer', guest: true },
      ]);
      expect(otherSocket.states.at(-1)?.host).toEqual({
        userId: team.owner.user.id,
        displayName: 'Olive Owner',
      });
      // The host points: everyone following sees it, guests whose link hides the team too; a guest
      // with the cut open who did not join the session does not.
      const onlooker = await openAs(other.token);
      const lasersOf = (socket: Socket) => {
        const heard: LiveLaserRelayed[] = [];
        socket.on('live:laser', (laser: unknown) => heard.push(liveLaserRelayedSchema.parse(laser)));
        return heard;
      };
      const [byReviewer, byChris, byOther, byOnlooker] = [reviewer, chrisSocket, otherSocket, onlooker].map(
        (person) => lasersOf(person.socket),
      );
      await waitFor(() => {
        host.socket.emit('live:laser', { assetId: cut.assetId, versionId: cut.versionId, point: [0.3, 0.7] });
        return [byReviewer, byChris, byOther].every((heard) => heard.length > 0);
      });
      expect(byOther[0]).toMatchObject({
        userId: team.owner.user.id,
        displayName: 'Olive Owner',
        point: [0.3, 0.7],
      });
      await quiet();
      expect(byOnlooker).toEqual([]);

      // Carla's own answer on joining again says she holds the pen.
      const again = await emitWithAck(carlaSocket.socket, 'live:join', { assetId: cut.assetId });
      expect(again.session.participants).toContainEqual({
        userId: carla.id,
        displayName: 'Carla Client (guest)',
        role: 'annotator',
        guest: true,
      });
    } finally {
      for (const socket of sockets) socket.disconnect();
    }
  });
});
