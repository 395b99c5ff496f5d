import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { ERRORS, type Upload } from '@tus/server';
import { isDiskFull } from '../media/disk-full.js';
import { ReceiveError, receiveIntoFile } from './receive-into-file.js';
import { UploadHasher } from './upload-hasher.js';
import { UploadsErrorCode, UploadsException } from './uploads.exception.js';

/**
 * Each time an upload's file passes a multiple of this, the disk is asked to write back what it
 * holds of it, in the background (nothing waits for it): the fsync that finishes the upload then
 * has only the last few megabytes to flush, not the whole file.
 */
const WRITEBACK_EVERY_BYTES = 64 * 1024 * 1024;

export interface UploadFileStoreEvents {
  /** The upload's rows exist by now (tus creates the file after onUploadCreate): take them back. */
  onCreateFailed: (upload: Upload) => Promise<void>;
  /** Told how many bytes each request wrote, whether it ended well or not. */
  onWritten?: (bytes: number) => void;
  /** Told how many bytes were hashed that did not come through this process (see UploadHashes). */
  onRehashed?: (bytes: number) => void;
}

export interface SealedUpload {
  size: number;
  sha256: string;
}

/**
 * tus's FileStore, receiving at disk speed: a body goes straight from the socket to the file, and
 * its SHA-256 is kept up to date as the bytes land (UploadHasher), so a finished upload needs one
 * fsync, not a second pass over the file. A full disk is told apart from other write failures
 * (tus reports every one as "Something went wrong"). The bytes that did fit stay: the upload
 * resumes from them. An upload whose file cannot even be created leaves no version (or new asset)
 * behind.
 */
export class UploadFileStore extends FileStore {
  private readonly hasher: UploadHasher;
  private readonly writingBack = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly events: UploadFileStoreEvents,
  ) {
    super({ directory: dir });
    this.hasher = new UploadHasher(events.onRehashed);
  }

  override async create(upload: Upload): Promise<Upload> {
    try {
      return await super.create(upload);
    } catch (error) {
      await this.events.onCreateFailed(upload);
      await fs.rm(path.join(this.dir, upload.id), { force: true });
      if (!isDiskFull(error)) throw error;
      throw new UploadsException(
        UploadsErrorCode.DiskFull,
        "The server's disk is full: the upload could not start. Ask an administrator to free space, then upload the file again.",
        { cause: error },
      );
    }
  }

  /** tus's way in (a body sent with the creation): the stream it built from the request. */
  override write(readable: Readable, uploadId: string, offset: number): Promise<number> {
    return this.receive(readable, uploadId, offset, Number.POSITIVE_INFINITY);
  }

  /**
   * Writes `body` into the upload's file from `offset`, hashing as it goes; at most `maxBytes`.
   * When `signal` aborts, takes no more bytes but keeps those received. Resolves to the new offset.
   */
  async receive(
    body: Readable,
    uploadId: string,
    offset: number,
    maxBytes: number,
    signal?: AbortSignal,
  ): Promise<number> {
    const file = this.fileOf(uploadId);
    const handle = await fs.open(file, 'r+');
    let written = 0;
    try {
      written = await receiveIntoFile(body, {
        fd: handle.fd,
        position: offset,
        maxBytes,
        tooLarge: () => ERRORS.ERR_MAX_SIZE_EXCEEDED,
        signal,
        onWritten: (position, bytes) => {
          const end = position + bytes;
          if (Math.floor(end / WRITEBACK_EVERY_BYTES) > Math.floor(position / WRITEBACK_EVERY_BYTES))
            this.writeBack(uploadId, file);
          return this.hasher.written(uploadId, file, position, end);
        },
      });
    } catch (error) {
      if (!(error instanceof ReceiveError)) throw error;
      written = error.written;
      if (error.reason === 'too-large') throw error.cause;
      if (error.reason === 'source') throw ERRORS.ABORTED;
      if (isDiskFull(error.cause)) throw diskFullWhileReceiving(error.cause);
      throw ERRORS.FILE_WRITE_ERROR;
    } finally {
      this.events.onWritten?.(written);
      this.hasher.tell(uploadId);
      await handle.close();
    }
    return offset + written;
  }

  /**
   * The upload is whole: its file is made durable (one fsync) and its digest taken, at once when
   * every byte came through this process, else after reading back what it did not see.
   */
  async seal(uploadId: string): Promise<SealedUpload> {
    const file = this.fileOf(uploadId);
    const handle = await fs.open(file, 'r');
    let size: number;
    try {
      await handle.datasync();
      ({ size } = await handle.stat());
    } finally {
      await handle.close();
    }
    return { size, sha256: await this.hasher.digest(uploadId, file, size) };
  }

  override async remove(uploadId: string): Promise<void> {
    this.hasher.forget(uploadId);
    await super.remove(uploadId);
  }

  /** Starts writing the file back to disk, unless that is already under way. Nothing waits for it. */
  private writeBack(uploadId: string, file: string): void {
    if (this.writingBack.has(uploadId)) return;
    this.writingBack.add(uploadId);
    void fs
      .open(file, 'r')
      .then((handle) => handle.datasync().finally(() => handle.close()))
      .catch(() => undefined) // a failure shows in the fsync that finishes the upload
      .finally(() => this.writingBack.delete(uploadId));
  }

  private fileOf(uploadId: string): string {
    const file = path.join(this.dir, uploadId);
    if (path.dirname(file) !== this.dir) throw ERRORS.FILE_NOT_FOUND;
    return file;
  }
}

export function diskFullWhileReceiving(cause: unknown): UploadsException {
  return new UploadsException(
    UploadsErrorCode.DiskFull,
    'The server ran out of disk space while receiving the file. Ask an administrator to free space, then resume the upload: what arrived is kept.',
    { cause },
  );
}
