import { randomUUID } from 'node:crypto';
import { apiErrorSchema } from '@cutroom/contracts';
import type { ApiProcess } from './support/api-process.js';
import { Caller, type Reply, type SignedIn, signUp } from './support/http-client.js';
import { type OwnedPostgres, startOwnedPostgres } from './support/owned-postgres.js';
import { readyVersion } from './support/review-fixture.js';
import { type ReceivedEvent, connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import type { TestDatabase } from './support/test-database.js';
import { useTestServer } from './support/test-server.js';
import { startTwoNodes, type TwoNodes } from './support/two-nodes.js';

// Servers, reconnects and an embedded cluster's restart: minutes on a busy machine.
const SLOW = 180_000;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const seqsOf = (events: ReceivedEvent[], assetId: string) =>
  [...new Set(events.filter((e) => e.assetId === assetId).map((e) => e.seq))].sort((a, b) => a - b);

/** The answer while the database is away: the API's one error shape, 503, never a hang. */
function expectDatabaseUnavailable(reply: Reply): void {
  expect(reply.status).toBe(503);
  expect(apiErrorSchema.safeParse(reply.body).error).toBeUndefined();
  expect(reply.body).toMatchObject({
    statusCode: 503,
    error: 'Service Unavailable',
    code: 'database_unavailable',
    message: 'The database is not answering right now. Try again in a moment.',
  });
}

/**
 * Posts a note the way a client retries one: the same clientId until it is stored. Every answer
 * before that must be a clean 503.
 */
async function postUntilStored(who: SignedIn, versionId: string, body: string): Promise<void> {
  const clientId = randomUUID();
  const deadline = Date.now() + 30_000;
  for (;;) {
    const reply = await who.caller.post(`/api/versions/${versionId}/comments`, { body, clientId });
    if (reply.status === 201) return;
    expectDatabaseUnavailable(reply);
    if (Date.now() > deadline) throw new Error(`"${body}" was still refused after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const LISTENERS = ['cutroom-activity', 'cutroom-relay', 'cutroom-socket-adapter'];

/** Waits until the server's LISTEN connections (relays and socket adapter) are all connected. */
async function untilListening(db: Pick<TestDatabase, 'query'>): Promise<void> {
  const connected = async () =>
    (
      await db.query<{ name: string }>(
        `SELECT DISTINCT application_name AS name FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = ANY($1) ORDER BY 1`,
        [LISTENERS],
      )
    ).map((row) => row.name);
  const deadline = Date.now() + 15_000;
  while ((await connected()).length < LISTENERS.length && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await connected()).toEqual(LISTENERS);
}

describe('database connections cut under a running server (pg_terminate_backend, 57P01)', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });

  it(
    'stays up, serves again at once, and its sockets hear every event committed around each cut',
    async () => {
      const { api, db } = server;
      const editor = await signUp(api.baseUrl, 'Editor');
      const projectId = (await editor.caller.post('/api/projects', { name: 'Cut off' })).body.id;
      const { assetId, versionId } = await readyVersion(db, editor, projectId);
      const watcher = await connectSocket(api.baseUrl, editor.token);
      const joined = await emitWithAck(watcher.socket, 'asset:join', { assetId });
      const before: number = joined.lastSeq;

      const rounds = 5;
      for (let round = 0; round < rounds; round++) {
        await untilListening(db);
        const [{ cut }] = await db.query<{ cut: number }>(
          `SELECT count(pg_terminate_backend(pid))::int AS cut FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
        // The pool, the event relay, the activity relay and the socket adapter at least.
        expect(cut).toBeGreaterThanOrEqual(4);
        // Posted at once: it commits while the relay is still reconnecting its LISTEN.
        await postUntilStored(editor, versionId, `note ${round}`);
      }

      // Every event reached the socket that stayed connected throughout, none missing.
      await waitFor(() => seqsOf(watcher.events, assetId).length >= rounds);
      expect(seqsOf(watcher.events, assetId)).toEqual(range(before + 1, before + rounds));
      expect(api.child.exitCode).toBeNull();
      expect((await new Caller(api.baseUrl).get('/api/health')).status).toBe(200);

      // A rejoin from the last seq seen before sees each once.
      const late = await connectSocket(api.baseUrl, editor.token);
      const rejoined = await emitWithAck(late.socket, 'asset:join', { assetId, afterSeq: before });
      expect(rejoined.events.map((e: ReceivedEvent) => e.seq)).toEqual(range(before + 1, before + rounds));
      const notes = (await editor.caller.get(`/api/versions/${versionId}/comments`)).body.comments;
      expect(notes.map((n: { body: string }) => n.body).sort()).toEqual(
        range(0, rounds - 1).map((i) => `note ${i}`),
      );

      // Every LISTEN is back.
      await untilListening(db);
      watcher.socket.disconnect();
      late.socket.disconnect();
    },
    SLOW,
  );
});

