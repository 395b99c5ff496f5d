import { getPriority } from 'node:os';
import { MediaProcessError, runFfmpeg, runProcess } from './ffmpeg-runner';
import { FfmpegProgress } from './progress';

// Real child processes: node scripts stand in for misbehaving binaries, ffmpeg for itself.
const NODE = process.execPath;
const script = (source: string) => ['-e', source];
const FOREVER = 'setInterval(() => {}, 1000)';

async function failure(promise: Promise<unknown>): Promise<MediaProcessError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MediaProcessError) return error;
    throw error;
  }
  throw new Error('expected the process to fail');
}

describe('runProcess', () => {
  it('collects stdout of a successful run', async () => {
    const result = await runProcess(
      NODE,
      script("process.stdout.write('hello'); process.stderr.write('note')"),
    );
    expect(result.stdout.toString()).toBe('hello');
    expect(result.stderrTail).toBe('note');
  });

  it('streams what the child writes to fd 3 to its own consumer, apart from stdout', async () => {
    const chunks: Buffer[] = [];
    const result = await runProcess(
      NODE,
      script("require('fs').writeSync(3, 'samples'); process.stdout.write('progress')"),
      { onPipe3: (chunk) => chunks.push(chunk) },
    );
    expect(Buffer.concat(chunks).toString()).toBe('samples');
    expect(result.stdout.toString()).toBe('progress');
  });

  it('runs the child, and what it starts later, at the lower priority asked for', async () => {
    // The shell's child starts after the priority is set, as ffmpeg's threads do.
    const result = await runProcess('sh', ['-c', 'sleep 0.2; nice'], { niceness: 7 });
    expect(result.stdout.toString().trim()).toBe('7');
    const normal = await runProcess('sh', ['-c', 'sleep 0.2; nice']);
    expect(normal.stdout.toString().trim()).toBe(String(getPriority()));
  });

  it('rejects a failed run with the end of stderr as the cause', async () => {
    const noisy = "for (let i = 0; i < 2000; i++) console.error('line ' + i); process.exitCode = 3";
    const error = await failure(runProcess(NODE, script(noisy), { stderrTailBytes: 200 }));
    expect(error).toMatchObject({ failure: 'exit', exitCode: 3 });
    expect(error.message).toContain('exited with code 3: line 1999');
    expect(error.cause).toBe(error.stderrTail);
    expect(error.stderrTail.endsWith('line 1999')).toBe(true);
    expect(error.stderrTail.length).toBeLessThanOrEqual(200);
    expect(error.stderrTail).not.toContain('line 1\n');
  });

  it('keeps every line of a short stderr, the first one included', async () => {
    const twoLines =
      "console.error('[mov] moov atom not found'); console.error('x.mp4: Invalid data'); process.exitCode = 1";
    const error = await failure(runProcess(NODE, script(twoLines)));
    expect(error.stderrTail).toBe('[mov] moov atom not found\nx.mp4: Invalid data');
  });

  it('kills the child when the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(runProcess(NODE, script(FOREVER), { signal: controller.signal }));
    expect(error.failure).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('does not start at all when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await failure(runProcess(NODE, script(FOREVER), { signal: controller.signal }))).failure).toBe(
      'aborted',
    );
  });

  it('kills the child on timeout, with SIGKILL if it ignores SIGTERM', async () => {
    const stubborn = `process.on('SIGTERM', () => {}); ${FOREVER}`;
    const started = Date.now();
    const error = await failure(runProcess(NODE, script(stubborn), { timeoutMs: 300, killGraceMs: 200 }));
    expect(error.failure).toBe('timeout');
    expect(error.message).toContain('took longer than 300 ms');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reports a binary that does not exist', async () => {
    const error = await failure(runProcess('/nonexistent/ffmpeg', ['-version']));
    expect(error.failure).toBe('spawn');
    expect(error.message).toContain('ENOENT');
  });

  it('stops the child when the stdout consumer throws', async () => {
    const error = await failure(
      runProcess(NODE, script(`${FOREVER}; process.stdout.write('x')`), {
        onStdout: () => {
          throw new Error('bad frame');
        },
      }),
    );
    expect(error.failure).toBe('consumer');
    expect(error.message).toContain('bad frame');
  });

  it('refuses unbounded output', async () => {
    const flood = 'const b = Buffer.alloc(65536); setInterval(() => process.stdout.write(b), 1)';
    expect((await failure(runProcess(NODE, script(flood), { maxStdoutBytes: 100_000 }))).failure).toBe(
      'output-too-large',
    );
  });
});

describe('runFfmpeg', () => {
  it('streams -progress reports up to 100% and done', async () => {
    const reports: FfmpegProgress[] = [];
    await runFfmpeg(
      'ffmpeg',
      [
        '-v',
        'error',
        '-progress',
        'pipe:1',
        '-nostats',
        '-f',
        'lavfi',
        '-i',
        'testsrc2=s=64x64:r=25:d=2',
        '-f',
        'null',
        '-',
      ],
      { expected: { frames: 50 }, onProgress: (report) => reports.push(report) },
    );
    const last = reports[reports.length - 1];
    expect(last).toMatchObject({ frame: 50, percent: 100, done: true });
    expect(last.outTimeSeconds).toBeCloseTo(2, 1);
    expect(reports.every((report, i) => i === 0 || report.percent >= reports[i - 1].percent)).toBe(true);
  });

  it("carries ffmpeg's own complaint", async () => {
    const error = await failure(
      runFfmpeg('ffmpeg', ['-v', 'error', '-i', '/nonexistent/input.mov', '-f', 'null', '-']),
    );
    expect(error.failure).toBe('exit');
    expect(String(error.cause)).toContain('No such file or directory');
  });
});
