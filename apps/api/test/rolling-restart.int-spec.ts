import http from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { type Balancer, startBalancer } from './support/balancer.js';
import { Caller, signUp } from './support/http-client.js';
import { readyVersion } from './support/review-fixture.js';
import { onAssetEvents, type ReceivedEvent } from './support/socket-client.js';
import { tusCreate, tusHead, tusPatch } from './support/tus.js';
import { useTwoNodes } from './support/two-nodes.js';

/** One POST on a connection of its own, as many clients behind a balancer make them. */
function postOnce(baseUrl: string, token: string, path: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const request = http.request(
      `${baseUrl}${path}`,
      {
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.once('error', reject);
    request.end(payload);
  });
}

/**
 * A tus PATCH whose body trickles in `pieces` pieces; `onPiece(n)` runs after each is sent.
 * Resolves to the answer's status and Upload-Offset.
 */
function tricklePatch(
  url: string,
  token: string,
  bytes: Buffer,
  pieces: number,
  onPiece: (n: number) => Promise<void> | void,
): Promise<{ status: number; offset: number }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'PATCH',
      agent: false,
      headers: {
        authorization: `Bearer ${token}`,
        'tus-resumable': '1.0.0',
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
        'content-length': bytes.length,
      },
    });
    request.once('response', (response) => {
      response.resume();
      response.once('end', () =>
        resolve({ status: response.statusCode ?? 0, offset: Number(response.headers['upload-offset']) }),
      );
    });
    request.once('error', reject);
    void (async () => {
      const size = Math.ceil(bytes.length / pieces);
      for (let n = 0; n < pieces; n++) {
        request.write(bytes.subarray(n * size, (n + 1) * size));
        await onPiece(n);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      request.end();
    })();
  });
}

interface Watcher {
  socket: Socket;
  /** Every event by seq, however often it came (live, replayed after reconnecting). */
  seen: Map<number, ReceivedEvent>;
  reconnects: number;
}

/** A web client: reconnects by itself, and on each (re)connect rejoins with the last seq it has. */
function watch(baseUrl: string, token: string, assetId: string): Promise<Watcher> {
  const socket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { token },
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  const watcher: Watcher = { socket, seen: new Map(), reconnects: -1 };
  const take = (event: ReceivedEvent) => {
    if (event.assetId === assetId) watcher.seen.set(event.seq, event);
  };
  onAssetEvents(socket, take);
  return new Promise((resolve, reject) => {
    socket.on('connect', async () => {
      watcher.reconnects++;
      const afterSeq = Math.max(0, ...watcher.seen.keys());
      const ack = await socket.timeout(10_000).emitWithAck('asset:join', { assetId, afterSeq });
      if (!ack.ok) return reject(new Error(`join refused: ${JSON.stringify(ack)}`));
      for (const event of ack.events) take(event);
      resolve(watcher);
    });
  });
}

