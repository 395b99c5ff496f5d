import { writev } from 'node:fs';
import type { Readable } from 'node:stream';

/** Received bytes waiting for the disk before the sender is paused: memory stays flat. */
const HIGH_WATER_BYTES = 4 * 1024 * 1024;
/** Received bytes gathered before a write (unless the body ended): fewer, larger writes. */
const MIN_WRITE_BYTES = 1024 * 1024;
/** Most buffers one writev takes (Linux's IOV_MAX is 1024). */
const MAX_BUFFERS_PER_WRITE = 1024;

export interface ReceiveOptions {
  /** An open file descriptor, written at explicit positions. */
  fd: number;
  /** Where the first byte goes. */
  position: number;
  /** Most bytes this body may carry; one more and the body is refused with `tooLarge()`. */
  maxBytes: number;
  tooLarge: () => unknown;
  /** Stop taking bytes, keep what arrived: the bytes received so far are written, then it resolves. */
  signal?: AbortSignal;
  /**
   * Each successful write, in file order: `bytes` landed at `position`. A promise returned holds
   * the next write back until it settles.
   */
  onWritten?: (position: number, bytes: number) => Promise<void> | undefined;
}

export class ReceiveError extends Error {
  constructor(
    readonly reason: 'source' | 'write' | 'too-large',
    readonly written: number,
    override readonly cause: unknown,
  ) {
    super(`receiving failed (${reason}) after ${written} bytes`, { cause });
  }
}

/**
 * Streams `source` into the file at `position`: the chunks go down as they arrived (no copy),
 * gathered into writevs of a megabyte or more, one at a time, and the sender is paused while
 * HIGH_WATER_BYTES wait for the disk. Resolves to the bytes written once the body has ended (or
 * `signal` said stop) and every received byte is on the file. Rejects with a ReceiveError when the
 * body breaks off, a write fails or the body is too large, but only after every write under way
 * has settled: what it reports written is exactly what the file holds.
 */
export function receiveIntoFile(source: Readable, options: ReceiveOptions): Promise<number> {
  const { fd, maxBytes } = options;
  const start = options.position;
  let position = start;
  let received = 0;
  let queue: Buffer[] = [];
  let queued = 0;
  let writing = false;
  let ended = false;
  let pausedByUs = false;
  let failure: { reason: ReceiveError['reason']; cause: unknown } | undefined;

  return new Promise<number>((resolve, reject) => {
    const settle = () => {
      if (failure) reject(new ReceiveError(failure.reason, position - start, failure.cause));
      else resolve(position - start);
    };

    const stop = (error?: { reason: ReceiveError['reason']; cause: unknown }) => {
      if (ended) return;
      ended = true;
      failure ??= error;
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', onError);
      source.off('close', onClose);
      options.signal?.removeEventListener('abort', onAbort);
      if (!source.destroyed) source.pause();
      if (!writing) flush();
    };

    const flush = () => {
      if (failure?.reason === 'write') queue = [];
      if (queue.length === 0 || (!ended && queued < MIN_WRITE_BYTES)) {
        writing = false;
        if (ended) settle();
        else if (pausedByUs) {
          pausedByUs = false;
          source.resume();
        }
        return;
      }
      writing = true;
      const batch = queue.length <= MAX_BUFFERS_PER_WRITE ? queue : queue.slice(0, MAX_BUFFERS_PER_WRITE);
      queue = batch === queue ? [] : queue.slice(MAX_BUFFERS_PER_WRITE);
      writev(fd, batch, position, (error, bytes) => {
        if (error) {
          failure = { reason: 'write', cause: error };
          queue = [];
          queued = 0;
          if (!ended) stop();
          flush();
          return;
        }
        const total = batch.reduce((sum, buffer) => sum + buffer.length, 0);
        // A short write: what did not land goes first in the next one.
        if (bytes < total) queue = [...unwritten(batch, bytes), ...queue];
        let hold: Promise<void> | undefined;
        try {
          hold = options.onWritten?.(position, bytes);
        } catch (error) {
          // Thrown here it would take the process down: the request fails instead.
          failure ??= { reason: 'write', cause: error };
        }
        position += bytes;
        queued -= bytes;
        if (failure && !ended) stop();
        if (!ended && pausedByUs && queued < HIGH_WATER_BYTES / 2) {
          pausedByUs = false;
          source.resume();
        }
        if (hold) void hold.then(flush, flush);
        else flush();
      });
    };

    function onData(chunk: Buffer) {
      received += chunk.length;
      if (received > maxBytes) {
        stop({ reason: 'too-large', cause: options.tooLarge() });
        return;
      }
      queue.push(chunk);
      queued += chunk.length;
      if (queued >= HIGH_WATER_BYTES && !pausedByUs) {
        pausedByUs = true;
        source.pause();
      }
      if (!writing && queued >= MIN_WRITE_BYTES) flush();
    }
    function onEnd() {
      stop();
    }
    function onError(error: unknown) {
      stop({ reason: 'source', cause: error });
    }
    function onClose() {
      // Closed without 'end': the sender went away mid-body.
      stop({ reason: 'source', cause: new Error('the body was cut off') });
    }
    function onAbort() {
      stop();
    }

    if (options.signal?.aborted) {
      ended = true;
      settle();
      return;
    }
    source.on('data', onData);
    source.on('end', onEnd);
    source.on('error', onError);
    source.on('close', onClose);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    source.resume();
  });
}

/** The part of `buffers` after their first `bytes`. */
function unwritten(buffers: readonly Buffer[], bytes: number): Buffer[] {
  const rest: Buffer[] = [];
  let skip = bytes;
  for (const buffer of buffers) {
    if (skip >= buffer.length) {
      skip -= buffer.length;
      continue;
    }
    rest.push(skip > 0 ? buffer.subarray(skip) : buffer);
    skip = 0;
  }
  return rest;
}
