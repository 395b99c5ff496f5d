import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { assetEventSchema } from '@cutroom/contracts';
import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import type { ApiProcess } from './support/api-process.js';
import { Caller, type SignedIn, signUp } from './support/http-client.js';
import { readyVersion } from './support/review-fixture.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import type { TestDatabase } from './support/test-database.js';
import { useTestServer } from './support/test-server.js';
import { tusUpload } from './support/tus.js';
import { useTwoNodes } from './support/two-nodes.js';

// socket.io-adapter's MessageType.BROADCAST: a broadcast sent to the other api nodes.
const BROADCAST = 3;

describe('the realtime channel', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  let api: ApiProcess;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let outsider: SignedIn;
  let assetId: string;

  beforeAll(async () => {
    api = server.api;
    [editor, reviewer, outsider] = await Promise.all(
      ['Editor', 'Reviewer', 'Outsider'].map((n) => signUp(api.baseUrl, n)),
    );
    const projectId = (await editor.caller.post('/api/projects', { name: 'Live' })).body.id;
    await editor.caller.post(`/api/projects/${projectId}/members`, {
      email: reviewer.user.email,
      role: 'reviewer',
    });
    assetId = (await editor.caller.post(`/api/projects/${projectId}/assets`, { name: 'Cut' })).body.id;
  });
  it('refuses a connection without a valid session', async () => {
    await expect(connectSocket(api.baseUrl)).rejects.toThrow('unauthorized');
    await expect(connectSocket(api.baseUrl, 'x'.repeat(43))).rejects.toThrow('unauthorized');
  });

  it('an unknown event is answered at once through its ack with 404, and the socket keeps working', async () => {
    const client = await connectSocket(api.baseUrl, editor.token);
    const started = Date.now();
    const ack = await emitWithAck(client.socket, 'no:such-event', { x: 1 });
    expect(ack).toEqual({ ok: false, error: { statusCode: 404, message: 'Unknown event "no:such-event"' } });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await emitWithAck(client.socket, 'asset:join', { assetId, afterSeq: 0 })).ok).toBe(true);
    client.socket.disconnect();
  });

  it('a non-member cannot join an asset room, and hears nothing from it', async () => {
    const spy = await connectSocket(api.baseUrl, outsider.token);
    const ack = await emitWithAck(spy.socket, 'asset:join', { assetId, afterSeq: 0 });
    expect(ack).toEqual({ ok: false, error: { statusCode: 404, message: expect.any(String) } });
    const missing = await emitWithAck(spy.socket, 'asset:join', { assetId: randomUUID() });
    expect(missing.error.statusCode).toBe(404);
    const garbage = await emitWithAck(spy.socket, 'asset:join', { assetId: 'nope' });
    expect(garbage.error.statusCode).toBe(400);
    await editor.caller.patch(`/api/assets/${assetId}`, { name: 'Secret rename' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(spy.events).toEqual([]);
    spy.socket.disconnect();
  });

  it('a burst of changes reaches the room several to a message, each once and in seq order', async () => {
    const watcher = await connectSocket(api.baseUrl, reviewer.token);
    const messages: number[] = [];
    watcher.socket.on('asset:event', () => messages.push(1));
    watcher.socket.on('asset:events', (events: unknown[]) => messages.push(events.length));
    // A client that never said it reads batches (a page loaded before they existed) gets each alone.
    const older = await connectSocket(api.baseUrl, editor.token, { batches: false });
    let olderBatches = 0;
    older.socket.on('asset:events', () => (olderBatches += 1));
    const joined = await emitWithAck(watcher.socket, 'asset:join', { assetId });
    await emitWithAck(older.socket, 'asset:join', { assetId });
    const renames = 40;
    await Promise.all(
      Array.from({ length: renames }, (_, n) =>
        editor.caller.patch(`/api/assets/${assetId}`, { name: `Take ${n}` }),
      ),
    );
    await waitFor(() => watcher.events.length >= renames);
    expect(watcher.events.map((e) => e.seq)).toEqual(
      Array.from({ length: renames }, (_, n) => joined.lastSeq + 1 + n),
    );
    // Fewer messages than changes: the room's sockets were not written to once per change.
    expect(messages.reduce((sum, n) => sum + n, 0)).toBe(renames);
    expect(messages.length).toBeLessThan(renames);
    await waitFor(() => older.events.length >= renames);
    expect(older.events.map((e) => e.seq)).toEqual(watcher.events.map((e) => e.seq));
    expect(olderBatches).toBe(0);
    watcher.socket.disconnect();
    older.socket.disconnect();
  });

  it('everyone in the room sees a new version appear and change status, in seq order', async () => {
    const watcher = await connectSocket(api.baseUrl, reviewer.token);
    const joined = await emitWithAck(watcher.socket, 'asset:join', { assetId });
    expect(joined.ok).toBe(true);
    const before = joined.lastSeq;
    await tusUpload(editor.caller, randomBytes(2048), { filename: 'v1.mov', assetId });
    await waitFor(() => watcher.events.length >= 2);
    expect(watcher.events.map((e) => [e.seq, e.type])).toEqual([
      [before + 1, 'version.created'],
      [before + 2, 'version.updated'],
    ]);
    for (const event of watcher.events) expect(assetEventSchema.safeParse(event).error).toBeUndefined();
    expect(watcher.events[0].payload.version).toMatchObject({ number: 1, status: 'uploading' });
    expect(watcher.events[1].payload.version).toMatchObject({ number: 1, status: 'queued', sizeBytes: 2048 });
    watcher.socket.disconnect();
  });

  it('someone removed from the project stops hearing its rooms at once', async () => {
    const leaver = await signUp(api.baseUrl, 'Leaver');
    const { projectId } = (await editor.caller.get(`/api/assets/${assetId}`)).body;
    await editor.caller.post(`/api/projects/${projectId}/members`, {
      email: leaver.user.email,
      role: 'viewer',
    });
    const client = await connectSocket(api.baseUrl, leaver.token);
    expect((await emitWithAck(client.socket, 'asset:join', { assetId })).ok).toBe(true);
    expect((await emitWithAck(client.socket, 'project:join', { projectId })).ok).toBe(true);
    await editor.caller.patch(`/api/assets/${assetId}`, { name: 'Seen by the leaver' });
    await waitFor(() => client.events.length === 1); // once, though it is in both rooms
    expect((await editor.caller.delete(`/api/projects/${projectId}/members/${leaver.user.id}`)).status).toBe(
      204,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await editor.caller.patch(`/api/assets/${assetId}`, { name: 'Not for the leaver' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(client.events.map((e) => e.payload.name)).toEqual(['Seen by the leaver']);
    client.socket.disconnect();
  });

  it('a client that was away gets exactly what it missed, by seq', async () => {
    const first = await connectSocket(api.baseUrl, reviewer.token);
    const { lastSeq } = await emitWithAck(first.socket, 'asset:join', { assetId });
    first.socket.disconnect();
    await editor.caller.patch(`/api/assets/${assetId}`, { name: 'Rename 1' });
    await editor.caller.patch(`/api/assets/${assetId}`, { name: 'Rename 2' });
    await tusUpload(editor.caller, randomBytes(100), { filename: 'v2.mov', assetId });

    const back = await connectSocket(api.baseUrl, reviewer.token);
    const replay = await emitWithAck(back.socket, 'asset:join', { assetId, afterSeq: lastSeq });
    expect(replay.ok).toBe(true);
    expect(replay.events.map((e: { seq: number }) => e.seq)).toEqual([
      lastSeq + 1,
      lastSeq + 2,
      lastSeq + 3,
      lastSeq + 4,
    ]);
    expect(replay.events.map((e: { type: string }) => e.type)).toEqual([
      'asset.renamed',
      'asset.renamed',
      'version.created',
      'version.updated',
    ]);
    expect(replay.lastSeq).toBe(lastSeq + 4);
    back.socket.disconnect();
  });

  it('a message over 1 MB is answered with a 413 naming the limit, and the socket carries on', async () => {
    const client = await connectSocket(api.baseUrl, editor.token);
    expect((await emitWithAck(client.socket, 'asset:join', { assetId })).ok).toBe(true);
    const huge = { versionId: randomUUID(), comment: { body: 'x'.repeat(1_200_000) } };
    const refusal = await emitWithAck(client.socket, 'comment:create', huge);
    expect(refusal).toEqual({
      ok: false,
      error: { statusCode: 413, message: expect.stringContaining('larger than 1 MB (1,000,000 bytes)') },
    });
    const refused: unknown[] = [];
    client.socket.on('request:refused', (notice: unknown) => refused.push(notice));
    client.socket.emit('typing', { assetId, typing: true, padding: 'y'.repeat(1_100_000) });
    await waitFor(() => refused.length > 0);
    expect(refused).toEqual([
      { event: 'typing', error: { statusCode: 413, message: expect.stringContaining('larger than 1 MB') } },
    ]);
    // Still connected, and the next message is measured on its own.
    expect(client.socket.connected).toBe(true);
    expect((await emitWithAck(client.socket, 'asset:join', { assetId })).ok).toBe(true);
    client.socket.disconnect();
  });

  it('others end on the drawer’s last drawing: a burst of undo and clear arrives as its last state, and nothing after they leave', async () => {
    const drawer = await connectSocket(api.baseUrl, editor.token);
    const watcher = await connectSocket(api.baseUrl, reviewer.token);
    for (const client of [drawer, watcher])
      expect((await emitWithAck(client.socket, 'asset:join', { assetId })).ok).toBe(true);
    const heard: { shapes?: { id: string }[]; shape?: unknown; userId: string; socketId: string }[] = [];
    watcher.socket.on('draw:stroke', (payload: (typeof heard)[number]) => heard.push(payload));
    const place = { assetId, versionId: randomUUID(), frame: 7 };
    const box = (id: string) => ({
      id,
      kind: 'rectangle',
      colour: '#ff3b30',
      strokeWidth: 0.004,
      from: [0.1, 0.1],
      to: [0.4, 0.4],
    });
    const ids = (h: (typeof heard)[number]) => h.shapes?.map((shape) => shape.id).join(',');

    // Drawn a, drawn b, b undone, cleared: faster than the room is told.
    for (const shapes of [[box('a')], [box('a'), box('b')], [box('a')], []])
      drawer.socket.emit('draw:stroke', { ...place, shapes });
    await waitFor(() => heard.length > 0 && ids(heard.at(-1)!) === '');
    expect(heard[0]).toMatchObject({ ...place, userId: editor.user.id, socketId: drawer.socket.id });
    expect(heard.map(ids)).toEqual(['a', '']);

    // A state still waiting its turn when the drawer leaves never reaches the room.
    await new Promise((resolve) => setTimeout(resolve, 150));
    drawer.socket.emit('draw:stroke', { ...place, shapes: [box('c')] });
    drawer.socket.emit('draw:stroke', { ...place, shapes: [box('c'), box('d')] });
    await emitWithAck(drawer.socket, 'asset:leave', { assetId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard.map(ids)).toEqual(['a', '', 'c']);
    drawer.socket.disconnect();
    watcher.socket.disconnect();
  });

  it('with one api node, strokes and playheads reach the room without going through Postgres', async () => {
    // What the socket.io adapter sends to other nodes, on the channel it LISTENs on.
    const listener = new Client({ connectionString: server.db.url });
    await listener.connect();
    const broadcasts: string[] = [];
    listener.on('notification', (message) => {
      if (JSON.parse(message.payload ?? '{}').type === BROADCAST) broadcasts.push(message.payload ?? '');
    });
    await listener.query('LISTEN "socket.io#/"');
    const drawer = await connectSocket(api.baseUrl, editor.token);
    const watcher = await connectSocket(api.baseUrl, reviewer.token);
    for (const client of [drawer, watcher])
      expect((await emitWithAck(client.socket, 'asset:join', { assetId })).ok).toBe(true);
    const heard: string[] = [];
    watcher.socket.on('draw:stroke', () => heard.push('stroke'));
    watcher.socket.on('presence:changed', () => heard.push('presence'));
    const versionId = randomUUID();
    drawer.socket.emit('draw:stroke', {
      assetId,
      versionId,
      frame: 2,
      shape: { id: 's', kind: 'line', colour: '#ff3b30', strokeWidth: 0.004, from: [0, 0], to: [1, 1] },
    });
    drawer.socket.emit('presence:update', { assetId, versionId, frame: 2, playing: false });
    await waitFor(() => heard.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(broadcasts).toEqual([]);
    drawer.socket.disconnect();
    watcher.socket.disconnect();
    await listener.end();
  });
});

describe('the project room', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });

  it('hears every asset of the project, including ones created after joining, and their deletion', async () => {
    const { api } = server;
    const [editor, viewer, outsider] = await Promise.all(
      ['Ed', 'Vi', 'Out'].map((n) => signUp(api.baseUrl, n)),
    );
    const projectId = (await editor.caller.post('/api/projects', { name: 'Grid' })).body.id;
    await editor.caller.post(`/api/projects/${projectId}/members`, {
      email: viewer.user.email,
      role: 'viewer',
    });
    const grid = await connectSocket(api.baseUrl, viewer.token);
    expect(await emitWithAck(grid.socket, 'project:join', { projectId })).toEqual({ ok: true });
    const spy = await connectSocket(api.baseUrl, outsider.token);
    expect((await emitWithAck(spy.socket, 'project:join', { projectId })).error.statusCode).toBe(404);

    await tusUpload(editor.caller, randomBytes(500), {
      filename: 'new.mov',
      projectId,
      assetName: 'Brand new',
    });
    const created = await waitFor(() => grid.events.find((e) => e.type === 'version.created'));
    const assetId = created.assetId;
    expect(created.payload.version.originalFilename).toBe('new.mov');
    expect((await editor.caller.delete(`/api/assets/${assetId}`)).status).toBe(204);
    await waitFor(() => grid.events.find((e) => e.type === 'asset.deleted' && e.assetId === assetId));
    expect(spy.events).toEqual([]);
    grid.socket.disconnect();
    spy.socket.disconnect();
  });
});

describe('a session ending or a role changing, with two api nodes', () => {
  const cluster = useTwoNodes();
  let db: TestDatabase;
  let nodeA: ApiProcess;
  let nodeB: ApiProcess;
  let owner: SignedIn;
  let member: SignedIn;
  let projectId: string;
  let assetId: string;
  let versionId: string;

  beforeAll(async () => {
    ({ db, nodeA, nodeB } = cluster);
    [owner, member] = await Promise.all(['Owner', 'Member'].map((n) => signUp(nodeA.baseUrl, n)));
    projectId = (await owner.caller.post('/api/projects', { name: 'Sessions' })).body.id;
    await owner.caller.post(`/api/projects/${projectId}/members`, {
      email: member.user.email,
      role: 'reviewer',
    });
    ({ assetId, versionId } = await readyVersion(db, owner, projectId));
  });

  const closed = (socket: Socket) =>
    new Promise<number>((resolve) => socket.once('disconnect', () => resolve(Date.now())));
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('signing out on node A closes that session’s sockets on both nodes within a second, and they cannot post', async () => {
    const login = await new Caller(nodeA.baseUrl).post('/api/auth/login', {
      email: member.user.email,
      password: 'correct horse battery',
    });
    expect(login.status).toBe(200);
    const laptop = new Caller(nodeA.baseUrl, { token: login.body.token });
    const onA = await connectSocket(nodeA.baseUrl, login.body.token);
    const onB = await connectSocket(nodeB.baseUrl, login.body.token);
    // The same person signed in elsewhere (another session) stays connected.
    const phone = await connectSocket(nodeB.baseUrl, member.token);
    for (const client of [onA, onB, phone])
      expect((await emitWithAck(client.socket, 'asset:join', { assetId })).ok).toBe(true);
    const closedA = closed(onA.socket);
    const closedB = closed(onB.socket);
    // Told why before the close, so a client does not try to reconnect a session that is gone.
    const toldB = new Promise<boolean>((resolve) => {
      onB.socket.once('session:ended', () => resolve(true));
      onB.socket.once('disconnect', () => resolve(false));
    });

    expect((await laptop.post('/api/auth/logout')).status).toBe(204);
    const signedOutAt = Date.now();
    // Posted the moment the sign-out answered: refused, or the socket is closed under it.
    const posted = await onB.socket
      .timeout(3000)
      .emitWithAck('comment:create', { versionId, comment: { body: 'After signing out', frame: 1 } })
      .catch((error: Error) => ({ ok: false, error: { message: error.message } }));
    expect(posted.ok).toBe(false);

    const [atA, atB] = await Promise.race([
      Promise.all([closedA, closedB]),
      sleep(1000).then(() => [Infinity, Infinity]),
    ]);
    expect(atA - signedOutAt).toBeLessThan(1000);
    expect(atB - signedOutAt).toBeLessThan(1000);
    expect(await toldB).toBe(true);
    expect(phone.socket.connected).toBe(true);
    await expect(connectSocket(nodeB.baseUrl, login.body.token)).rejects.toThrow('unauthorized');

    const comments = await owner.caller.get(`/api/versions/${versionId}/comments`);
    expect(JSON.stringify(comments.body)).not.toContain('After signing out');
    phone.socket.disconnect();
  });

  it('a socket whose session ended before its node heard of it is refused (401) when it posts or joins', async () => {
    const login = await new Caller(nodeB.baseUrl).post('/api/auth/login', {
      email: member.user.email,
      password: 'correct horse battery',
    });
    const client = await connectSocket(nodeB.baseUrl, login.body.token);
    expect((await emitWithAck(client.socket, 'asset:join', { assetId })).ok).toBe(true);
    // Ended in the database without the notice every node hears on a sign-out.
    await db.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1`, [
      createHash('sha256').update(login.body.token).digest('hex'),
    ]);
    const posted = await emitWithAck(client.socket, 'comment:create', {
      versionId,
      comment: { body: 'Too late', frame: 2 },
    });
    expect(posted).toEqual({
      ok: false,
      error: { statusCode: 401, message: expect.stringContaining('Sign in') },
    });
    expect((await emitWithAck(client.socket, 'asset:join', { assetId })).error.statusCode).toBe(401);
    expect((await emitWithAck(client.socket, 'project:join', { projectId })).error.statusCode).toBe(401);
    client.socket.disconnect();
  });

  it('a socket closes when its session runs out', async () => {
    const login = await new Caller(nodeB.baseUrl).post('/api/auth/login', {
      email: member.user.email,
      password: 'correct horse battery',
    });
    await db.query(
      `UPDATE sessions SET expires_at = now() + interval '1500 milliseconds' WHERE user_id = $1 AND revoked_at IS NULL
         AND created_at = (SELECT max(created_at) FROM sessions WHERE user_id = $1)`,
      [member.user.id],
    );
    const client = await connectSocket(nodeA.baseUrl, login.body.token);
    const closedAt = closed(client.socket);
    expect((await emitWithAck(client.socket, 'asset:join', { assetId })).ok).toBe(true);
    const at = await Promise.race([closedAt, sleep(4000).then(() => Infinity)]);
    expect(at).not.toBe(Infinity);
    expect(client.socket.connected).toBe(false);
  });

  it('demoted to viewer, a member’s live drawing and typing stop reaching the room at once; promoted, they reach it again', async () => {
    const drawer = await connectSocket(nodeB.baseUrl, member.token);
    const watcher = await connectSocket(nodeA.baseUrl, owner.token);
    for (const client of [drawer, watcher])
      expect((await emitWithAck(client.socket, 'asset:join', { assetId })).ok).toBe(true);
    const heard: string[] = [];
    watcher.socket.on('draw:stroke', () => heard.push('stroke'));
    watcher.socket.on('typing', () => heard.push('typing'));
    const stroke = {
      assetId,
      versionId,
      frame: 3,
      shape: {
        id: 's',
        kind: 'rectangle',
        colour: '#ff3b30',
        strokeWidth: 0.004,
        from: [0.1, 0.1],
        to: [0.3, 0.3],
      },
    };
    const speak = () => {
      drawer.socket.emit('draw:stroke', stroke);
      drawer.socket.emit('typing', { assetId, typing: true });
    };
    const setRole = async (role: string) => {
      const changed = await owner.caller.patch(`/api/projects/${projectId}/members/${member.user.id}`, {
        role,
      });
      expect(changed.status).toBe(200);
      // The change reaches node B through Postgres in milliseconds; a second is the promise.
      await sleep(1000);
    };

    speak();
    await waitFor(() => heard.length === 2);
    expect(heard.sort()).toEqual(['stroke', 'typing']);
    await setRole('viewer');
    heard.length = 0;
    speak();
    await sleep(1000);
    expect(heard).toEqual([]);
    await setRole('reviewer');
    speak();
    await waitFor(() => heard.length === 2);
    expect(heard.sort()).toEqual(['stroke', 'typing']);
    drawer.socket.disconnect();
    watcher.socket.disconnect();
  });
});
