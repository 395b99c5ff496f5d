// What bench:realtime drives: Cutroom as `npm start` runs it, and a bare socket.io relay doing the
// same deliveries with nothing else. Both answer the same calls: rooms, sockets joined to them,
// a post, a stroke or playhead; `onPost(key)` and `onSignal(kind, key)` hear each delivery.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { io } from 'socket.io-client';
import { cpuReading } from './process-cpu.mjs';
import { api, benchDatabase, root, startApi, tusUpload } from './harness.mjs';

const options = { path: '/socket.io', transports: ['websocket'], reconnection: false };

// A stroke under the pen, as the web sends it while someone draws: 32 points so far.
const strokeShape = {
  id: 'bench-stroke',
  kind: 'freehand',
  colour: '#ff3b30',
  strokeWidth: 0.004,
  points: Array.from({ length: 64 }, (_, i) => Math.round((0.2 + (i % 2 ? 0.3 : 0.2) + i / 400) * 1e4) / 1e4),
};

class Target {
  onPost = undefined;
  onSignal = undefined;
  url = '';
  auth = {};

  async connect(count) {
    const sockets = [];
    for (let i = 0; i < count; i += 20) {
      const batch = Array.from({ length: Math.min(20, count - i) }, () =>
        io(this.url, { ...options, auth: this.auth }),
      );
      await Promise.all(
        batch.map(
          (socket) =>
            new Promise((resolve, reject) => {
              socket.once('connect', resolve);
              socket.once('connect_error', reject);
            }),
        ),
      );
      sockets.push(...batch);
    }
    return sockets;
  }

  /** `count` sockets in the room; `counted` ones tell each delivery they hear. */
  async listeners(room, count, { counted = true } = {}) {
    const sockets = await this.connect(count);
    for (const socket of sockets) {
      await this.join(socket, room);
      if (counted) this.listen(socket);
      this.listenToSignals(socket);
    }
    return sockets;
  }

  disconnect(sockets) {
    for (const socket of sockets) socket.disconnect();
  }
}

export class BareRelay extends Target {
  name = 'bare';
  database = 'none';
  child = undefined;

  async start() {
    this.child = spawn(process.execPath, [path.join(root, 'scripts/bench/bare-relay.mjs')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise((resolve) =>
      this.child.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim()))),
    );
    this.url = `http://127.0.0.1:${port}`;
  }

  stop() {
    this.child?.kill('SIGTERM');
  }

  cpu() {
    return cpuReading(this.child.pid);
  }

  async rooms(count) {
    return Array.from({ length: count }, (_, i) => ({ name: `room-${i}` }));
  }

  join(socket, room) {
    return socket.emitWithAck('join', room.name);
  }

  listen(socket) {
    socket.on('posted', (message) => this.onPost?.(message.key));
  }

  listenToSignals(socket) {
    socket.on('draw:stroke', (m) => this.onSignal?.('stroke', `${m.socketId}:${m.frame}`));
    socket.on('presence:changed', (m) => this.onSignal?.('presence', `${m.socketId}:${m.frame}`));
  }

  post(socket, room, key, n) {
    return socket.emitWithAck('post', { room: room.name, key, body: `Note ${n} #bench` });
  }

  stroke(socket, room, frame) {
    socket.emit('draw:stroke', { room: room.name, socketId: socket.id, frame, shape: strokeShape });
  }

  presence(socket, room, frame) {
    socket.emit('presence:update', { room: room.name, socketId: socket.id, frame, playing: true });
  }
}

export class Cutroom extends Target {
  name = 'cutroom';
  database = process.env.DATABASE_URL ? 'elsewhere' : 'ours';
  server = undefined;
  db = undefined;
  session = undefined;
  project = undefined;
  created = [];

  async start() {
    this.db = await benchDatabase();
    this.server = await startApi({
      DATABASE_URL: this.db.url,
      DATA_DIR: this.db.scratch,
      MEDIA_WORKER: 'false',
    });
    this.url = this.server.baseUrl;
    this.session = await api(this.url, null, 'POST', '/api/auth/register', {
      email: `bench-${Date.now()}@example.com`,
      password: 'benchmark password',
      displayName: 'Bench',
    });
    // `batches`: these listeners read a busy room's events several to a message, as the web app does.
    this.auth = { token: this.session.token, batches: true };
    this.project = await api(this.url, this.session.token, 'POST', '/api/projects', { name: 'Bench' });
  }

  async stop() {
    await this.server?.stop();
    await this.db?.close();
  }

  /** `besides`: the pids of other servers the bench runs, not counted as the database. */
  besides = [];

  cpu() {
    return cpuReading(this.server.pid, this.besides);
  }

  /** The first `count` cuts of the bench project, each with a ready version; made as needed. */
  async rooms(count) {
    while (this.created.length < count) {
      const n = this.created.length;
      await tusUpload(this.url, this.session.token, Buffer.alloc(1000), {
        filename: `bench-${n}.mov`,
        projectId: this.project.id,
        assetName: `Bench ${n}`,
      });
      const [version] = await this.db.query(
        `UPDATE versions SET status = 'ready', media = $1
         WHERE asset_id = (SELECT id FROM assets WHERE name = $2) RETURNING id, asset_id`,
        [
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
          `Bench ${n}`,
        ],
      );
      this.created.push({ assetId: version.asset_id, versionId: version.id });
    }
    return this.created.slice(0, count);
  }

  async join(socket, room) {
    const ack = await socket.emitWithAck('asset:join', { assetId: room.assetId });
    if (!ack.ok) throw new Error(`asset:join: ${JSON.stringify(ack.error)}`);
  }

  listen(socket) {
    const take = (event) => {
      if (event.type === 'comment.created') this.onPost?.(event.payload.comment.clientId);
    };
    socket.on('asset:event', take);
    // A busy room's events come several to a message.
    socket.on('asset:events', (events) => events.forEach(take));
  }

  listenToSignals(socket) {
    socket.on('draw:stroke', (m) => this.onSignal?.('stroke', `${m.socketId}:${m.frame}`));
    socket.on('presence:changed', (m) => this.onSignal?.('presence', `${m.socketId}:${m.frame}`));
  }

  async post(socket, room, key, n) {
    const ack = await socket.emitWithAck('comment:create', {
      versionId: room.versionId,
      comment: { body: `Note ${n} #bench`, frame: n % 100000, clientId: key },
    });
    if (!ack.ok) throw new Error(JSON.stringify(ack.error));
  }

  stroke(socket, room, frame) {
    socket.emit('draw:stroke', {
      assetId: room.assetId,
      versionId: room.versionId,
      frame,
      shape: strokeShape,
    });
  }

  presence(socket, room, frame) {
    socket.emit('presence:update', {
      assetId: room.assetId,
      versionId: room.versionId,
      frame,
      playing: true,
    });
  }

  async storedComments() {
    const [{ count }] = await this.db.query(`SELECT count(*) FROM comments`);
    return Number(count);
  }
}
