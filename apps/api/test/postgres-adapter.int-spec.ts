import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { postgresAdapter } from '../src/realtime/postgres-adapter.js';
import { waitFor } from './support/socket-client.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

interface Node {
  http: HttpServer;
  io: Server;
  pool: pg.Pool;
  url: string;
}

/** What the adapter keeps of the other nodes it has heard from (socket.io-adapter's ClusterAdapterWithHeartbeat). */
type Cluster = { nodesMap: Map<string, number> };

describe('the realtime bus between api nodes', () => {
  let db: TestDatabase;
  const nodes: Node[] = [];
  const clients: Socket[] = [];

  /** An api node's socket.io server on the bus `channel` (each test has its own, as each cluster has its database). */
  async function startNode(channel: string): Promise<Node> {
    const pool = new pg.Pool({ connectionString: db.url, max: 3 });
    const http = createServer();
    const io = new Server(http);
    io.adapter(
      postgresAdapter(pool, { tableName: 'socket_io_attachments', channelPrefix: channel }) as never,
    );
    io.on('connection', (socket) => void socket.join('cut'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const node = { http, io, pool, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
    nodes.push(node);
    return node;
  }

  async function listen(node: Node): Promise<string[]> {
    const heard: string[] = [];
    const client = connect(node.url, { transports: ['websocket'] });
    clients.push(client);
    client.on('said', (text: string) => heard.push(text));
    await new Promise<void>((resolve) => client.on('connect', resolve));
    return heard;
  }

  const cluster = (node: Node) => node.io.of('/').adapter as unknown as Cluster;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.query(
      `CREATE TABLE socket_io_attachments (id bigserial UNIQUE, created_at timestamptz DEFAULT now(), payload bytea)`,
    );
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    for (const node of nodes) {
      await new Promise<void>((resolve) => node.io.close(() => resolve()));
      await node.pool.end();
    }
    await db.drop();
  });

  it('a node that missed heartbeats (busy) still hears what is said on the cut', async () => {
    const a = await startNode('late');
    const b = await startNode('late');
    await waitFor(() => cluster(a).nodesMap.size > 0 && cluster(b).nodesMap.size > 0);
    const onB = await listen(b);

    a.io.to('cut').emit('said', 'first');
    await waitFor(() => onB.includes('first'));

    // B's heartbeat was more than 10 s late: the adapter on A takes B for gone, as it does then.
    cluster(a).nodesMap.clear();
    a.io.to('cut').emit('said', 'while B was late');
    await waitFor(() => onB.includes('while B was late'));
    expect(onB).toEqual(['first', 'while B was late']);
  });

  it('a node that never heard of another keeps its broadcasts to itself', async () => {
    const alone = await startNode('alone');
    const here = await listen(alone);
    // Nothing would hear a NOTIFY: a broadcast goes out locally, at once (no round trip to Postgres).
    const published = jest.spyOn(alone.pool, 'query');
    alone.io.to('cut').emit('said', 'hello');
    await waitFor(() => here.includes('hello'));
    const notifies = published.mock.calls.filter(([sql]) => String(sql).includes('pg_notify'));
    expect(notifies).toEqual([]);
  });
});
