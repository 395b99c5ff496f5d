// npm run bench:session — a live review session under load, in two parts.
// 1. One host and BENCH_SESSION_FOLLOWERS (100) follower sockets on one cut; the host sends frame
//    steps at BENCH_SESSION_RATE a second through the real path (validation, access check, state
//    row update under lock, broadcast): host command → follower receipt p50/p99 over every
//    delivery, against a bare socket.io relay doing the same in the same run.
// 2. In Chromium, a host plays a frame-coded clip and a follower follows it; for
//    BENCH_SESSION_SAMPLE_SECONDS (20) both players' frames are sampled together: the p95 of how
//    many frames the follower is off the host.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { io } from 'socket.io-client';
import { api, benchDatabase, percentile, requireBuild, root, startApi, tusUpload } from './harness.mjs';

const FOLLOWERS = Number(process.env.BENCH_SESSION_FOLLOWERS ?? 100);
const RATE = Number(process.env.BENCH_SESSION_RATE ?? 20); // host commands per second
const COMMANDS = Number(process.env.BENCH_SESSION_COMMANDS ?? 400);
const SAMPLE_SECONDS = Number(process.env.BENCH_SESSION_SAMPLE_SECONDS ?? 20);
const CLIP_FPS = 25;
// Enough picture to play through the sampling and the start-up before it.
const CLIP_FRAMES = (SAMPLE_SECONDS + 15) * CLIP_FPS;

requireBuild();
const media = await import(path.join(root, 'libs/media/dist/index.js'));
const { CHROMIUM_ARGS, installedChromium, NO_BROWSER_MESSAGE } = createRequire(import.meta.url)(
  '../chromium.cjs',
);

async function connect(url, auth) {
  const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth, reconnection: false });
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

async function connectAll(url, auth, count) {
  const sockets = [];
  for (let i = 0; i < count; i += 20)
    sockets.push(
      ...(await Promise.all(Array.from({ length: Math.min(20, count - i) }, () => connect(url, auth)))),
    );
  return sockets;
}

/** Sends COMMANDS messages at RATE a second through `send`, each after the one before was answered. */
async function paced(send) {
  const started = performance.now();
  for (let n = 0; n < COMMANDS; n++) {
    const wait = started + (n * 1000) / RATE - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    await send(n, performance.now());
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

function summarise(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    delivered: latencies.length,
    expected: COMMANDS * FOLLOWERS,
  };
}

let registered = 0;
async function register(baseUrl, name) {
  const password = 'benchmark password';
  registered += 1;
  const email = `${name.toLowerCase()}-${Date.now()}-${registered}@example.com`;
  const session = await api(baseUrl, null, 'POST', '/api/auth/register', {
    email,
    password,
    displayName: name,
  });
  return { ...session, email, password };
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
    const followers = await connectAll(url, {}, FOLLOWERS);
    const latencies = [];
    for (const socket of followers) {
      await socket.emitWithAck('join', 'room');
      socket.on('posted', (message) => latencies.push(performance.now() - message.sentAt));
    }
    const host = await connect(url, {});
    await paced((n, now) => host.emitWithAck('post', { room: 'room', frame: n, sentAt: now }));
    for (const socket of [...followers, host]) socket.disconnect();
    return summarise(latencies);
  } finally {
    child.kill('SIGTERM');
  }
}

