import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UploadHashes } from './upload-hashes.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the running sha256 of uploads, following their files', () => {
  let dir: string;
  let file: string;
  let rehashed: number[];
  let hashes: UploadHashes;
  const source = randomBytes(5 * 1024 * 1024 + 321);
  /** Appends bytes [from, to) of the source to the file, as a request would. */
  const land = (from: number, to: number) => appendFileSync(file, source.subarray(from, to));

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-hashes-'));
    file = path.join(dir, 'upload');
    writeFileSync(file, '');
    rehashed = [];
    hashes = new UploadHashes((bytes) => rehashed.push(bytes));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hashes each byte once as the file grows, over several requests, and reads nothing twice', () => {
    const cuts = [0, 100, 64 * 1024, 3 * 1024 * 1024, source.length];
    for (let i = 1; i < cuts.length; i++) {
      land(cuts[i - 1], cuts[i]);
      hashes.written('u1', file, cuts[i - 1], cuts[i]);
    }
    expect(hashes.digest('u1', file, source.length)).toBe(sha256(source));
    expect(rehashed).toEqual([]);
  });

  it('an upload it never saw (begun before a restart) is hashed from its file once, then followed', () => {
    land(0, 2_000_000);
    land(2_000_000, source.length);
    hashes.written('u1', file, 2_000_000, source.length);
    expect(rehashed).toEqual([2_000_000]);
    expect(hashes.digest('u1', file, source.length)).toBe(sha256(source));
    expect(rehashed).toEqual([2_000_000]);
  });

  it('bytes another process received in between are read from the file, only those', () => {
    land(0, 1000);
    hashes.written('u1', file, 0, 1000);
    land(1000, 4000); // through another process
    land(4000, source.length);
    hashes.written('u1', file, 4000, source.length);
    expect(rehashed).toEqual([3000]);
    expect(hashes.digest('u1', file, source.length)).toBe(sha256(source));
  });

  it('finishes from the file when the last bytes were never reported', () => {
    land(0, source.length);
    hashes.written('u1', file, 0, 10);
    expect(hashes.digest('u1', file, source.length)).toBe(sha256(source));
    expect(rehashed).toEqual([source.length - 10]);
  });

  it('an empty upload has the digest of nothing', () => {
    expect(hashes.digest('u1', file, 0)).toBe(sha256(Buffer.alloc(0)));
  });

  it('keeps uploads apart, and forgets a finished one', () => {
    const other = path.join(dir, 'other');
    writeFileSync(other, 'abc');
    land(0, 10);
    hashes.written('u1', file, 0, 10);
    hashes.written('u2', other, 0, 3);
    expect(hashes.digest('u2', other, 3)).toBe(sha256(Buffer.from('abc')));
    land(10, source.length);
    hashes.written('u1', file, 10, source.length);
    expect(hashes.digest('u1', file, source.length)).toBe(sha256(source));
    // Forgotten after its digest: asked again, it starts over from the file.
    expect(hashes.digest('u1', file, source.length)).toBe(sha256(source));
    expect(rehashed).toEqual([source.length]);
  });

  it('a file shorter than it is said to be is an error, and the upload starts over next time', () => {
    land(0, 100);
    expect(() => hashes.written('u1', file, 0, 200)).toThrow(/ends at 100, before 200/);
    land(100, 200);
    hashes.written('u1', file, 100, 200);
    expect(hashes.digest('u1', file, 200)).toBe(sha256(source.subarray(0, 200)));
  });
});
