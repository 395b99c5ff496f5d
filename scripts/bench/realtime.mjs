// npm run bench:realtime — comments posted through the real path (validation, session and access
// check, database write, event row, NOTIFY, relay, fan-out) against a bare socket.io relay doing
// the same in the same run, post → receive latency over every delivery and CPU per post:
//   1. one room: BENCH_CLIENTS (200) sockets, BENCH_RATE (200) comments/s for BENCH_SECONDS (10);
//   2. capacity: the rate into that room rising by BENCH_CAPACITY_STEP (100) every
//      BENCH_CAPACITY_SECONDS (3) until p99 passes 100 ms (or deliveries fall behind);
//   3. many rooms: BENCH_ROOMS (100) rooms × BENCH_ROOM_CLIENTS (10), BENCH_RATE over all of them;
//   4. concurrent posters: BENCH_POSTERS (50) people in a room of twice as many, each posting on
//      their own clock, BENCH_POSTERS_RATE (300) posts/s between them;
//   5. ephemeral: BENCH_DRAWERS (20) of BENCH_CLIENTS drawing at BENCH_DRAW_RATE (10) strokes/s
//      each, everyone's playhead every 5 s: stroke and presence relay latency.
// BENCH_PARTS (one-room,capacity,rooms,posters,ephemeral) picks some. Each part starts with a
// second of the same traffic, not measured, so the figures are of a server already running.
import os from 'node:os';
import { cpuPerOperation } from './process-cpu.mjs';
import { percentile, requireBuild } from './harness.mjs';
import { BareRelay, Cutroom } from './realtime-targets.mjs';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const RATE = Number(process.env.BENCH_RATE ?? 200); // comments per second
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WRITERS = 4;
const WARMUP_SECONDS = 1;
const CAPACITY_STEP = Number(process.env.BENCH_CAPACITY_STEP ?? 100);
const CAPACITY_SECONDS = Number(process.env.BENCH_CAPACITY_SECONDS ?? 3);
const CAPACITY_MAX = Number(process.env.BENCH_CAPACITY_MAX ?? 1500);
const CAPACITY_P99_MS = 100;
const ROOMS = Number(process.env.BENCH_ROOMS ?? 100);
const ROOM_CLIENTS = Number(process.env.BENCH_ROOM_CLIENTS ?? 10);
const POSTERS = Number(process.env.BENCH_POSTERS ?? 50);
const POSTERS_RATE = Number(process.env.BENCH_POSTERS_RATE ?? 300);
const DRAWERS = Number(process.env.BENCH_DRAWERS ?? 20);
const DRAW_RATE = Number(process.env.BENCH_DRAW_RATE ?? 10);
const PRESENCE_EVERY_SECONDS = 5;
const PARTS = new Set((process.env.BENCH_PARTS ?? 'one-room,capacity,rooms,posters,ephemeral').split(','));

requireBuild();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * Sends each item of `schedule` ({ at: ms from start, send }) at its time, without waiting for
 * answers; resolves with the seconds until every send was answered.
 */
async function drive(schedule) {
  const started = performance.now();
  const pending = [];
  for (const item of schedule) {
    const wait = started + item.at - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(item.send());
  }
  await Promise.all(pending);
  return (performance.now() - started) / 1000;
}

/** `count` posts at `rate` a second, the nth by `writers[n % writers.length]` into `rooms[n % rooms.length]`. */
function evenly(count, rate, writers, rooms) {
  return Array.from({ length: count }, (_, n) => ({
    at: (n * 1000) / rate,
    writer: writers[n % writers.length],
    room: rooms[n % rooms.length],
  }));
}

/** Each writer on its own clock (a random phase), `rate` a second between them, for `seconds`. */
function eachOnTheirOwnClock(writers, rate, seconds, room) {
  const period = (1000 * writers.length) / rate;
  const schedule = [];
  for (const writer of writers) {
    const phase = Math.random() * period;
    for (let at = phase; at < seconds * 1000; at += period) schedule.push({ at, writer, room });
  }
  return schedule.sort((a, b) => a.at - b.at);
}

/** Latency of each delivery of what `track` sends, as listeners hear it. */
class Deliveries {
  sentAt = new Map();
  latencies = [];
  expected = 0;

  heard(key) {
    const sent = this.sentAt.get(key);
    if (sent !== undefined) this.latencies.push(performance.now() - sent);
  }

  summary(seconds, posts) {
    const sorted = Float64Array.from(this.latencies).sort();
    return {
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      delivered: this.latencies.length,
      expected: this.expected,
      perSecond: posts / seconds,
    };
  }
}

/**
 * Posts `schedule` through `target`, each post heard by `audienceOf(room)` listeners; with a
 * warm-up of the same traffic first. Returns latency, throughput and CPU per post.
 */
