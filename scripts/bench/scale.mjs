/* global document, requestAnimationFrame -- read inside the page, in Chromium */
// A long cut with many notes: a 2-hour frame-coded version (small: 640x360, ultrafast) with 2,000
// notes, 200 of them with drawings. Measures processing (with the api's and ffmpeg's peak memory),
// the notes API whole and in pages, and the review page in Chromium — navigation → first frame,
// seek → frame, the notes list's render and scroll — with 10 notes (the baseline) and with 2,000,
// in the same run; and the JavaScript the review page loads, gzipped, against its 300 KB budget.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { api, benchDatabase, requireBuild, root, startApi } from './harness.mjs';

const MINUTES = Number(process.env.BENCH_SCALE_MINUTES ?? 120);
const NOTES = Number(process.env.BENCH_SCALE_NOTES ?? 2000);
const DRAWINGS = Math.round(NOTES / 10);
const BASELINE_NOTES = 10;
const FPS = 25;
const FRAMES = MINUTES * 60 * FPS;
// The frame code holds 16 bits; a 16,384-frame clip looped shows frame N as N mod 16,384.
const CODE_PERIOD = 16384;
const JS_BUDGET_BYTES = 300 * 1024;

requireBuild();
const media = await import(path.join(root, 'libs/media/dist/index.js'));
const { CHROMIUM_ARGS, installedChromium, NO_BROWSER_MESSAGE } = createRequire(import.meta.url)(
  '../chromium.cjs',
);

const ms = (value) => `${Math.round(value).toLocaleString('en')} ms`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** A small deterministic generator: the same notes every run. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

/** The source: a 16,384-frame frame-coded clip with sound, looped without re-encoding to the length. */
async function makeSource(work) {
  const unit = path.join(work, 'unit.mp4');
  const unitFrames = Math.min(FRAMES, CODE_PERIOD);
  const seconds = unitFrames / FPS;
  // The code is drawn on a 32x18 canvas and scaled up with hard edges: geq is slow per pixel.
  await media.runProcess(
    'ffmpeg',
    [
      ...['-hide_banner', '-nostdin', '-y', '-v', 'error', '-filter_complex'],
      `color=c=0x808080:s=32x18:r=${FPS},trim=end_frame=${unitFrames},format=yuv420p,` +
        `${media.frameCodeFilter(32, 18)},scale=640:360:flags=neighbor[v];` +
        `sine=frequency=440:sample_rate=48000,atrim=end=${seconds},aformat=channel_layouts=stereo[a]`,
      ...['-map', '[v]', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '30', '-g', String(FPS * 10)],
      ...['-map', '[a]', '-c:a', 'aac', '-b:a', '48k', unit],
    ],
    { timeoutMs: 1_800_000 },
  );
  const source = path.join(work, 'source.mp4');
  const loops = Math.ceil(FRAMES / unitFrames) - 1;
  await media.runProcess(
    'ffmpeg',
    [
      ...['-hide_banner', '-nostdin', '-y', '-v', 'error', '-stream_loop', String(loops), '-i', unit],
      ...['-frames:v', String(FRAMES), '-t', String(FRAMES / FPS), '-c', 'copy', source],
    ],
    { timeoutMs: 600_000 },
  );
  return source;
}

/** Uploads through tus in 32 MiB PATCHes, as the web does with large files. */
async function tusUploadInChunks(baseUrl, token, bytes, metadata) {
  const encoded = Object.entries(metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');
  const headers = { authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0' };
  const created = await fetch(`${baseUrl}/api/uploads`, {
    method: 'POST',
    headers: { ...headers, 'Upload-Length': String(bytes.length), 'Upload-Metadata': encoded },
  });
  if (created.status !== 201) throw new Error(`tus create: ${created.status} ${await created.text()}`);
  const url = new URL(created.headers.get('location'), baseUrl).toString();
  const chunk = 32 * 1024 * 1024;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    const patched = await fetch(url, {
      method: 'PATCH',
      headers: {
        ...headers,
        'Upload-Offset': String(offset),
        'Content-Type': 'application/offset+octet-stream',
      },
      body: bytes.subarray(offset, offset + chunk),
    });
    if (patched.status !== 204) throw new Error(`tus patch: ${patched.status} ${await patched.text()}`);
  }
}

/** Peak resident memory of the api (the kernel's high-water mark) and of any ffmpeg it runs. */
function watchMemory(apiPid) {
  let ffmpegPeak = 0;
  const kb = (status, field) => Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? 0) * 1024;
  const timer = setInterval(() => {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        if (!/^Name:\s+ffmpeg/m.test(status)) continue;
        if (Number(status.match(/PPid:\s+(\d+)/)?.[1]) !== apiPid) continue;
        ffmpegPeak = Math.max(ffmpegPeak, kb(status, 'VmHWM'), kb(status, 'VmRSS'));
      } catch {
        // The process ended while being read.
      }
    }
  }, 200);
  return {
    api: () => kb(readFileSync(`/proc/${apiPid}/status`, 'utf8'), 'VmHWM'),
    ffmpeg: () => ffmpegPeak,
    stop: () => clearInterval(timer),
  };
}

