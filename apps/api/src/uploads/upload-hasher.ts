import { Worker } from 'node:worker_threads';

/**
 * Bytes written and not yet hashed beyond which writing waits for the hashing thread. It keeps
 * up (sha256 runs at 1–2 GB/s) unless the machine has no core to spare, or it is hashing an
 * upload resumed after a restart from disk: this much more may arrive meanwhile (read back from
 * the page cache), and the last PATCH then waits a fraction of a second at most for the hash.
 */
const MAX_BACKLOG_BYTES = 256 * 1024 * 1024;
/** The hashing thread is told about new bytes a megabyte or more at a time. */
const TELL_EVERY_BYTES = 1024 * 1024;

export type HashRequest =
  | { kind: 'written'; uploadId: string; file: string; from: number; to: number }
  | { kind: 'digest'; uploadId: string; file: string; size: number; ticket: number }
  | { kind: 'forget'; uploadId: string };

export type HashReply =
  | { kind: 'hashed'; bytes: number; rehashed: number }
  | { kind: 'digest'; ticket: number; sha256: string; rehashed: number }
  | { kind: 'failed'; ticket: number; message: string; rehashed: number };

interface Untold {
  file: string;
  from: number;
  to: number;
}

/**
 * Uploads' SHA-256, computed while their bytes stream in, on a thread of its own (UploadHashes in
 * upload-hash-worker.ts): the request thread only writes, and says how far each file has grown.
 * The hashing thread follows each file, keeps each upload's running hash between requests, and
 * for an upload it has no hash of (after a restart, or begun on another process) hashes what is
 * already on disk once, then follows on.
 */
export class UploadHasher {
  private worker: Worker | undefined;
  private backlog = 0;
  private drained: { promise: Promise<void>; resolve: () => void } | undefined;
  private readonly untold = new Map<string, Untold>();
  private readonly waiting = new Map<
    number,
    { resolve: (sha256: string) => void; reject: (error: Error) => void }
  >();
  private nextTicket = 0;

  /** @param onRehashed told how many bytes were hashed that did not come through this process */
  constructor(private readonly onRehashed: (bytes: number) => void = () => undefined) {}

  /**
   * Bytes [from, to) of the upload's file are written. When hashing is far behind, returns a
   * promise to wait for before writing more.
   */
  written(uploadId: string, file: string, from: number, to: number): Promise<void> | undefined {
    const untold = this.untold.get(uploadId);
    if (untold && untold.to === from && untold.file === file) untold.to = to;
    else {
      this.tell(uploadId);
      this.untold.set(uploadId, { file, from, to });
    }
    const pending = this.untold.get(uploadId)!;
    if (pending.to - pending.from >= TELL_EVERY_BYTES) this.tell(uploadId);
    if (this.backlog < MAX_BACKLOG_BYTES) return undefined;
    if (!this.drained) {
      let resolve = () => {};
      const promise = new Promise<void>((done) => (resolve = done));
      this.drained = { promise, resolve };
    }
    return this.drained.promise;
  }

  /** Passes on the bytes of the upload not told yet (at the end of each request). */
  tell(uploadId: string): void {
    const untold = this.untold.get(uploadId);
    if (!untold) return;
    this.untold.delete(uploadId);
    this.backlog += untold.to - untold.from;
    this.post({ kind: 'written', uploadId, ...untold });
  }

  /** The sha256 of the upload's whole file of `size` bytes; the upload is forgotten. */
  digest(uploadId: string, file: string, size: number): Promise<string> {
    this.tell(uploadId);
    const ticket = this.nextTicket++;
    return new Promise<string>((resolve, reject) => {
      this.waiting.set(ticket, { resolve, reject });
      this.post({ kind: 'digest', uploadId, file, size, ticket });
    });
  }

  forget(uploadId: string): void {
    this.untold.delete(uploadId);
    if (this.worker) this.post({ kind: 'forget', uploadId });
  }

  private post(request: HashRequest): void {
    this.thread().postMessage(request);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./upload-hash-worker.js', import.meta.url));
    worker.unref(); // it never keeps the process alive on its own
    worker.on('message', (reply: HashReply) => this.answer(reply));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the hashing thread exited with ${code}`)));
    this.worker = worker;
    return worker;
  }

  private answer(reply: HashReply): void {
    if (reply.rehashed > 0) this.onRehashed(reply.rehashed);
    if (reply.kind === 'hashed') {
      this.backlog -= reply.bytes;
      if (this.drained && this.backlog < MAX_BACKLOG_BYTES / 2) {
        this.drained.resolve();
        this.drained = undefined;
      }
      return;
    }
    const waiting = this.waiting.get(reply.ticket);
    this.waiting.delete(reply.ticket);
    if (reply.kind === 'digest') waiting?.resolve(reply.sha256);
    else waiting?.reject(new Error(`hashing the upload failed: ${reply.message}`));
  }

  /**
   * The thread died: the hashes it held are gone, and a new one starts each upload over from its
   * file. Digests it owed fail.
   */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.backlog = 0;
    this.drained?.resolve();
    this.drained = undefined;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