async function benchCommands(server, cut) {
  const { assetId, versionId, frameCount, hostAccount, followerAccount } = cut;
  const transport = (frame) => ({
    versionId,
    frame,
    playing: false,
    rate: 1,
    loopIn: null,
    loopOut: null,
  });
  const hostSocket = await connect(server.baseUrl, { token: hostAccount.token });
  await hostSocket.emitWithAck('asset:join', { assetId });
  const started = await hostSocket.emitWithAck('live:start', {
    assetId,
    transport: transport(frameCount - 1),
  });
  if (!started.ok) throw new Error(JSON.stringify(started.error));

  const followers = await connectAll(server.baseUrl, { token: followerAccount.token }, FOLLOWERS);
  const sentAt = new Map();
  const latencies = [];
  for (const socket of followers) {
    await socket.emitWithAck('asset:join', { assetId });
    const joined = await socket.emitWithAck('live:join', { assetId });
    if (!joined.ok) throw new Error(JSON.stringify(joined.error));
    socket.on('live:state', (state) => {
      const sent = sentAt.get(state.transport.frame);
      if (sent !== undefined) latencies.push(performance.now() - sent);
    });
  }
  await paced(async (n, now) => {
    // A frame step each time; a frame comes round again only long after its state was delivered.
    sentAt.set(n % (frameCount - 1), now);
    const ack = await hostSocket.emitWithAck('live:drive', {
      assetId,
      transport: transport(n % (frameCount - 1)),
    });
    if (!ack.ok) throw new Error(JSON.stringify(ack.error));
  });
  // Everyone leaves, so the browsers below start a session of their own; those states are not timed.
  sentAt.clear();
  await followers[0].emitWithAck('live:leave', { assetId });
  await hostSocket.emitWithAck('live:leave', { assetId });
  for (const socket of [...followers, hostSocket]) socket.disconnect();
  return summarise(latencies);
}

/** A browser window signed in as someone registered through the api (its own cookie). */
async function browserOf(browser, baseUrl, someone) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 720 } });
  const response = await context.request.post('/api/auth/login', {
    data: { email: someone.email, password: someone.password },
  });
  if (!response.ok()) throw new Error(`sign in: ${response.status()}`);
  return { context, page: await context.newPage() };
}

