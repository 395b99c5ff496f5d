// npm run bench:realtime — 200 socket clients in one asset room; comments posted through the
// real path (validation, database write, event row, NOTIFY, broadcast) at a steady rate; the
// post→receive latency of every delivery, against a bare socket.io relay doing the same in the
// same run.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { api, benchDatabase, percentile, requireBuild, root, startApi, tusUpload } from './harness.mjs';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const RATE = Number(process.env.BENCH_RATE ?? 200); // comments per second
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WRITERS = 4;

requireBuild();

async function connectAll(url, auth, count) {
  const sockets = [];
  for (let i = 0; i < count; i += 20) {
    const batch = Array.from({ length: Math.min(20, count - i) }, () =>
      io(url, { path: '/socket.io', transports: ['websocket'], auth, reconnection: false }),
    );
    await Promise.all(
      batch.map(
        (s) =>
          new Promise((resolve, reject) => {
            s.once('connect', resolve);
            s.once('connect_error', reject);
          }),
      ),
    );
    sockets.push(...batch);
  }
  return sockets;
}

/** Posts RATE messages a second for SECONDS through `post`, spread over the writers. */
async function drive(post) {
  const total = RATE * SECONDS;
  const started = performance.now();
  const pending = [];
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(post(n, performance.now()));
  }
  await Promise.all(pending);
  return (performance.now() - started) / 1000;
}

function summarise(latencies, expected, seconds) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    delivered: latencies.length,
    expected,
    postsPerSecond: expected / CLIENTS / seconds,
  };
}

async function benchCutroom() {
  const db = await benchDatabase();
  const server = await startApi({ DATABASE_URL: db.url, DATA_DIR: db.scratch, MEDIA_WORKER: 'false' });
  try {
    const session = await api(server.baseUrl, null, 'POST', '/api/auth/register', {
      email: `bench-${Date.now()}@example.com`,
      password: 'benchmark password',
      displayName: 'Bench',
    });
    const project = await api(server.baseUrl, session.token, 'POST', '/api/projects', { name: 'Bench' });
    await tusUpload(server.baseUrl, session.token, Buffer.alloc(1000), {
      filename: 'bench.mov',
      projectId: project.id,
      assetName: 'Bench',
    });
    const [version] = await db.query('SELECT v.id, v.asset_id FROM versions v');
    await db.query(`UPDATE versions SET status = 'ready', media = $2 WHERE id = $1`, [
      version.id,
      JSON.stringify({
        kind: 'video',
        fpsNum: 25,
        fpsDen: 1,
        frameCount: 100000,
        durationSeconds: 4000,
        width: 1920,
        height: 1080,
        startTimecode: null,
        dropFrame: false,
        variableFrameRate: false,
      }),
    ]);

    const clients = await connectAll(server.baseUrl, { token: session.token }, CLIENTS);
    const latencies = [];
    const sentAt = new Map();
    for (const socket of clients) {
      await socket.emitWithAck('asset:join', { assetId: version.asset_id });
      socket.on('asset:event', (event) => {
        const sent = sentAt.get(event.payload.comment?.clientId);
        if (sent !== undefined) latencies.push(performance.now() - sent);
      });
    }
    const writers = await connectAll(server.baseUrl, { token: session.token }, WRITERS);
    const seconds = await drive(async (n, now) => {
      const clientId = `bench-${n}-${Date.now()}`;
      sentAt.set(clientId, now);
      const ack = await writers[n % WRITERS].emitWithAck('comment:create', {
        versionId: version.id,
        comment: { body: `Note ${n} #bench`, frame: n % 100000, clientId },
      });
      if (!ack.ok) throw new Error(JSON.stringify(ack.error));
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const socket of [...clients, ...writers]) socket.disconnect();
    const [{ count }] = await db.query(`SELECT count(*) FROM comments`);
    return { ...summarise(latencies, RATE * SECONDS * CLIENTS, seconds), stored: Number(count) };
  } finally {
    await server.stop();
    await db.close();
  }
}

async function benchBareRelay() {
  const child = spawn(process.execPath, [path.join(root, 'scripts/bench/bare-relay.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve) =>
    child.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim()))),
  );
  try {
    const url = `http://127.0.0.1:${port}`;
    const clients = await connectAll(url, {}, CLIENTS);
    const latencies = [];
    for (const socket of clients) {
      await socket.emitWithAck('join', 'room');
      socket.on('posted', (message) => latencies.push(performance.now() - message.sentAt));
    }
    const writers = await connectAll(url, {}, WRITERS);
    const seconds = await drive((n, now) =>
      writers[n % WRITERS].emitWithAck('post', { room: 'room', body: `Note ${n}`, sentAt: now }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const socket of [...clients, ...writers]) socket.disconnect();
    return summarise(latencies, RATE * SECONDS * CLIENTS, seconds);
  } finally {
    child.kill('SIGTERM');
  }
}

const bare = await benchBareRelay();
const cutroom = await benchCutroom();
const row = (name, r) =>
  `${name.padEnd(28)} p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   delivered ${r.delivered}/${r.expected}   ${r.postsPerSecond.toFixed(0)} posts/s`;
console.log(`\nrealtime: ${CLIENTS} clients in one room, ${RATE} comments/s for ${SECONDS} s`);
console.log(row('bare socket.io relay', bare));
console.log(row('cutroom (validate+db+event)', cutroom));
console.log(
  `ratio cutroom/bare: p50 ${(cutroom.p50 / bare.p50).toFixed(2)}x   p99 ${(cutroom.p99 / bare.p99).toFixed(2)}x`,
);
console.log(
  `comments stored ${cutroom.stored}/${RATE * SECONDS}; lost deliveries ${cutroom.expected - cutroom.delivered}`,
);
console.log(`target: p99 <= 50 ms -> ${cutroom.p99 <= 50 ? 'met' : 'NOT met'}`);
process.exit(0);
