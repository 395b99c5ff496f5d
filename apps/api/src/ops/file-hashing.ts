import { createHash } from 'node:crypto';
import { constants, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FoundFile } from './backup-manifest.js';

/** Backups and the secrets and media they hold are for the instance's owner alone. */
export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/** A path that is a symbolic link, a folder or a device where a regular file was expected. */
export class NotARegularFile extends Error {
  constructor(
    readonly file: string,
    /** "a symbolic link", "a folder", … */
    readonly what: string,
  ) {
    super(`${file} is ${what}, not a regular file: backups copy regular files only and never follow links.`);
    this.name = 'NotARegularFile';
  }
}

/**
 * `root/relative`, once every folder between them is known to be a real folder: a folder swapped
 * for a symbolic link inside a backup would otherwise lead a restore out of it.
 */
export async function pathWithoutLinks(root: string, relative: string): Promise<string> {
  const parts = relative.split('/');
  let at = root;
  for (const part of parts.slice(0, -1)) {
    at = path.join(at, part);
    const stat = await fs.lstat(at);
    if (stat.isSymbolicLink()) throw new NotARegularFile(at, 'a symbolic link');
    if (!stat.isDirectory()) throw new NotARegularFile(at, 'not a folder');
  }
  return path.join(root, relative);
}

/** A pass-through that counts and hashes what flows through it. */
export function hashingTap(): Transform & { result(): FoundFile } {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  let digest: string | undefined;
  return Object.assign(tap, {
    result: () => ({ bytes, sha256: (digest ??= hash.digest('hex')) }),
  });
}

/**
 * Opens `file` for reading if it is a regular file: a symbolic link is refused (O_NOFOLLOW, so
 * no link swapped in after a check is followed either), and so is anything else that is not a file.
 */
async function openRegularFile(file: string): Promise<fs.FileHandle> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new NotARegularFile(file, 'a symbolic link');
    throw error;
  }
  const stat = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  if (!stat.isFile()) {
    await handle.close();
    throw new NotARegularFile(file, stat.isDirectory() ? 'a folder' : 'a special file');
  }
  return handle;
}

export async function hashFile(file: string): Promise<FoundFile> {
  const handle = await openRegularFile(file);
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of handle.createReadStream() as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * Copies the regular file `from` to `to` (written beside it, then renamed, so `to` is whole or
 * absent), readable by this user only, and returns the size and sha256 of the bytes written.
 */
export async function copyHashing(from: string, to: string): Promise<FoundFile> {
  const source = await openRegularFile(from);
  const partial = `${to}.copying`;
  const tap = hashingTap();
  try {
    await fs.mkdir(path.dirname(to), { recursive: true, mode: PRIVATE_DIR });
    await pipeline(
      source.createReadStream(),
      tap,
      createWriteStream(partial, { flags: 'wx', mode: PRIVATE_FILE }),
    );
    await fs.rename(partial, to);
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  } finally {
    await source.close().catch(() => undefined);
  }
  return tap.result();
}

/** Every file under `dir`, relative to it with `/`; symbolic links are not followed or listed. */
export async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string) => {
    const entries = await fs.readdir(path.join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) found.push(child);
    }
  };
  await walk('');
  return found.sort();
}

/** True when `dir` does not exist or holds nothing. */
export async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await fs.readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}
