import { ChildProcessByStdio, spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import type { Readable } from 'node:stream';
import { MediaLogger, silentLogger } from './logger';
import { FfmpegProgress, ProgressExpectation, ProgressStreamParser } from './progress';

export type MediaProcessFailure = 'exit' | 'aborted' | 'timeout' | 'spawn' | 'output-too-large' | 'consumer';

/** A child process that did not finish cleanly; `cause` (and `stderrTail`) hold the end of its stderr. */
export class MediaProcessError extends Error {
  override readonly name = 'MediaProcessError';

  constructor(
    message: string,
    readonly failure: MediaProcessFailure,
    readonly exitCode: number | null,
    readonly stderrTail: string,
  ) {
    super(message, { cause: stderrTail });
  }
}

export interface RunProcessOptions {
  signal?: AbortSignal;
  /** Kill the child after this long (ms). */
  timeoutMs?: number;
  logger?: MediaLogger;
  /** Streaming consumer of stdout; when given, stdout is not collected. */
  onStdout?: (chunk: Buffer) => void;
  /** Streaming consumer of a second output: what the child writes to its fd 3 (ffmpeg's `pipe:3`). */
  onPipe3?: (chunk: Buffer) => void;
  /** Upper bound for collected stdout (bytes); beyond it the child is killed. */
  maxStdoutBytes?: number;
  /** How much of stderr to keep for error reports (bytes). */
  stderrTailBytes?: number;
  /** Time between SIGTERM and SIGKILL when stopping the child (ms). */
  killGraceMs?: number;
  /**
   * Runs the child at this lower CPU priority (a Unix nice value, 1–19), so that on a busy machine
   * the server's own work (requests, the database) goes first. Set before the child has started
   * any thread: every thread it starts inherits it.
   */
  niceness?: number;
}

export interface RunProcessResult {
  stdout: Buffer;
  stderrTail: string;
  elapsedMs: number;
}

interface Tail {
  text: string;
  /** The start was dropped to stay within the limit: the first line may be partial. */
  cut: boolean;
}

function keepTail(tail: Tail, chunk: string, limit: number): Tail {
  const joined = tail.text + chunk;
  return joined.length > limit
    ? { text: joined.slice(joined.length - limit), cut: true }
    : { text: joined, cut: tail.cut };
}

function lastLines({ text, cut }: Tail): string {
  const firstNewline = text.indexOf('\n');
  // Drop a partial first line left by the tail cut, unless it is all there is.
  const trimmed =
    cut && firstNewline > 0 && firstNewline < text.length - 1 ? text.slice(firstNewline + 1) : text;
  return trimmed.trim();
}

/** spawn() returns once the child has exec'd, while it is still loading its libraries: no threads yet. */
function lowerPriority(pid: number, niceness: number, logger: MediaLogger): void {
  try {
    setPriority(pid, niceness);
  } catch (error) {
    // Not fatal: the work is the same, only the server's requests may wait longer behind it.
    logger.warn('media: could not lower the priority of a child process', { pid, error: String(error) });
  }
}

/** Runs a binary with an argument array (never through a shell). */
export function runProcess(
  command: string,
  args: readonly string[],
  options: RunProcessOptions = {},
): Promise<RunProcessResult> {
  const logger = options.logger ?? silentLogger;
  const stderrLimit = options.stderrTailBytes ?? 8192;
  const maxStdout = options.maxStdoutBytes ?? 64 * 1024 * 1024;
  const started = Date.now();

  return new Promise<RunProcessResult>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new MediaProcessError(`${command} was cancelled before it started`, 'aborted', null, ''));
      return;
    }
    logger.debug('media: spawn', { command, args });
    // Typed by hand: the fourth entry, only a pipe when asked for, hides the other three's types.
    const child = spawn(command, [...args], {
      stdio: ['ignore', 'pipe', 'pipe', options.onPipe3 ? 'pipe' : 'ignore'],
      windowsHide: true,
    }) as ChildProcessByStdio<null, Readable, Readable>;
    if (options.niceness && child.pid !== undefined) lowerPriority(child.pid, options.niceness, logger);

    const stdoutChunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrTail: Tail = { text: '', cut: false };
    let stopReason: MediaProcessFailure | null = null;
    let spawnError: Error | null = null;
    let consumerError: Error | null = null;
    let killTimer: NodeJS.Timeout | undefined;

    const stop = (reason: MediaProcessFailure) => {
      if (stopReason || child.exitCode !== null) return;
      stopReason = reason;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), options.killGraceMs ?? 2000);
      killTimer.unref();
    };
    const onAbort = () => stop('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timeout =
      options.timeoutMs !== undefined ? setTimeout(() => stop('timeout'), options.timeoutMs) : undefined;

    const consume = (consumer: (chunk: Buffer) => void, chunk: Buffer) => {
      try {
        consumer(chunk);
      } catch (error) {
        consumerError ??= error instanceof Error ? error : new Error(String(error));
        stop('consumer');
      }
    };
    const { onStdout, onPipe3 } = options;
    if (onPipe3) (child.stdio[3] as Readable).on('data', (chunk: Buffer) => consume(onPipe3, chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      if (onStdout) {
        consume(onStdout, chunk);
        return;
      }
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdout) stop('output-too-large');
      else stdoutChunks.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderrTail = keepTail(stderrTail, chunk, stderrLimit);
    });
    child.on('error', (error) => {
      spawnError = error;
    });
    child.on('close', (code, signal) => {
      if (timeout) clearTimeout(timeout);
      if (killTimer) clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      const tail = lastLines(stderrTail);
      const elapsedMs = Date.now() - started;
      if (spawnError) {
        reject(
          new MediaProcessError(`Could not start ${command}: ${spawnError.message}`, 'spawn', null, tail),
        );
      } else if (stopReason === 'aborted') {
        reject(new MediaProcessError(`${command} was cancelled`, 'aborted', code, tail));
      } else if (stopReason === 'timeout') {
        reject(
          new MediaProcessError(`${command} took longer than ${options.timeoutMs} ms`, 'timeout', code, tail),
        );
      } else if (stopReason === 'output-too-large') {
        reject(
          new MediaProcessError(
            `${command} wrote more than ${maxStdout} bytes`,
            'output-too-large',
            code,
            tail,
          ),
        );
      } else if (stopReason === 'consumer') {
        const message = `Reading the output of ${command} failed: ${consumerError?.message}`;
        reject(new MediaProcessError(message, 'consumer', code, tail));
      } else if (code !== 0) {
        const how = code === null ? `was killed by ${signal}` : `exited with code ${code}`;
        const lastLine = tail.split('\n').pop() ?? '';
        reject(
          new MediaProcessError(`${command} ${how}${lastLine ? `: ${lastLine}` : ''}`, 'exit', code, tail),
        );
      } else {
        logger.debug('media: done', { command, elapsedMs });
        resolve({ stdout: Buffer.concat(stdoutChunks), stderrTail: tail, elapsedMs });
      }
    });
  });
}

export interface RunFfmpegOptions extends Omit<RunProcessOptions, 'onStdout'> {
  /** Called for every `-progress` block; the arguments must contain `-progress pipe:1`. */
  onProgress?: (progress: FfmpegProgress) => void;
  expected?: ProgressExpectation;
}

/** Runs ffmpeg, turning its `-progress pipe:1` output into progress reports. */
export async function runFfmpeg(
  ffmpegPath: string,
  args: readonly string[],
  options: RunFfmpegOptions = {},
): Promise<RunProcessResult> {
  const parser = new ProgressStreamParser(options.expected);
  const { onProgress, ...processOptions } = options;
  return runProcess(ffmpegPath, args, {
    ...processOptions,
    onStdout: (chunk) => {
      for (const report of parser.push(chunk.toString('utf8'))) onProgress?.(report);
    },
  });
}
