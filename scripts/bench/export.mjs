// npm run bench:export — 200 notes (a quarter of them drawn) on a generated 1080p25 version,
// exported as the PDF report and as the stills zip through the real api (frame-exact decodes,
// drawings burned in, the PDF typeset); in the same run, bare ffmpeg taking the same 200 frames
// as JPEGs with the same parallelism. Prints each wall time and the ratio (target: PDF < 30 s).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { api, benchDatabase, requireBuild, root, startApi, tusUpload } from './harness.mjs';

requireBuild();
const media = await import(path.join(root, 'libs/media/dist/index.js'));
const SECONDS = Number(process.env.BENCH_EXPORT_SECONDS ?? 60);
const NOTES = Number(process.env.BENCH_EXPORT_NOTES ?? 200);
const FPS = 25;
const FRAMES = SECONDS * FPS;
const PARALLEL = Math.max(1, Math.min(4, Math.floor(os.availableParallelism() / 2)));

const log = (message) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
const db = await benchDatabase();
const work = path.join(db.scratch, 'bench-export');
mkdirSync(work, { recursive: true });
try {
  const binaries = await media.resolveMediaBinaries({ searchPath: process.env.PATH });
  const source = path.join(work, 'source.mp4');
  await media.runProcess(
    binaries.ffmpegPath,
    [
      ...[
        '-v',
        'error',
        '-y',
        '-f',
        'lavfi',
        '-i',
        `testsrc2=size=1920x1080:rate=${FPS}:duration=${SECONDS}`,
      ],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', source],
    ],
    { timeoutMs: 600_000 },
  );
  const frames = Array.from({ length: NOTES }, (_, i) => Math.floor(((i + 0.5) * FRAMES) / NOTES));

  // The bare tool: one JPEG per noted frame, input-seeking like the export, same parallelism.
  const bare = async () => {
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < frames.length) {
        const frame = frames[next++];
        await media.runProcess(binaries.ffmpegPath, [
          ...['-v', 'error', '-y', '-ss', String((frame - 0.5) / FPS), '-i', source],
          ...[
            '-frames:v',
            '1',
            '-vf',
            'scale=640:360',
            '-q:v',
            '3',
            '-f',
            'image2pipe',
            '-c:v',
            'mjpeg',
            'pipe:1',
          ],
        ]);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    return (performance.now() - started) / 1000;
  };

  const server = await startApi({
    DATABASE_URL: db.url,
    DATA_DIR: path.join(work, 'data'),
    MEDIA_PRESET: 'ultrafast',
  });
  try {
    const session = await api(server.baseUrl, null, 'POST', '/api/auth/register', {
      email: `bench-${Date.now()}@example.com`,
      password: 'benchmark password',
      displayName: 'Bench',
    });
    const project = await api(server.baseUrl, session.token, 'POST', '/api/projects', { name: 'Bench' });
    await tusUpload(server.baseUrl, session.token, readFileSync(source), {
      filename: 'source.mp4',
      projectId: project.id,
      assetName: 'Export bench',
    });
    log('uploaded; waiting for processing');
    const [{ id }] = await db.query('SELECT id FROM versions ORDER BY created_at DESC LIMIT 1');
    for (;;) {
      const version = await api(server.baseUrl, session.token, 'GET', `/api/versions/${id}`);
      if (version.status === 'failed') throw new Error(`the version failed: ${version.failureReason}`);
      if (version.status === 'ready') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    log('ready; posting notes');
    for (const [index, frame] of frames.entries()) {
      const drawn = index % 4 === 0;
      await api(server.baseUrl, session.token, 'POST', `/api/versions/${id}/comments`, {
        body: `Note ${index + 1}: tighten this — ${'détail '.repeat(1 + (index % 5))}`,
        frame,
        ...(drawn && {
          annotation: {
            version: 1,
            shapes: [
              {
                id: 'r',
                kind: 'rectangle',
                colour: '#ff3b30',
                strokeWidth: 0.004,
                from: [0.2, 0.2],
                to: [0.6, 0.7],
              },
              {
                id: 'f',
                kind: 'freehand',
                colour: '#ffd60a',
                strokeWidth: 0.003,
                points: [0.1, 0.8, 0.3, 0.85, 0.5, 0.8, 0.7, 0.9],
              },
              {
                id: 't',
                kind: 'text',
                colour: '#ffffff',
                strokeWidth: 0.003,
                at: [0.62, 0.2],
                text: 'too bright',
                size: 0.05,
              },
            ],
          },
        }),
      });
    }
    const exportOnce = async (format) => {
      const started = performance.now();
      const response = await fetch(`${server.baseUrl}/api/versions/${id}/export/${format}`, {
        headers: { authorization: `Bearer ${session.token}` },
      });
      const bytes = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200) throw new Error(`${format} export failed: ${response.status}`);
      return { seconds: (performance.now() - started) / 1000, bytes };
    };
    log('notes posted; bare ffmpeg');
    const bareSeconds = await bare();
    log('exporting');
    const pdf = await exportOnce('pdf');
    const stills = await exportOnce('stills');
    const edl = await exportOnce('edl');
    console.log(
      `\nexport: ${NOTES} notes (${Math.ceil(NOTES / 4)} drawn) on a ${SECONDS} s 1080p25 version, ffmpeg ${binaries.ffmpegVersion.major}.${binaries.ffmpegVersion.minor}, ${PARALLEL} decodes at once`,
    );
    console.log(`bare ffmpeg, ${NOTES} frames as 640 px JPEG   ${bareSeconds.toFixed(1).padStart(6)} s`);
    console.log(
      `cutroom PDF report                      ${pdf.seconds.toFixed(1).padStart(6)} s   ${(pdf.bytes / 1e6).toFixed(1)} MB   ratio ${(pdf.seconds / bareSeconds).toFixed(2)}x bare (target < 30 s)`,
    );
    console.log(
      `cutroom stills zip (1080p PNG)          ${stills.seconds.toFixed(1).padStart(6)} s   ${(stills.bytes / 1e6).toFixed(1)} MB`,
    );
    console.log(`cutroom EDL markers                     ${edl.seconds.toFixed(2).padStart(6)} s`);
  } finally {
    await server.stop();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  await db.close();
}
process.exit(0);
