import { type LiveSessionState, type LiveTransport, liveSessionStateSchema } from '@cutroom/contracts';
import type { Socket } from 'socket.io-client';
import { Caller } from './http-client.js';
import { connectSocket, emitWithAck } from './socket-client.js';
import type { TestDatabase } from './test-database.js';

/** A host paused on `frame` of `versionId` at normal speed, with no loop and no compare. */
export const stillAt = (versionId: string, frame: number): LiveTransport => ({
  versionId,
  frame,
  playing: false,
  rate: 1,
  loopIn: null,
  loopOut: null,
  compare: null,
});

/** Someone with a cut open on one api process, hearing its live session. */
export interface LiveCut {
  socket: Socket;
  /** Every live:state received, each checked against its contract. */
  states: LiveSessionState[];
  ended: { assetId: string; sessionId: string }[];
  /** What `asset:join` answered. */
  joinAck: any;
}

export async function openLiveCut(baseUrl: string, token: string, assetId: string): Promise<LiveCut> {
  const { socket } = await connectSocket(baseUrl, token);
  const cut: LiveCut = { socket, states: [], ended: [], joinAck: undefined };
  socket.on('live:state', (state: unknown) => cut.states.push(liveSessionStateSchema.parse(state)));
  socket.on('live:ended', (ended: LiveCut['ended'][number]) => cut.ended.push(ended));
  cut.joinAck = await emitWithAck(socket, 'asset:join', { assetId });
  return cut;
}

/**
 * For one describe block: opens cuts (see openLiveCut); after each test their sockets are closed and
 * every live session is gone, so each test starts with none.
 */
export function useLiveCuts(server: { db: TestDatabase }) {
  const open: Socket[] = [];
  afterEach(async () => {
    for (const socket of open.splice(0)) socket.disconnect();
    await server.db.query(`DELETE FROM live_sessions`);
  });
  return async (baseUrl: string, token: string, assetId: string): Promise<LiveCut> => {
    const cut = await openLiveCut(baseUrl, token, assetId);
    open.push(cut.socket);
    return cut;
  };
}

/** A guest of a new link to `assetId` that lets them view and comment, signed in on `baseUrl`. */
export async function linkGuest(
  owner: Caller,
  baseUrl: string,
  project: { projectId: string; assetId: string },
  name: string,
): Promise<{ token: string; userId: string }> {
  const link = await owner.post(`/api/projects/${project.projectId}/links`, {
    assetIds: [project.assetId],
    permissions: ['view', 'comment'],
  });
  expect(link.status).toBe(201);
  const joined = await new Caller(baseUrl).post(`/api/share/${link.body.token}/guests`, { name });
  expect(joined.status).toBe(201);
  return { token: joined.body.token, userId: joined.body.user.id };
}