describe('Postgres restarted under two running servers', () => {
  let postgres: OwnedPostgres;
  let nodes: TwoNodes | undefined;
  let nodeA: ApiProcess;
  let nodeB: ApiProcess;

  beforeAll(async () => {
    postgres = await startOwnedPostgres();
    nodes = await startTwoNodes(postgres.url);
    ({ nodeA, nodeB } = nodes);
  }, SLOW);
  afterAll(async () => {
    await nodes?.stop();
    await postgres?.destroy();
  });

  it(
    'answers 503 while it is down, then both nodes serve and relay again with no event lost',
    async () => {
      const editor = await signUp(nodeA.baseUrl, 'Editor');
      const onB = new Caller(nodeB.baseUrl, { token: editor.token });
      const projectId = (await editor.caller.post('/api/projects', { name: 'Restart' })).body.id;
      const db = { url: postgres.url, query: postgres.query, drop: async () => undefined } as TestDatabase;
      const { assetId, versionId } = await readyVersion(db, editor, projectId);

      const watcherOnB = await connectSocket(nodeB.baseUrl, editor.token);
      const before: number = (await emitWithAck(watcherOnB.socket, 'asset:join', { assetId })).lastSeq;
      const typerOnA = await connectSocket(nodeA.baseUrl, editor.token);
      expect((await emitWithAck(typerOnA.socket, 'asset:join', { assetId })).ok).toBe(true);
      const typingHeardOnB: unknown[] = [];
      watcherOnB.socket.on('typing', (signal: unknown) => typingHeardOnB.push(signal));

      await postUntilStored(editor, versionId, 'before the restart');
      await waitFor(() => seqsOf(watcherOnB.events, assetId).length === 1);

      await postgres.stop();
      const askedAt = Date.now();
      expectDatabaseUnavailable(
        await editor.caller.post(`/api/versions/${versionId}/comments`, { body: 'lost?' }),
      );
      expectDatabaseUnavailable(await onB.post(`/api/versions/${versionId}/comments`, { body: 'lost?' }));
      expect(Date.now() - askedAt).toBeLessThan(15_000);
      const health = await new Caller(nodeA.baseUrl).get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body.database.status).toBe('down');
      const overSocket = await emitWithAck(watcherOnB.socket, 'comment:create', {
        versionId,
        comment: { body: 'lost over the socket?' },
      });
      expect(overSocket).toMatchObject({ ok: false, error: { statusCode: 503 } });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(nodeA.child.exitCode).toBeNull();
      expect(nodeB.child.exitCode).toBeNull();

      await postgres.start();
      // At once, while the nodes are still reconnecting their LISTENs.
      for (const body of ['after 1', 'after 2', 'after 3']) await postUntilStored(editor, versionId, body);

      // B's relay LISTENs again and caught up: all four notes, in seq order, none missing.
      await waitFor(() => seqsOf(watcherOnB.events, assetId).length >= 4, 20_000);
      expect(seqsOf(watcherOnB.events, assetId)).toEqual(range(before + 1, before + 4));

      // Ephemeral signals cross nodes again through the socket.io Postgres adapter.
      const typing = setInterval(() => typerOnA.socket.emit('typing', { assetId, typing: true }), 250);
      try {
        await waitFor(() => typingHeardOnB.length > 0, 20_000);
      } finally {
        clearInterval(typing);
      }

      const late = await connectSocket(nodeB.baseUrl, editor.token);
      const rejoined = await emitWithAck(late.socket, 'asset:join', { assetId, afterSeq: before });
      expect(rejoined).toMatchObject({ ok: true });
      expect(rejoined.events.map((e: ReceivedEvent) => e.seq)).toEqual(range(before + 1, before + 4));
      const notes = (await onB.get(`/api/versions/${versionId}/comments`)).body.comments;
      expect(notes.map((n: { body: string }) => n.body).sort()).toEqual([
        'after 1',
        'after 2',
        'after 3',
        'before the restart',
      ]);
      for (const node of [nodeA, nodeB])
        expect((await new Caller(node.baseUrl).get('/api/health')).status).toBe(200);
      for (const socket of [watcherOnB.socket, typerOnA.socket, late.socket]) socket.disconnect();
    },
    SLOW,
  );
});
