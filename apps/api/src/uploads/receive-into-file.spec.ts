import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { ReceiveError, receiveIntoFile } from './receive-into-file.js';

const MiB = 1024 * 1024;

/** A body arriving in chunks of `size` (as a socket delivers it). */
function body(bytes: Buffer, size = 64 * 1024): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return Readable.from(chunks, { objectMode: false });
}

describe('receiving a body straight into the upload file', () => {
  let dir: string;
  let file: string;
  let fd: number;
  const tooLarge = () => new Error('too large');

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-receive-'));
    file = path.join(dir, 'upload');
    writeFileSync(file, 'head');
    fd = openSync(file, 'r+');
  });
  afterEach(() => {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every byte after what the file holds, and reports each write in order', async () => {
    const bytes = randomBytes(9 * MiB + 17);
    const writes: [number, number][] = [];
    const written = await receiveIntoFile(body(bytes), {
      fd,
      position: 4,
      maxBytes: bytes.length,
      tooLarge,
      onWritten: (position, count) => void writes.push([position, count]),
    });
    expect(written).toBe(bytes.length);
    expect(readFileSync(file).equals(Buffer.concat([Buffer.from('head'), bytes]))).toBe(true);
    // Contiguous, and gathered: far fewer writes than the 145 chunks that arrived.
    let next = 4;
    for (const [position, count] of writes) {
      expect(position).toBe(next);
      next += count;
    }
    expect(next).toBe(4 + bytes.length);
    expect(writes.length).toBeLessThan(20);
  });

  it('waits for a slow consumer of the writes without losing or reordering bytes', async () => {
    const bytes = randomBytes(6 * MiB);
    let holds = 0;
    const written = await receiveIntoFile(body(bytes), {
      fd,
      position: 4,
      maxBytes: Number.POSITIVE_INFINITY,
      tooLarge,
      onWritten: () => {
        holds += 1;
        return new Promise((resolve) => setTimeout(resolve, 5));
      },
    });
    expect(written).toBe(bytes.length);
    expect(holds).toBeGreaterThan(1);
    expect(readFileSync(file).subarray(4).equals(bytes)).toBe(true);
  });

  it('refuses a body larger than allowed, keeping none of the excess', async () => {
    const bytes = randomBytes(3 * MiB);
    const refused = receiveIntoFile(body(bytes), { fd, position: 4, maxBytes: 2 * MiB, tooLarge });
    await expect(refused).rejects.toMatchObject({ reason: 'too-large', cause: new Error('too large') });
    const error = (await refused.catch((e: unknown) => e)) as ReceiveError;
    expect(readFileSync(file).length).toBe(4 + error.written);
    expect(error.written).toBeLessThanOrEqual(2 * MiB);
  });

  it('a body cut off mid-way keeps what arrived, and says exactly how much that is', async () => {
    const source = new PassThrough();
    const bytes = randomBytes(3 * MiB);
    const receiving = receiveIntoFile(source, { fd, position: 4, maxBytes: 10 * MiB, tooLarge });
    source.write(bytes.subarray(0, 2 * MiB));
    source.write(bytes.subarray(2 * MiB, 2 * MiB + 1000));
    await new Promise((resolve) => setTimeout(resolve, 20));
    source.destroy(new Error('connection reset'));
    const error = (await receiving.catch((e: unknown) => e)) as ReceiveError;
    expect(error).toBeInstanceOf(ReceiveError);
    expect(error.reason).toBe('source');
    expect(error.written).toBe(2 * MiB + 1000);
    expect(
      readFileSync(file)
        .subarray(4)
        .equals(bytes.subarray(0, 2 * MiB + 1000)),
    ).toBe(true);
  });

  it('told to stop, takes no more but writes what it holds, and resolves', async () => {
    const source = new PassThrough();
    const stop = new AbortController();
    const receiving = receiveIntoFile(source, {
      fd,
      position: 4,
      maxBytes: 10 * MiB,
      tooLarge,
      signal: stop.signal,
    });
    source.write(randomBytes(1500));
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop.abort();
    source.write(randomBytes(500));
    expect(await receiving).toBe(1500);
    expect(readFileSync(file).length).toBe(4 + 1500);
  });

  it('a write that fails rejects with what landed before it', async () => {
    closeSync(fd);
    fd = openSync(file, 'r'); // not writable
    const failed = (await receiveIntoFile(body(randomBytes(2 * MiB)), {
      fd,
      position: 4,
      maxBytes: 10 * MiB,
      tooLarge,
    }).catch((e: unknown) => e)) as ReceiveError;
    expect(failed.reason).toBe('write');
    expect(failed.written).toBe(0);
    expect((failed.cause as NodeJS.ErrnoException).code).toBe('EBADF');
  });
});