function findFile(dir, name) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findFile(full, name);
      if (found) return found;
    } else if (entry.name === name) return full;
  }
  return null;
}

/** Posts notes at spread frames, `drawn` of them with an arrow, eight at a time. */
async function postNotes(baseUrl, token, versionId, count, drawn, seed) {
  const next = random(seed);
  let posted = 0;
  const one = async (index) => {
    const frame = Math.floor(next() * FRAMES);
    const x = 0.1 + next() * 0.8;
    const y = 0.1 + next() * 0.8;
    await api(baseUrl, token, 'POST', `/api/versions/${versionId}/comments`, {
      body: `Note ${index + 1}: ${['trim the tail', 'colour is warm', 'music dips', 'hold longer'][index % 4]}`,
      frame,
      ...(index % 7 === 0 ? { frameEnd: Math.min(FRAMES - 1, frame + 48) } : {}),
      ...(index < drawn
        ? {
            annotation: {
              version: 1,
              shapes: [
                {
                  id: 's1',
                  kind: 'arrow',
                  colour: '#ff3b30',
                  strokeWidth: 0.004,
                  from: [x, y],
                  to: [0.5, 0.5],
                },
              ],
            },
          }
        : {}),
    });
  };
  const workers = Array.from({ length: 8 }, async () => {
    while (posted < count) await one(posted++);
  });
  await Promise.all(workers);
}

/** The review page in a fresh window: its timings and the JavaScript it loaded. */
async function measurePage(browser, baseUrl, account, assetId, expectedNotes) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 } });
  try {
    const login = await context.request.post('/api/auth/login', {
      data: { email: account.email, password: account.password },
    });
    if (!login.ok()) throw new Error(`sign in: ${login.status()}`);
    const page = await context.newPage();
    const scripts = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response);
    });
    const started = performance.now();
    await page.goto(`/assets/${assetId}`);
    const firstNote = page.locator('[data-testid="comment"]').first().waitFor();
    await page.locator('[data-testid="player"][data-frame="0"]').waitFor({ timeout: 120_000 });
    await page.locator('.player-message').waitFor({ state: 'detached' });
    await expectPicture(page, 0);
    const firstFrame = performance.now() - started;
    await firstNote;
    await page.waitForFunction(
      (count) => document.querySelector('#comments-heading')?.textContent?.includes(`(${count})`),
      expectedNotes,
      { timeout: 120_000 },
    );
    const listShown = performance.now() - started;
    const rendered = await page.locator('[data-testid="comment"]').count();

    // Seeks: clicks on the timeline, each until the picture of the frame it chose is on screen.
    const seeks = [];
    for (const fraction of [0.13, 0.71, 0.42, 0.96, 0.27]) {
      const box = await page.getByTestId('timeline-track').boundingBox();
      const before = await page.getByTestId('player').getAttribute('data-frame');
      const clicked = performance.now();
      await page.mouse.click(box.x + fraction * box.width, box.y + box.height / 2);
      await page.waitForFunction(
        (previous) => {
          const player = document.querySelector('[data-testid="player"]');
          return player?.dataset.frame !== previous && player?.dataset.playing === 'false';
        },
        before,
        { timeout: 60_000 },
      );
      const frame = Number(await page.getByTestId('player').getAttribute('data-frame'));
      await expectPicture(page, frame);
      seeks.push(performance.now() - clicked);
    }

    // Scrolls the notes column from top to bottom a screenful at a time, timing each step to its
    // second animation frame (the step drawn); then checks the last note is on screen.
    const scroll = await page.evaluate(async () => {
      const column = document.querySelector('.review-side');
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const steps = [];
      column.scrollTop = 0;
      await frame();
      while (column.scrollTop + column.clientHeight < column.scrollHeight - 1 && steps.length < 2000) {
        const at = performance.now();
        column.scrollTop += column.clientHeight;
        await frame();
        await frame();
        steps.push(performance.now() - at);
      }
      const items = document.querySelectorAll('[data-testid="comment"]');
      return {
        steps,
        rendered: items.length,
        last: items[items.length - 1]?.textContent ?? '',
      };
    });

    const bodies = await Promise.all(scripts.map((response) => response.body().catch(() => Buffer.alloc(0))));
    const js = scripts.map((response, index) => ({
      url: new URL(response.url()).pathname,
      bytes: bodies[index].length,
      gzipped: gzipSync(bodies[index], { level: 9 }).length,
    }));
    return {
      firstFrame,
      listShown,
      rendered,
      seek: median(seeks),
      seekMax: Math.max(...seeks),
      scrollSteps: scroll.steps.length,
      scrollMedian: median(scroll.steps),
      scrollMax: Math.max(...scroll.steps),
      renderedAfterScroll: scroll.rendered,
      js,
    };
  } finally {
    await context.close();
  }
}

