import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from './support/api-process.js';
import { type SignedIn, signUp } from './support/http-client.js';
import { readyVersion } from './support/review-fixture.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { type StatementCounter, startStatementCounter } from './support/statement-counter.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

// What a note costs the database, counted on the wire: the comment path is the hot path of a
// review session, and a server with many rooms tells of notes in many rooms at once.
describe('what a note costs the database', () => {
  let db: TestDatabase;
  let counter: StatementCounter;
  let dataDir: string;
  let api: ApiProcess;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let projectId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    counter = await startStatementCounter(db.url);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-comment-cost-'));
    chmodSync(dataDir, 0o755);
    api = await startApi({ DATABASE_URL: counter.url, DATA_DIR: dataDir, MEDIA_WORKER: 'false' });
    [editor, reviewer] = await Promise.all(
      ['Eddie Editor', 'Rita Reviewer'].map((n) => signUp(api.baseUrl, n)),
    );
    projectId = (await editor.caller.post('/api/projects', { name: 'Costs' })).body.id;
    await editor.caller.post(`/api/projects/${projectId}/members`, {
      email: reviewer.user.email,
      role: 'reviewer',
    });
  });
  afterAll(async () => {
    await api?.stop();
    await counter?.close();
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('a note posted over the socket is two statements: the session and access check, and its insert with its event', async () => {
    const { versionId } = await readyVersion(db, editor, projectId);
    const client = await connectSocket(api.baseUrl, reviewer.token);
    // The fewest of a few posts: background work (sweeps, the notifications of the last note) only ever adds.
    let fewest = Infinity;
    for (let n = 0; n < 5; n += 1) {
      const before = counter.count();
      const ack = await emitWithAck(client.socket, 'comment:create', {
        versionId,
        comment: { body: `Note ${n}`, frame: n },
      });
      expect(ack.ok).toBe(true);
      fewest = Math.min(fewest, counter.count() - before);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(fewest).toBe(2);
    client.socket.disconnect();
  });

  it('notes on ten cuts are told to their uploader in about as few statements as ten notes on one cut', async () => {
    const listener = await connectSocket(api.baseUrl, editor.token);
    const poster = await connectSocket(api.baseUrl, reviewer.token);
    let unread = 0;
    listener.socket.on('activity:unread', ({ count }: { count: number }) => (unread = count));
    const cuts: Awaited<ReturnType<typeof readyVersion>>[] = [];
    for (let n = 0; n < 10; n += 1) cuts.push(await readyVersion(db, editor, projectId));
    await new Promise((resolve) => setTimeout(resolve, 1000));

    /** Statements from the first post until every note's item reached the uploader, the posts' own left out. */
    const tellingCost = async (versionIds: string[]) => {
      const told = (await editor.caller.get('/api/activity/unread-count')).body.count + versionIds.length;
      const before = counter.count();
      await Promise.all(
        versionIds.map((versionId, n) =>
          emitWithAck(poster.socket, 'comment:create', { versionId, comment: { body: `Look ${n}` } }),
        ),
      );
      await waitFor(() => unread === told);
      return counter.count() - before - 2 * versionIds.length;
    };
    const oneCut = await tellingCost(cuts.map(() => cuts[0].versionId));
    const tenCuts = await tellingCost(cuts.map((cut) => cut.versionId));
    // One run of the fan-out is a dozen statements, whatever the number of cuts in it.
    expect(tenCuts).toBeLessThanOrEqual(oneCut + 12);
    listener.socket.disconnect();
    poster.socket.disconnect();
  });
});
