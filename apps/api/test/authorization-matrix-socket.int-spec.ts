import { randomBytes } from 'node:crypto';
import { clientEvents, liveClientEvents, liveServerEvents } from '@cutroom/contracts';
import type { Socket } from 'socket.io-client';
import { type SignedInPrincipal, useMatrix } from './support/matrix-fixture.js';
import { connectSocket, emitWithAck, type ReceivedEvent, waitFor } from './support/socket-client.js';

/**
 * The authorisation matrix over the socket: every client event of the contract, for each member
 * role and a signed-in outsider (the REST routes are in authorization-matrix.int-spec.ts).
 */
describe('the authorisation matrix over the socket: every member role and outsiders', () => {
  const m = useMatrix();
  const { fx, people, base, leaksIn } = m;

  type Ack = 'ok' | number;
  /** What each acknowledged event answers, per signed-in principal (owner … outsider). */
  const ackTable: Record<string, [Ack, Ack, Ack, Ack, Ack]> = {
    [clientEvents.joinAsset]: ['ok', 'ok', 'ok', 'ok', 404],
    [clientEvents.joinProject]: ['ok', 'ok', 'ok', 'ok', 404],
    [clientEvents.createComment]: ['ok', 'ok', 'ok', 403, 404],
  };
  /** Ephemeral signals: relayed to the rest of the asset's room only from someone who joined it. */
  const relayed = [clientEvents.presence, clientEvents.drawing, clientEvents.typing];
  const signedIn = ['owner', 'editor', 'reviewer', 'viewer', 'outsider'] as const;

  interface Client {
    socket: Socket;
    events: ReceivedEvent[];
    /** Every ephemeral signal this socket heard, by event name. */
    heard: { event: string; payload: any }[];
  }
  const clients = {} as Record<SignedInPrincipal, Client>;

  async function open(token: string): Promise<Client> {
    const { socket, events } = await connectSocket(base(), token);
    const heard: Client['heard'] = [];
    for (const event of ['presence:changed', 'presence:left', 'draw:stroke', 'typing'])
      socket.on(event, (payload: unknown) => heard.push({ event, payload }));
    return { socket, events, heard };
  }

  afterAll(() => {
    for (const client of Object.values(clients)) client.socket.close();
  });

  it('every client event of the contract has its expectation here', () => {
    expect(Object.values(clientEvents).sort()).toEqual(
      [...Object.keys(ackTable), ...relayed, clientEvents.leaveAsset].sort(),
    );
  });

  it('a socket without a valid session is refused at the handshake', async () => {
    await expect(connectSocket(base())).rejects.toThrow('unauthorized');
    await expect(connectSocket(base(), randomBytes(32).toString('base64url'))).rejects.toThrow(
      'unauthorized',
    );
  });

  it('members join the asset and project rooms and post as their role allows; an outsider is refused with 404', async () => {
    for (const who of signedIn) clients[who] = await open(people[who].token);
    const bodies: Record<string, (who: SignedInPrincipal) => unknown> = {
      [clientEvents.joinAsset]: () => ({ assetId: fx.assetId }),
      [clientEvents.joinProject]: () => ({ projectId: fx.projectId }),
      [clientEvents.createComment]: (who) => ({
        versionId: fx.v2,
        comment: { body: `Over the socket, from the ${who}`, frame: 4 },
      }),
    };
    const problems: string[] = [];
    for (const [event, expected] of Object.entries(ackTable)) {
      for (const [column, who] of signedIn.entries()) {
        const ack = await emitWithAck(clients[who].socket, event, bodies[event](who));
        const got: Ack = ack.ok === true ? 'ok' : ack.error?.statusCode;
        if (got !== expected[column])
          problems.push(`${who} ${event}: expected ${expected[column]}, got ${got}`);
        if (who === 'outsider' && leaksIn(ack).length > 0) problems.push(`${event}: leaked ${leaksIn(ack)}`);
      }
    }
    expect(problems).toEqual([]);
    // The members in the room hear the comments posted over the socket; the outsider hears none.
    for (const who of ['owner', 'editor', 'reviewer'] as const) {
      await waitFor(() =>
        clients.viewer.events.some((e) => e.payload.comment?.body === `Over the socket, from the ${who}`),
      );
    }
    expect(clients.outsider.events).toEqual([]);
  });

  it('an outsider’s presence, drawing and typing never reach the room; members’ do, a viewer’s presence only', async () => {
    // The owner's second tab listens; a socket never hears its own signals.
    const listener = await open(people.owner.token);
    try {
      expect((await emitWithAck(listener.socket, clientEvents.joinAsset, { assetId: fx.assetId })).ok).toBe(
        true,
      );
      const signals = {
        [clientEvents.presence]: { assetId: fx.assetId, versionId: fx.v2, frame: 5, playing: false },
        [clientEvents.drawing]: {
          assetId: fx.assetId,
          versionId: fx.v2,
          frame: 5,
          shape: {
            id: 'stroke-1',
            kind: 'line',
            colour: '#ff3b30',
            strokeWidth: 0.01,
            from: [0, 0],
            to: [1, 1],
          },
        },
        [clientEvents.typing]: { assetId: fx.assetId, typing: true },
      };
      // The outsider speaks first, so anything of theirs would arrive before the members' last signal.
      for (const who of ['outsider', 'owner', 'editor', 'reviewer', 'viewer'] as const) {
        for (const event of relayed) clients[who].socket.emit(event, signals[event]);
      }
      const sender = (h: Client['heard'][number]) => h.payload.user?.id ?? h.payload.userId;
      const from = (who: SignedInPrincipal, event: string) =>
        listener.heard.some((h) => h.event === serverEventOf(event) && sender(h) === people[who].user.id);
      for (const who of ['owner', 'editor', 'reviewer'] as const) {
        for (const event of relayed) await waitFor(() => from(who, event));
      }
      // A viewer is seen in the room, but cannot post a note: their pen and typing reach nobody.
      await waitFor(() => from('viewer', clientEvents.presence));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(from('viewer', clientEvents.drawing)).toBe(false);
      expect(from('viewer', clientEvents.typing)).toBe(false);
      expect(listener.heard.filter((h) => sender(h) === people.outsider.user.id)).toEqual([]);
      expect(clients.outsider.heard).toEqual([]);
      expect(clients.outsider.events).toEqual([]);
    } finally {
      listener.socket.close();
    }
  });

  it('live sessions: members start, join and follow; only the host drives, passes the role and hands out the pen; an outsider is refused', async () => {
    const transport = { versionId: fx.v2, frame: 3, playing: false, rate: 1, loopIn: null, loopOut: null };
    type LiveRow = [string, (who: SignedInPrincipal) => unknown, [Ack, Ack, Ack, Ack, Ack]];
    /** Acknowledged events, each from every principal (owner … outsider) before the next event. */
    const before: LiveRow[] = [
      [liveClientEvents.start, () => ({ assetId: fx.assetId, transport }), ['ok', 409, 409, 409, 409]],
      [liveClientEvents.join, () => ({ assetId: fx.assetId }), ['ok', 'ok', 'ok', 'ok', 409]],
      [liveClientEvents.drive, () => ({ assetId: fx.assetId, transport }), ['ok', 403, 403, 403, 409]],
      // The owner (hosting) makes the reviewer an annotator; the viewer may not comment, so never one.
      [
        liveClientEvents.setRole,
        (who) => ({
          assetId: fx.assetId,
          userId: people[who === 'owner' ? 'reviewer' : 'editor'].user.id,
          role: 'annotator',
        }),
        ['ok', 403, 403, 403, 409],
      ],
    ];
    const after: LiveRow[] = [
      // The owner passes the role to the viewer, who then hosts.
      [
        liveClientEvents.makeHost,
        () => ({ assetId: fx.assetId, userId: people.viewer.user.id }),
        ['ok', 403, 403, 'ok', 409],
      ],
      [liveClientEvents.leave, () => ({ assetId: fx.assetId }), ['ok', 'ok', 'ok', 'ok', 409]],
    ];
    /** Ephemeral and unacknowledged: relayed from the host and annotators only. */
    const pointers: Record<SignedInPrincipal, boolean> = {
      owner: true,
      editor: false,
      reviewer: true,
      viewer: false,
      outsider: false,
    };
    expect(
      [...before, ...after]
        .map(([event]) => event)
        .concat(liveClientEvents.laser)
        .sort(),
    ).toEqual(Object.values(liveClientEvents).sort());
    const problems: string[] = [];
    const run = async (rows: LiveRow[]) => {
      for (const [event, body, expected] of rows) {
        for (const [column, who] of signedIn.entries()) {
          const ack = await emitWithAck(clients[who].socket, event, body(who));
          const got: Ack = ack.ok === true ? 'ok' : ack.error?.statusCode;
          if (got !== expected[column])
            problems.push(`${who} ${event}: expected ${expected[column]}, got ${got}`);
          if (who === 'outsider' && leaksIn(ack).length > 0)
            problems.push(`${event}: leaked ${leaksIn(ack)}`);
        }
      }
    };
    await run(before);

    // The owner's second tab listens for laser pointers.
    const listener = await open(people.owner.token);
    const lasers: { userId: string }[] = [];
    listener.socket.on(liveServerEvents.laser, (laser: { userId: string }) => lasers.push(laser));
    try {
      expect((await emitWithAck(listener.socket, clientEvents.joinAsset, { assetId: fx.assetId })).ok).toBe(
        true,
      );
      const pointFrom = (who: SignedInPrincipal) =>
        clients[who].socket.emit(liveClientEvents.laser, {
          assetId: fx.assetId,
          versionId: fx.v2,
          point: [0.5, 0.5],
        });
      const heardFrom = (who: SignedInPrincipal) => lasers.some((l) => l.userId === people[who].user.id);
      // Those refused speak first, so anything of theirs would arrive before the last allowed one.
      for (const who of signedIn.filter((w) => !pointers[w])) pointFrom(who);
      for (const who of signedIn.filter((w) => pointers[w]))
        await waitFor(() => {
          pointFrom(who);
          return heardFrom(who);
        });
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const who of signedIn)
        if (heardFrom(who) !== pointers[who])
          problems.push(`${who} ${liveClientEvents.laser}: relayed ${heardFrom(who)}`);
      expect(clients.outsider.heard).toEqual([]);
    } finally {
      listener.socket.close();
    }
    await run(after);
    expect(problems).toEqual([]);
  });

  it('leaving a room is always answered and grants nothing', async () => {
    for (const who of signedIn) {
      expect(
        await emitWithAck(clients[who].socket, clientEvents.leaveAsset, { assetId: fx.assetId }),
      ).toEqual({
        ok: true,
      });
    }
    expect(clients.outsider.events).toEqual([]);
  });
});

/** The name a relayed signal arrives under. */
function serverEventOf(clientEvent: string): string {
  return clientEvent === clientEvents.presence ? 'presence:changed' : clientEvent;
}
