import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/** How much of a file is read at a time: memory stays flat whatever the file's size. */
const READ_BYTES = 1024 * 1024;
/** Uploads whose hash is kept; the least recently used beyond this start over if they resume. */
const MAX_UPLOADS = 1000;

interface Running {
  file: string;
  hash: Hash;
  /** Bytes of the file hashed so far, from its start. */
  hashed: number;
  /** Where the bytes this process received end: bytes before it came through here. */
  received: number;
}

/**
 * The running SHA-256 of every upload under way, following each file as its bytes are written:
 * told that bytes landed, it hashes the file up to them, reading them from the file (the page
 * cache, just written) a megabyte at a time. The hash only ever covers what is on disk, so a
 * resumed upload's digest is its file's, and an upload hashes each byte once however it comes.
 *
 * Bytes that never came through this process (the upload began before a restart, or on another
 * process) are hashed the same way, from the file; `onRehashed` is told how many, since that is
 * the work an upload resumed here costs beyond its own bytes.
 *
 * Synchronous: it runs on its own thread (upload-hash-worker.ts), away from the requests.
 */
export class UploadHashes {
  private readonly running = new Map<string, Running>();
  private readonly buffer = Buffer.allocUnsafe(READ_BYTES);

  constructor(private readonly onRehashed: (bytes: number) => void = () => undefined) {}

  /** Bytes [from, to) of the upload's file were just written by this process: hash up to `to`. */
  written(uploadId: string, file: string, from: number, to: number): void {
    const running = this.runningFor(uploadId, file, from);
    if (from > running.received) this.onRehashed(from - running.received);
    running.received = to;
    this.hashUpTo(uploadId, running, to);
  }

  /** The hex digest of the upload's whole file, of `size` bytes. The upload is forgotten. */
  digest(uploadId: string, file: string, size: number): string {
    const running = this.runningFor(uploadId, file, size);
    this.running.delete(uploadId);
    if (size > running.received) this.onRehashed(size - running.received);
    this.hashUpTo(uploadId, running, size);
    return running.hash.digest('hex');
  }

  forget(uploadId: string): void {
    this.running.delete(uploadId);
  }

  /** The upload's running hash, or a new one if it has none that can lead to `position`. */
  private runningFor(uploadId: string, file: string, position: number): Running {
    let running = this.running.get(uploadId);
    // Beyond the position: not this file's bytes (files only grow); start over.
    if (!running || running.file !== file || running.received > position)
      running = { file, hash: createHash('sha256'), hashed: 0, received: 0 };
    this.running.delete(uploadId); // re-inserted last: the map's order is least recently used first
    this.running.set(uploadId, running);
    for (const oldest of this.running.keys()) {
      if (this.running.size <= MAX_UPLOADS) break;
      this.running.delete(oldest);
    }
    return running;
  }

  /** Reads the file into the hash up to `position`; on failure the upload's hash is dropped. */
  private hashUpTo(uploadId: string, running: Running, position: number): void {
    if (running.hashed >= position) return;
    let fd: number | undefined;
    try {
      fd = openSync(running.file, 'r');
      while (running.hashed < position) {
        const want = Math.min(this.buffer.length, position - running.hashed);
        const read = readSync(fd, this.buffer, 0, want, running.hashed);
        if (read === 0) throw new Error(`${running.file} ends at ${running.hashed}, before ${position}`);
        running.hash.update(this.buffer.subarray(0, read));
        running.hashed += read;
      }
    } catch (error) {
      this.running.delete(uploadId);
      throw error;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}
