import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { type SignedIn, signUp } from './support/http-client.js';
import { readyVersion } from './support/review-fixture.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { useTwoNodes } from './support/two-nodes.js';

const POSTERS = 50;
const LISTENERS = 50;
const RUN_MS = 30_000;
// Each poster waits this long between posts: a modest rate a slow CI machine keeps up with.
const PAUSE_MS = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('50 concurrent posters and 50 listeners for 30 s, across two api nodes', () => {
  const cluster = useTwoNodes();

  it('every listener sees every seq exactly once, in order, live', async () => {
    const { db } = cluster;
    const nodes = [cluster.nodeA, cluster.nodeB];
    const owner = await signUp(nodes[0].baseUrl, 'Owner');
    const projectId = (await owner.caller.post('/api/projects', { name: 'Crowd' })).body.id;
    const { versionId, assetId } = await readyVersion(db, owner, projectId, 1000);
    // Ten reviewers post from five sockets each; sign-ups run a few at a time (argon2 is heavy).
    const writers: SignedIn[] = [];
    for (let batch = 0; batch < 2; batch++) {
      const signed = await Promise.all(
        Array.from({ length: 5 }, (_, i) => signUp(nodes[1].baseUrl, `Writer ${batch * 5 + i}`)),
      );
      for (const writer of signed) {
        const added = await owner.caller.post(`/api/projects/${projectId}/members`, {
          email: writer.user.email,
          role: 'reviewer',
        });
        expect(added.status).toBe(201);
      }
      writers.push(...signed);
    }

    // Listeners join ten at a time: the run, not the joining, is what is under test.
    const listeners: (Awaited<ReturnType<typeof connectSocket>> & { joinedAt: number })[] = [];
    for (let batch = 0; batch < LISTENERS; batch += 10) {
      const joined = await Promise.all(
        Array.from({ length: Math.min(10, LISTENERS - batch) }, async (_, k) => {
          const client = await connectSocket(nodes[(batch + k) % 2].baseUrl, owner.token);
          const ack = await emitWithAck(client.socket, 'asset:join', { assetId });
          expect(ack).toMatchObject({ ok: true });
          return { ...client, joinedAt: ack.lastSeq as number };
        }),
      );
      listeners.push(...joined);
    }
    const posters: Socket[] = await Promise.all(
      Array.from({ length: POSTERS }, async (_, i) => {
        const { socket } = await connectSocket(nodes[(i + 1) % 2].baseUrl, writers[i % writers.length].token);
        return socket;
      }),
    );

    const deadline = Date.now() + RUN_MS;
    let posted = 0;
    await Promise.all(
      posters.map(async (socket, p) => {
        for (let i = 0; Date.now() < deadline; i++) {
          // Every tenth note is too long to travel inside a NOTIFY: its listeners read it from the log.
          const body = i % 10 === 9 ? `long note ${p}-${i} ${'x'.repeat(8000)}` : `note ${p}-${i}`;
          const ack = await socket.timeout(30_000).emitWithAck('comment:create', {
            versionId,
            comment: { body, frame: (p * 20 + i) % 1000, clientId: randomUUID() },
          });
          // A refusal names its status and reason (a 503 says the machine could not keep up).
          if (!ack.ok) throw new Error(`post ${p}-${i} refused: ${JSON.stringify(ack.error)}`);
          posted++;
          await sleep(PAUSE_MS);
        }
      }),
    );

    const [{ last_seq }] = await db.query<{ last_seq: string }>(`SELECT last_seq FROM assets WHERE id = $1`, [
      assetId,
    ]);
    const lastSeq = Number(last_seq);
    await waitFor(() => listeners.every((l) => l.events.at(-1)?.seq === lastSeq), 30_000).catch(
      () => undefined,
    );
    for (const listener of listeners) {
      const expected = Array.from(
        { length: lastSeq - listener.joinedAt },
        (_, k) => listener.joinedAt + k + 1,
      );
      expect(listener.events.map((e) => e.seq)).toEqual(expected);
    }
    expect(lastSeq - Math.max(...listeners.map((l) => l.joinedAt))).toBe(posted);
    // Every poster really posted throughout, so the listeners heard thousands of concurrent writes.
    expect(posted).toBeGreaterThanOrEqual(POSTERS * 10);
    for (const socket of [...posters, ...listeners.map((l) => l.socket)]) socket.disconnect();
  }, 240_000);
});