/** Waits until the picture on screen shows `frame`'s code. */
async function expectPicture(page, frame) {
  const width = 64;
  const height = 36;
  for (let attempt = 0; attempt < 300; attempt++) {
    const rgba = await page.evaluate(
      ({ width, height }) => {
        const video = document.querySelector('[data-testid="player"] video');
        if (!video || video.readyState < 2) return null;
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext('2d', { willReadFrequently: true });
        context.drawImage(video, 0, 0, width, height);
        return Array.from(context.getImageData(0, 0, width, height).data);
      },
      { width, height },
    );
    if (
      rgba &&
      media.decodeFrameCode(media.rgbaToGray(rgba, width, height), width, height) === frame % CODE_PERIOD
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the picture of frame ${frame} never showed`);
}

const db = await benchDatabase();
const work = path.join(db.scratch, 'bench-scale');
execFileSync('mkdir', ['-p', work]);
try {
  const generating = performance.now();
  const source = await makeSource(work);
  const sourceBytes = statSync(source).size;
  console.log(
    `\nscale: ${MINUTES} min 640x360 ${FPS} fps frame-coded source with sound (${FRAMES.toLocaleString('en')} frames, ${mb(sourceBytes)}, made in ${((performance.now() - generating) / 1000).toFixed(0)} s)`,
  );

  const dataDir = path.join(work, 'data');
  const server = await startApi({ DATABASE_URL: db.url, DATA_DIR: dataDir, MEDIA_PRESET: 'ultrafast' });
  const memory = watchMemory(server.pid);
  try {
    const account = { email: `scale-${Date.now()}@example.com`, password: 'benchmark password' };
    const session = await api(server.baseUrl, null, 'POST', '/api/auth/register', {
      ...account,
      displayName: 'Scale Bench',
    });
    const token = session.token;
    const project = await api(server.baseUrl, token, 'POST', '/api/projects', { name: 'Scale' });
    const bytes = readFileSync(source);
    await tusUploadInChunks(server.baseUrl, token, bytes, {
      filename: 'two-hours.mp4',
      projectId: project.id,
      assetName: 'Two hours',
    });
    const processing = performance.now();
    const [{ id: versionId, asset_id: assetId }] = await db.query(
      'SELECT id, asset_id FROM versions ORDER BY created_at DESC LIMIT 1',
    );
    let version;
    let playableAt = null;
    for (;;) {
      version = await api(server.baseUrl, token, 'GET', `/api/versions/${versionId}`);
      if (version.playable && playableAt === null) playableAt = performance.now();
      if (version.status === 'ready' || version.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (version.status !== 'ready') throw new Error(`the version failed: ${version.failureReason}`);
    const processedSeconds = (performance.now() - processing) / 1000;
    memory.stop();
    const signatures = findFile(dataDir, media.SIGNATURES_FILE);
    if (!version.urls.storyboard || !version.urls.waveform || !signatures)
      throw new Error('processing left out the storyboard, the waveform or the frame signatures');
    const storyboard = await fetch(`${server.baseUrl}${version.urls.storyboard}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!storyboard.ok) throw new Error(`storyboard: ${storyboard.status}`);
    console.log(
      `processing (upload complete → ready): ${processedSeconds.toFixed(0)} s, ${((MINUTES * 60) / processedSeconds).toFixed(1)}x realtime; first playable after ${((playableAt - processing) / 1000).toFixed(1)} s; ` +
        `${version.media.frameCount.toLocaleString('en')} frames, ladder ${version.renditions.map((r) => r.name).join('/')}, storyboard, waveform and frame signatures (${mb(statSync(signatures).size)}) present`,
    );
    console.log(
      `peak memory: api ${mb(memory.api())} (high-water mark, whole run so far), ffmpeg ${mb(memory.ffmpeg())}; source file ${mb(sourceBytes)}`,
    );

    const executablePath = installedChromium();
    if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      await postNotes(server.baseUrl, token, versionId, BASELINE_NOTES, 1, 1);
      const baseline = await measurePage(browser, server.baseUrl, account, assetId, BASELINE_NOTES);
      const seeding = performance.now();
      await postNotes(server.baseUrl, token, versionId, NOTES - BASELINE_NOTES, DRAWINGS - 1, 2);
      const seeded = (performance.now() - seeding) / 1000;
      console.log(
        `${NOTES.toLocaleString('en')} notes (${DRAWINGS} with drawings) posted in ${seeded.toFixed(1)} s`,
      );

      // The notes API: the whole list in one answer (older clients) and in the pages the web asks for.
      const listPath = `/api/versions/${versionId}/comments?status=all`;
      let started = performance.now();
      const whole = await api(server.baseUrl, token, 'GET', listPath);
      const wholeMs = performance.now() - started;
      started = performance.now();
      let pages = 0;
      let pagedCount = 0;
      let firstPageMs = 0;
      let cursor = null;
      do {
        const page = await api(
          server.baseUrl,
          token,
          'GET',
          `${listPath}&limit=250${cursor ? `&cursor=${cursor}` : ''}`,
        );
        if (pages === 0) firstPageMs = performance.now() - started;
        pages += 1;
        pagedCount += page.comments.length;
        cursor = page.nextCursor;
      } while (cursor);
      const pagedMs = performance.now() - started;
      if (pagedCount !== whole.comments.length)
        throw new Error(`pages held ${pagedCount} notes of ${whole.comments.length}`);
      console.log(
        `notes API: whole list ${ms(wholeMs)} (${whole.comments.length} notes, ${mb(JSON.stringify(whole).length * 1)} of JSON) | ${pages} pages of 250: first page ${ms(firstPageMs)}, all ${ms(pagedMs)}`,
      );

      const full = await measurePage(browser, server.baseUrl, account, assetId, NOTES);
      const row = (label, value, base) =>
        console.log(`  ${label.padEnd(40)} ${value.padStart(12)}   ${base.padStart(12)}`);
      console.log(
        `review page in Chromium (1440x900)     ${`${NOTES} notes`.padStart(12)}   ${`${BASELINE_NOTES} notes`.padStart(12)}`,
      );
      row('navigation → first frame shown', ms(full.firstFrame), ms(baseline.firstFrame));
      row('navigation → notes list shown', ms(full.listShown), ms(baseline.listShown));
      row('note items in the page', String(full.rendered), String(baseline.rendered));
      row('seek (timeline click) → frame shown, median', ms(full.seek), ms(baseline.seek));
      row('seek → frame shown, slowest of 5', ms(full.seekMax), ms(baseline.seekMax));
      row('notes scroll: screenfuls', String(full.scrollSteps), String(baseline.scrollSteps));
      row(
        'notes scroll: step drawn, median',
        ms(full.scrollMedian),
        baseline.scrollSteps ? ms(baseline.scrollMedian) : '-',
      );
      row(
        'notes scroll: step drawn, slowest',
        ms(full.scrollMax),
        baseline.scrollSteps ? ms(baseline.scrollMax) : '-',
      );
      row(
        'note items after scrolling to the end',
        String(full.renderedAfterScroll),
        String(baseline.renderedAfterScroll),
      );

      const total = full.js.reduce((sum, file) => sum + file.gzipped, 0);
      console.log(
        `JavaScript the review page loaded: ${(total / 1024).toFixed(1)} KB gzipped (${(full.js.reduce((sum, file) => sum + file.bytes, 0) / 1024).toFixed(0)} KB raw) in ${full.js.length} files; budget ${JS_BUDGET_BYTES / 1024} KB: ${total <= JS_BUDGET_BYTES ? 'within' : 'OVER'}`,
      );
      for (const file of [...full.js].sort((a, b) => b.gzipped - a.gzipped).slice(0, 6))
        console.log(`  ${(file.gzipped / 1024).toFixed(1).padStart(7)} KB  ${file.url}`);
    } finally {
      await browser.close();
    }
  } finally {
    memory.stop();
    await server.stop();
  }
} finally {
  await db.close();
}
process.exit(0);