async function posting(target, schedule, listenersPerRoom, { warmup = true } = {}) {
  const deliveries = new Deliveries();
  target.onPost = (key) => deliveries.heard(key);
  let sequence = 0;
  const run = (items, measured) =>
    drive(
      items.map(({ at, writer, room }) => ({
        at,
        send: () => {
          const key = `${measured ? 'm' : 'w'}-${sequence++}-${Date.now()}`;
          if (measured) {
            deliveries.sentAt.set(key, performance.now());
            deliveries.expected += listenersPerRoom;
          }
          return target.post(writer, room, key, sequence);
        },
      })),
    );
  if (warmup) {
    const warm = schedule.filter((item) => item.at < WARMUP_SECONDS * 1000);
    await run(warm, false);
    await sleep(500);
  }
  const before = target.cpu();
  const seconds = await run(schedule, true);
  await sleep(1000);
  const cpu = cpuPerOperation(before, target.cpu(), schedule.length, target.database);
  return { ...deliveries.summary(seconds, schedule.length), cpu };
}

const ms = (value) => `${value.toFixed(1).padStart(7)} ms`;
function row(name, r) {
  return `  ${name.padEnd(9)} p50 ${ms(r.p50)}   p99 ${ms(r.p99)}   delivered ${r.delivered}/${r.expected}   ${r.perSecond.toFixed(0)}/s   ${r.cpu ?? ''}`;
}
function compare(title, bare, cutroom) {
  console.log(`\n${title}   (load average ${load()})`);
  console.log(row('bare', bare));
  console.log(row('cutroom', cutroom));
  console.log(
    `  ratio cutroom/bare: p50 ${(cutroom.p50 / bare.p50).toFixed(2)}x   p99 ${(cutroom.p99 / bare.p99).toFixed(2)}x`,
  );
}

async function oneRoom(targets) {
  const results = [];
  for (const target of targets) {
    const [room] = await target.rooms(1);
    const listeners = await target.listeners(room, CLIENTS);
    const writers = await target.connect(WRITERS);
    results.push(await posting(target, evenly(RATE * SECONDS, RATE, writers, [room]), CLIENTS));
    target.disconnect([...listeners, ...writers]);
  }
  compare(`one room: ${CLIENTS} clients, ${RATE} comments/s for ${SECONDS} s`, ...results);
  return results;
}

/** The highest rate into one room (a step at a time) whose p99 stays within 100 ms, every delivery made. */
async function capacity(targets) {
  const state = [];
  for (const target of targets) {
    const [room] = await target.rooms(1);
    const listeners = await target.listeners(room, CLIENTS);
    const writers = await target.connect(WRITERS);
    state.push({ target, room, listeners, writers, held: 0, steps: [], done: false });
  }
  console.log(
    `\ncapacity: ${CLIENTS} clients in one room, the rate rising by ${CAPACITY_STEP}/s every ${CAPACITY_SECONDS} s until p99 passes ${CAPACITY_P99_MS} ms   (load average ${load()})`,
  );
  for (let rate = CAPACITY_STEP; rate <= CAPACITY_MAX && state.some((s) => !s.done); rate += CAPACITY_STEP) {
    for (const s of state) {
      if (s.done) continue;
      const schedule = evenly(Math.round(rate * CAPACITY_SECONDS), rate, s.writers, [s.room]);
      const r = await posting(s.target, schedule, CLIENTS, { warmup: rate === CAPACITY_STEP });
      const holds = r.p99 <= CAPACITY_P99_MS && r.delivered === r.expected && r.perSecond >= rate * 0.95;
      s.steps.push(`${rate}/s: p99 ${r.p99.toFixed(0)} ms${holds ? '' : ' ✗'}`);
      if (holds) s.held = rate;
      else s.done = true;
    }
  }
  for (const s of state) {
    console.log(
      `  ${s.target.name.padEnd(9)} ${String(s.held).padStart(5)} posts/s   (${s.steps.join(', ')})`,
    );
    s.target.disconnect([...s.listeners, ...s.writers]);
  }
  console.log(`  ratio cutroom/bare: ${(state[1].held / Math.max(1, state[0].held)).toFixed(2)}x`);
  return state.map((s) => s.held);
}

async function manyRooms(targets) {
  const results = [];
  for (const target of targets) {
    const rooms = await target.rooms(ROOMS);
    const listeners = [];
    for (const room of rooms) listeners.push(...(await target.listeners(room, ROOM_CLIENTS)));
    const writers = await target.connect(WRITERS);
    results.push(await posting(target, evenly(RATE * SECONDS, RATE, writers, rooms), ROOM_CLIENTS));
    target.disconnect([...listeners, ...writers]);
  }
  compare(
    `many rooms: ${ROOMS} rooms × ${ROOM_CLIENTS} clients, ${RATE} comments/s over all of them for ${SECONDS} s`,
    ...results,
  );
  return results;
}

async function concurrentPosters(targets) {
  const results = [];
  for (const target of targets) {
    const [room] = await target.rooms(1);
    const listeners = await target.listeners(room, POSTERS);
    // The posters are in the room too; the latency is the listeners'.
    const posters = await target.listeners(room, POSTERS, { counted: false });
    const schedule = eachOnTheirOwnClock(posters, POSTERS_RATE, SECONDS, room);
    results.push(await posting(target, schedule, POSTERS));
    target.disconnect([...listeners, ...posters]);
  }
  compare(
    `concurrent posters: ${POSTERS} people each posting on their own clock, ${POSTERS_RATE} posts/s between them, ${POSTERS} more listening, ${SECONDS} s`,
    ...results,
  );
  return results;
}