describe('a rolling restart: one of two api processes stops (SIGTERM) under a burst of notes', () => {
  // A second of notice: the balancer checks readiness ten times a second.
  const nodes = useTwoNodes({ DRAIN_SECONDS: '20', DRAIN_DELAY_SECONDS: '1' });
  let balancer: Balancer;
  let watchers: Watcher[] = [];
  afterAll(async () => {
    for (const watcher of watchers) watcher.socket.close();
    await balancer?.close();
  });

  it('loses no note or upload chunk, shows no client an error, and every watcher ends with every event once', async () => {
    balancer = await startBalancer([nodes.nodeA.port, nodes.nodeB.port]);
    const editor = await signUp(balancer.baseUrl, 'Rolling Editor');
    const projectId = (await editor.caller.post('/api/projects', { name: 'Rolling' })).body.id;
    const { assetId, versionId } = await readyVersion(nodes.db, editor, projectId);
    watchers = await Promise.all(
      Array.from({ length: 6 }, () => watch(balancer.baseUrl, editor.token, assetId)),
    );
    const onA = () => balancer.taken.get(nodes.nodeA.port) ?? 0;
    expect(onA()).toBeGreaterThan(0);
    const [{ last_seq: before }] = await nodes.db.query<{ last_seq: string }>(
      'SELECT last_seq FROM assets WHERE id = $1',
      [assetId],
    );

    // Three posters, each note on a connection of its own, while node A is stopped midway.
    const statuses: number[] = [];
    const errors: string[] = [];
    const PER_POSTER = 60;
    const poster = async (who: number) => {
      for (let i = 0; i < PER_POSTER; i++) {
        try {
          statuses.push(
            await postOnce(balancer.baseUrl, editor.token, `/api/versions/${versionId}/comments`, {
              body: `poster ${who} note ${i}`,
              frame: i,
            }),
          );
        } catch (error) {
          errors.push(`${who}/${i}: ${(error as Error).message}`);
        }
      }
    };
    const burst = Promise.all([0, 1, 2].map(poster));
    while (statuses.length + errors.length < 30) await new Promise((resolve) => setTimeout(resolve, 10));

    // And an upload chunk streaming into A when it is told to stop.
    const file = Buffer.alloc(4 * 1024 * 1024, 7);
    const onNodeA = new Caller(nodes.nodeA.baseUrl, { token: editor.token });
    const created = await tusCreate(onNodeA, file.length, {
      projectId,
      assetName: 'Master',
      filename: 'master.mov',
    });
    expect(created.status).toBe(201);
    const half = file.subarray(0, file.length / 2);
    let exitCode: Promise<number | null> | undefined;
    let readyWhileStopping: { status: number; body: unknown } | undefined;
    const chunk = await tricklePatch(created.url as string, editor.token, half, 12, async (n) => {
      if (n === 3) exitCode = nodes.nodeA.stop();
      // Told to stop, A first says so to the balancer, still listening.
      if (n === 4) readyWhileStopping = await new Caller(nodes.nodeA.baseUrl).get('/api/ready');
    });
    expect(readyWhileStopping).toMatchObject({ status: 503, body: { status: 'draining' } });
    await burst;
    expect(await exitCode).toBe(0);
    // The chunk under way was taken whole, and the upload goes on at the other process.
    expect(chunk).toEqual({ status: 204, offset: half.length });
    const onNodeB = new Caller(nodes.nodeB.baseUrl, { token: editor.token });
    const urlOnB = (created.url as string).replace(nodes.nodeA.baseUrl, nodes.nodeB.baseUrl);
    expect(await tusHead(onNodeB, urlOnB)).toEqual({ status: 200, offset: half.length });
    const rest = await tusPatch(onNodeB, urlOnB, half.length, file.subarray(half.length));
    expect(rest).toMatchObject({ status: 204, offset: file.length });

    expect(errors).toEqual([]);
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    expect(statuses).toHaveLength(3 * PER_POSTER);
    const stored = await nodes.db.query<{ count: string }>(
      `SELECT count(*) FROM comments WHERE version_id = $1 AND body LIKE 'poster %'`,
      [versionId],
    );
    expect(Number(stored[0].count)).toBe(3 * PER_POSTER);

    // Those on A move to B by themselves: once A has gone, a note posted now reaches every watcher.
    const deadline = Date.now() + 30_000;
    while (watchers.every((w) => w.reconnects === 0) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(watchers.some((w) => w.reconnects > 0)).toBe(true);
    expect(
      await postOnce(balancer.baseUrl, editor.token, `/api/versions/${versionId}/comments`, {
        body: 'after the restart',
        frame: 0,
      }),
    ).toBe(201);

    // Every watcher, the ones that were on A included, has every event of the burst and that note, by seq.
    const expected = Array.from({ length: 3 * PER_POSTER + 1 }, (_, i) => Number(before) + 1 + i);
    while (watchers.some((w) => expected.some((seq) => !w.seen.has(seq))) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    for (const watcher of watchers)
      expect([...watcher.seen.keys()].filter((seq) => seq > Number(before)).sort((a, b) => a - b)).toEqual(
        expected,
      );
  }, 180_000);
});
