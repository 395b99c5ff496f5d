// npm run bench:media — a generated 60 s 1080p25 clip with sound through the real pipeline
// (upload → probe → HLS ladder, poster, storyboard and waveform from one decode → ready) and, in the same run, the
// bare ffmpeg command for the same ladder, with and without the frame-signature output the pipeline
// adds. Prints the wall times, the pipeline's ratio to the bare ladder, what the signatures cost, the
// time from upload complete to the first playable segment, the realtime factor, where the pipeline's
// time went stage by stage (as its worker recorded it on the job), and the machine's load average.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { api, benchDatabase, requireBuild, root, startApi, tusUpload } from './harness.mjs';

requireBuild();
const media = await import(path.join(root, 'libs/media/dist/index.js'));
const SECONDS = Number(process.env.BENCH_MEDIA_SECONDS ?? 60);
const PRESET = process.env.MEDIA_PRESET ?? 'veryfast';
const ROUNDS = Number(process.env.BENCH_MEDIA_ROUNDS ?? 5);

const db = await benchDatabase();
const work = path.join(db.scratch, 'bench-media');
mkdirSync(work, { recursive: true });
try {
  const binaries = await media.resolveMediaBinaries({ searchPath: process.env.PATH });
  const source = path.join(work, 'source.mp4');
  await media.runProcess(
    binaries.ffmpegPath,
    [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=1920x1080:rate=25:duration=${SECONDS}`,
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=440:sample_rate=48000:duration=${SECONDS}`,
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-shortest',
      source,
    ],
    { timeoutMs: 600_000 },
  );

  // The bare tool: the ffmpeg command the pipeline runs for this ladder, without what the pipeline
  // adds to it (frame signatures, poster, storyboard, waveform).
  const probed = await media.probeMedia(source, { ffprobePath: binaries.ffprobePath });
  const planInput = {
    input: source,
    probe: probed.probe,
    renditions: media.chooseLadder(probed.probe),
    ffmpegVersion: binaries.ffmpegVersion,
    encoder: { preset: PRESET },
  };
  /**
   * Runs a command through bash, whose `times` then says how much CPU (user + system) it used: a
   * figure a busy machine changes far less than the wall time.
   */
  const timedRun = (command, args) =>
    new Promise((resolve, reject) => {
      execFile(
        'bash',
        ['-c', '"$0" "$@" || exit $?; times', command, ...args],
        { maxBuffer: 16 * 1024 * 1024, timeout: 1_800_000 },
        (error, stdout) => {
          if (error) return reject(error);
          // The second line of `times`: the children's user and system time, as 1m2.345s.
          const children = stdout.trim().split('\n').at(-1) ?? '';
          const parts = [...children.matchAll(/(\d+)m([\d.]+)s/g)];
          resolve(
            parts.reduce((sum, [, minutes, seconds]) => sum + Number(minutes) * 60 + Number(seconds), 0),
          );
        },
      );
    });

  // `signatures`: the same command with the frame-signature output the pipeline adds to it.
  const bareRun = async (round, signatures = false) => {
    const outputDir = path.join(work, `bare-${round}${signatures ? '-signed' : ''}`);
    const roundPlan = media.buildHlsPlan({
      ...planInput,
      outputDir,
      signaturesPath: signatures ? path.join(outputDir, media.SIGNATURES_FILE) : undefined,
    });
    for (const output of roundPlan.outputs) mkdirSync(output.dir, { recursive: true });
    const started = performance.now();
    const cpu = await timedRun(binaries.ffmpegPath, roundPlan.args);
    const seconds = (performance.now() - started) / 1000;
    rmSync(outputDir, { recursive: true, force: true });
    return { seconds, cpu };
  };

  const server = await startApi({
    DATABASE_URL: db.url,
    DATA_DIR: path.join(work, 'data'),
    MEDIA_PRESET: PRESET,
  });
  try {
    const session = await api(server.baseUrl, null, 'POST', '/api/auth/register', {
      email: `bench-${Date.now()}@example.com`,
      password: 'benchmark password',
      displayName: 'Bench',
    });
    const project = await api(server.baseUrl, session.token, 'POST', '/api/projects', { name: 'Bench' });
    const bytes = readFileSync(source);
    let ladder = '';
    const pipelineRun = async (round) => {
      await tusUpload(server.baseUrl, session.token, bytes, {
        filename: 'source.mp4',
        projectId: project.id,
        assetName: `Round ${round}`,
      });
      const started = performance.now();
      const startedAtMs = Date.now();
      const [{ id }] = await db.query('SELECT id FROM versions ORDER BY created_at DESC LIMIT 1');
      let playableAt = null;
      let version;
      // Asked often until playable (that wait is measured here); then rarely, so that the asking
      // does not slow the server it measures: ready is read from the version's own ready_at.
      for (;;) {
        version = await api(server.baseUrl, session.token, 'GET', `/api/versions/${id}`);
        if (version.playable && playableAt === null) playableAt = performance.now();
        if (version.status === 'ready' || version.status === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, playableAt === null ? 50 : 1000));
      }
      if (version.status !== 'ready') throw new Error(`the version failed: ${version.failureReason}`);
      const [{ ready_ms: readyMs }] = await db.query(
        `SELECT (extract(epoch FROM ready_at) * 1000)::float8 AS ready_ms FROM versions WHERE id = $1`,
        [id],
      );
      const seconds = (readyMs - startedAtMs) / 1000;
      ladder = version.renditions.map((r) => r.name).join('/');
      let stages = null;
      for (let tries = 0; !stages && tries < 100; tries++) {
        [{ stage_ms: stages } = {}] = await db.query(
          `SELECT stage_ms FROM media_jobs WHERE version_id = $1 AND status = 'done'`,
          [id],
        );
        if (!stages) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return { seconds, playable: (playableAt - started) / 1000, stages: stages ?? {} };
    };

    // Interleaved rounds, medians reported: these machines are shared and noisy.
    const bare = [];
    const signed = [];
    const pipeline = [];
    const loadBefore = os.loadavg();
    for (let round = 0; round < ROUNDS; round++) {
      bare.push(await bareRun(round));
      signed.push(await bareRun(round, true));
      pipeline.push(await pipelineRun(round));
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const bareSeconds = median(bare.map((run) => run.seconds));
    const signedSeconds = median(signed.map((run) => run.seconds));
    const bareCpu = median(bare.map((run) => run.cpu));
    const signedCpu = median(signed.map((run) => run.cpu));
    const pipelineSeconds = median(pipeline.map((r) => r.seconds));
    const playable = median(pipeline.map((r) => r.playable));
    console.log(
      `\nmedia: ${SECONDS} s 1080p25 source with sound, ladder ${ladder} + audio, x264 ${PRESET}, ffmpeg ${binaries.ffmpegVersion.major}.${binaries.ffmpegVersion.minor}, median of ${ROUNDS} interleaved rounds`,
    );
    console.log(
      `bare ffmpeg, same ladder command     ${bareSeconds.toFixed(1).padStart(6)} s   ${(SECONDS / bareSeconds).toFixed(2)}x realtime   (rounds: ${bare.map((run) => run.seconds.toFixed(1)).join(', ')}; CPU ${bareCpu.toFixed(1)} s)`,
    );
    console.log(
      `bare ffmpeg + frame signatures      ${signedSeconds.toFixed(1).padStart(6)} s   ${(SECONDS / signedSeconds).toFixed(2)}x realtime   (rounds: ${signed.map((run) => run.seconds.toFixed(1)).join(', ')}; CPU ${signedCpu.toFixed(1)} s)`,
    );
    console.log(
      `cutroom upload-complete → ready      ${pipelineSeconds.toFixed(1).padStart(6)} s   ${(SECONDS / pipelineSeconds).toFixed(2)}x realtime   (rounds: ${pipeline.map((r) => r.seconds.toFixed(1)).join(', ')}; probe, then ladder + poster, storyboard, waveform)`,
    );
    console.log(`ratio cutroom/bare: ${(pipelineSeconds / bareSeconds).toFixed(2)}x (target <= 1.05)`);
    const share = (value) => `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;
    console.log(
      `frame signatures' cost: ${share(signedCpu / bareCpu - 1)} of the bare ladder's CPU, ${share(signedSeconds / bareSeconds - 1)} of its wall time (target <= +0.03)`,
    );
    console.log(
      `upload complete → first playable segment: ${playable.toFixed(2)} s (target <= 1.5 s; rounds: ${pipeline.map((r) => r.playable.toFixed(2)).join(', ')})`,
    );
    // The worker's own record of each stage, in the order they happen; medians over the rounds.
    const STAGES = [
      ['queueWait', 'queue pickup delay (upload complete → job claimed)'],
      ['startWrite', 'db: version marked processing'],
      ['probe', 'probe (ffprobe, once)'],
      ['probeWrite', 'db: probe stored (while ffmpeg starts)'],
      ['firstSegment', 'ffmpeg start → first segment of the smallest rendition and the sound'],
      ['playableWrite', 'db: version marked playable'],
      [
        'ladder',
        'whole ladder: every rendition + sound + frame signatures, poster, storyboard, waveform (one decode)',
      ],
      ['poster', 'poster made again on its own (only when the ladder wrote none)'],
      ['storyboard', 'storyboard made again on its own (only when the ladder wrote part of it)'],
      ['publish', 'publish (renames)'],
      ['readyWrite', 'db: version marked ready'],
    ];
    console.log('stages (ms, median of the rounds):');
    for (const [key, label] of STAGES) {
      const values = pipeline.map((r) => r.stages[key]).filter((value) => typeof value === 'number');
      if (values.length === 0) continue;
      console.log(`  ${String(median(values)).padStart(7)}  ${label}   (rounds: ${values.join(', ')})`);
    }
    const loadAfter = os.loadavg();
    console.log(
      `load average (1/5/15 min) before ${loadBefore.map((v) => v.toFixed(2)).join(' ')}, after ${loadAfter.map((v) => v.toFixed(2)).join(' ')} on ${os.cpus().length} cores`,
    );
  } finally {
    await server.stop();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  await db.close();
}
process.exit(0);