/** Strokes from the drawers and everyone's playhead, relayed to the rest of the room. */
async function ephemeral(targets) {
  const results = [];
  for (const target of targets) {
    const [room] = await target.rooms(1);
    const sockets = await target.listeners(room, CLIENTS, { counted: false });
    const strokes = new Deliveries();
    const presence = new Deliveries();
    target.onSignal = (kind, key) => (kind === 'stroke' ? strokes : presence).heard(key);
    const schedule = [];
    const drawPeriod = 1000 / DRAW_RATE;
    sockets.slice(0, DRAWERS).forEach((socket, d) => {
      const phase = Math.random() * drawPeriod;
      let frame = 0;
      for (let at = phase; at < (WARMUP_SECONDS + SECONDS) * 1000; at += drawPeriod) {
        const measured = at >= WARMUP_SECONDS * 1000;
        schedule.push({ at, kind: 'stroke', socket, frame: frame++, measured, drawer: d });
      }
    });
    sockets.forEach((socket) => {
      const phase = Math.random() * PRESENCE_EVERY_SECONDS * 1000;
      let frame = 0;
      for (let at = phase; at < (WARMUP_SECONDS + SECONDS) * 1000; at += PRESENCE_EVERY_SECONDS * 1000)
        schedule.push({
          at,
          kind: 'presence',
          socket,
          frame: frame++,
          measured: at >= WARMUP_SECONDS * 1000,
        });
    });
    schedule.sort((a, b) => a.at - b.at);
    let before;
    let signals = 0;
    const seconds = await drive(
      schedule.map((item) => ({
        at: item.at,
        send: () => {
          if (item.measured && before === undefined) before = target.cpu();
          const deliveries = item.kind === 'stroke' ? strokes : presence;
          if (item.measured) {
            deliveries.sentAt.set(`${item.socket.id}:${item.frame}`, performance.now());
            deliveries.expected += sockets.length - 1;
            signals++;
          }
          if (item.kind === 'stroke') target.stroke(item.socket, room, item.frame);
          else target.presence(item.socket, room, item.frame);
        },
      })),
    );
    await sleep(1000);
    const cpu = cpuPerOperation(before, target.cpu(), signals, target.database, 'signal');
    results.push({
      strokes: strokes.summary(seconds - WARMUP_SECONDS, DRAWERS * DRAW_RATE * SECONDS),
      presence: presence.summary(seconds - WARMUP_SECONDS, (CLIENTS / PRESENCE_EVERY_SECONDS) * SECONDS),
      cpu,
    });
    target.onSignal = undefined;
    target.disconnect(sockets);
  }
  const [bare, cutroom] = results;
  compare(
    `ephemeral: ${DRAWERS} of ${CLIENTS} people drawing at ${DRAW_RATE} strokes/s each, every playhead every ${PRESENCE_EVERY_SECONDS} s, ${SECONDS} s — strokes`,
    { ...bare.strokes, cpu: bare.cpu },
    { ...cutroom.strokes, cpu: cutroom.cpu },
  );
  console.log('  presence:');
  console.log(row('bare', bare.presence));
  console.log(row('cutroom', cutroom.presence));
  return results;
}

const bare = new BareRelay();
const cutroom = new Cutroom();
console.log(`realtime bench, load average ${load()} (${os.cpus().length} cores)`);
await bare.start();
await cutroom.start();
cutroom.besides = [bare.child.pid];
const targets = [bare, cutroom];
const verdicts = [];
try {
  if (PARTS.has('one-room')) {
    const [, c] = await oneRoom(targets);
    verdicts.push(
      `${RATE} comments/s into ${CLIENTS} clients: p99 ${c.p99.toFixed(1)} ms <= 50 ms -> ${c.p99 <= 50 && c.delivered === c.expected ? 'met' : 'NOT met'}`,
    );
    console.log(
      `  comments stored ${await cutroom.storedComments()}; lost deliveries ${c.expected - c.delivered}`,
    );
  }
  if (PARTS.has('capacity')) {
    const [, held] = await capacity(targets);
    verdicts.push(`one-room capacity ${held} posts/s >= 400 -> ${held >= 400 ? 'met' : 'NOT met'}`);
  }
  if (PARTS.has('rooms')) await manyRooms(targets);
  if (PARTS.has('posters')) {
    const [, c] = await concurrentPosters(targets);
    const met = c.perSecond >= POSTERS_RATE * 0.95 && c.p99 <= 100 && c.delivered === c.expected;
    verdicts.push(
      `${POSTERS} concurrent posters: ${c.perSecond.toFixed(0)} posts/s at p99 ${c.p99.toFixed(1)} ms (>= 300/s, p99 <= 100 ms) -> ${met ? 'met' : 'NOT met'}`,
    );
  }
  if (PARTS.has('ephemeral')) await ephemeral(targets);
} finally {
  await cutroom.stop();
  bare.stop();
}
console.log(`\ntargets (load average ${load()}):`);
for (const verdict of verdicts) console.log(`  ${verdict}`);
process.exit(0);