async function waitForReady(baseUrl, token, assetId) {
  for (let i = 0; i < 1200; i++) {
    const { versions } = await api(baseUrl, token, 'GET', `/api/assets/${assetId}/versions`);
    if (versions[0]?.status === 'ready') return versions[0];
    if (versions[0]?.status === 'failed') throw new Error(`the clip failed: ${versions[0].failureReason}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the clip was not ready in 10 minutes');
}

/** A frame-coded clip uploaded by a host, with a reviewer on the project, processed and ready. */
async function prepareCut(server, scratch) {
  const clip = path.join(scratch, 'coded-session.mov');
  await media.generateFrameCodedClip({
    path: clip,
    fpsNum: CLIP_FPS,
    fpsDen: 1,
    frames: CLIP_FRAMES,
    width: 320,
    height: 180,
  });
  const hostAccount = await register(server.baseUrl, 'Host');
  const followerAccount = await register(server.baseUrl, 'Follower');
  const project = await api(server.baseUrl, hostAccount.token, 'POST', '/api/projects', { name: 'Session' });
  await api(server.baseUrl, hostAccount.token, 'POST', `/api/projects/${project.id}/members`, {
    email: followerAccount.email,
    role: 'reviewer',
  });
  await tusUpload(server.baseUrl, hostAccount.token, readFileSync(clip), {
    filename: 'coded-session.mov',
    projectId: project.id,
    assetName: 'Session',
  });
  const { assets } = await api(
    server.baseUrl,
    hostAccount.token,
    'GET',
    `/api/projects/${project.id}/assets`,
  );
  const version = await waitForReady(server.baseUrl, hostAccount.token, assets[0].id);
  return {
    assetId: assets[0].id,
    versionId: version.id,
    frameCount: version.media.frameCount,
    hostAccount,
    followerAccount,
  };
}

async function benchDrift(server, cut) {
  const { assetId, hostAccount, followerAccount } = cut;
  const executablePath = installedChromium();
  if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
  const browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'],
  });
  try {
    const host = await browserOf(browser, server.baseUrl, hostAccount);
    const follower = await browserOf(browser, server.baseUrl, followerAccount);
    for (const { page } of [host, follower]) {
      await page.goto(`/assets/${assetId}?version=1`);
      // Ready when the picture of the first frame is up (the player then says which frame it shows).
      await page.locator('[data-testid="player"][data-frame="0"]').waitFor();
      await page.locator('.player-message').waitFor({ state: 'detached' });
    }
    const bar = (page) => page.getByRole('region', { name: 'Live session' });
    await bar(host.page).getByRole('button', { name: 'Start live session' }).click();
    await bar(host.page).getByText('You are driving').waitFor();
    await bar(follower.page).getByRole('button', { name: 'Join' }).click();
    await bar(follower.page).getByText('Following').waitFor();
    await host.page.keyboard.press('k');
    // Let the follower start and settle before sampling.
    await host.page.waitForTimeout(3000);
    // Read in the page, with the browser's clock (one clock for both pages: one browser).
    const frameNow = (page) =>
      page.getByTestId('player').evaluate((player) => ({
        at: performance.timeOrigin + performance.now(),
        frame: Number(player.getAttribute('data-frame')),
        seconds: player.querySelector('video')?.currentTime ?? Number.NaN,
      }));
    const drift = [];
    const clockDrift = [];
    const until = Date.now() + SAMPLE_SECONDS * 1000;
    while (Date.now() < until) {
      const [h, f] = await Promise.all([frameNow(host.page), frameNow(follower.page)]);
      // The host's frame carried to the moment the follower's was read.
      const carried = ((f.at - h.at) / 1000) * CLIP_FPS;
      drift.push(f.frame - (h.frame + carried));
      clockDrift.push((f.seconds - h.seconds) * CLIP_FPS - carried);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const summary = (values) => {
      const sorted = Float64Array.from(values, Math.abs).sort();
      return {
        samples: values.length,
        // Positive: the follower is ahead of the host; negative: behind.
        mean: values.reduce((sum, d) => sum + d, 0) / values.length,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        max: sorted.at(-1),
      };
    };
    return { ...summary(drift), clock: summary(clockDrift) };
  } finally {
    await browser.close();
  }
}

const step = (what) => process.stderr.write(`bench:session: ${what}\n`);
step('bare socket.io relay');
const bare = await benchBareRelay();
const db = await benchDatabase();
const scratch = path.join(db.scratch, 'bench-session');
mkdirSync(scratch, { recursive: true });
const server = await startApi({ DATABASE_URL: db.url, DATA_DIR: db.scratch, MEDIA_WORKER: 'true' });
let cutroom;
let drift;
try {
  step('a frame-coded clip through the pipeline');
  const cut = await prepareCut(server, scratch);
  step('host commands to followers');
  cutroom = await benchCommands(server, cut);
  step('a playing follower in Chromium');
  drift = await benchDrift(server, cut);
} finally {
  await server.stop();
  await db.close();
}
const row = (name, r) =>
  `${name.padEnd(30)} p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   delivered ${r.delivered}/${r.expected}`;
console.log(`\nsession: one host, ${FOLLOWERS} followers, ${COMMANDS} host commands at ${RATE}/s`);
console.log(row('bare socket.io relay', bare));
console.log(row('cutroom (validate+db+relay)', cutroom));
console.log(
  `ratio cutroom/bare: p50 ${(cutroom.p50 / bare.p50).toFixed(2)}x   p99 ${(cutroom.p99 / bare.p99).toFixed(2)}x`,
);
console.log(
  `\nChromium, a playing follower against its host (${CLIP_FPS} fps, ${SAMPLE_SECONDS} s, ${drift.samples} samples): ` +
    `drift p50 ${drift.p50.toFixed(2)}   p95 ${drift.p95.toFixed(2)}   max ${drift.max.toFixed(2)} frames ` +
    `(on average ${Math.abs(drift.mean).toFixed(2)} ${drift.mean >= 0 ? 'ahead' : 'behind'})`,
);
console.log(
  `  the same by the players' clocks (video.currentTime, between pictures): p50 ${drift.clock.p50.toFixed(2)}   ` +
    `p95 ${drift.clock.p95.toFixed(2)}   (on average ${Math.abs(drift.clock.mean).toFixed(2)} ` +
    `${drift.clock.mean >= 0 ? 'ahead' : 'behind'})`,
);
console.log(`target: p95 drift <= 1 frame -> ${drift.p95 <= 1 ? 'met' : 'NOT met'}`);
process.exit(0);
