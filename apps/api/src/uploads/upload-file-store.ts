import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { ERRORS, type Upload } from '@tus/server';
import { isDiskFull } from '../media/disk-full.js';
import { UploadsErrorCode, UploadsException } from './uploads.exception.js';

/**
 * tus's FileStore, except that a full disk is told apart from other write failures (tus reports
 * every one as "Something went wrong"). The bytes that did fit stay: the upload resumes from them.
 * An upload whose file cannot even be created leaves no version (or new asset) behind.
 */
export class UploadFileStore extends FileStore {
  constructor(
    private readonly dir: string,
    /** The upload's rows exist by now (tus creates the file after onUploadCreate): take them back. */
    private readonly onCreateFailed: (upload: Upload) => Promise<void>,
  ) {
    super({ directory: dir });
  }

  override async create(upload: Upload): Promise<Upload> {
    try {
      return await super.create(upload);
    } catch (error) {
      await this.onCreateFailed(upload);
      await fs.rm(path.join(this.dir, upload.id), { force: true });
      if (!isDiskFull(error)) throw error;
      throw new UploadsException(
        UploadsErrorCode.DiskFull,
        "The server's disk is full: the upload could not start. Ask an administrator to free space, then upload the file again.",
        { cause: error },
      );
    }
  }

  override async write(readable: Readable, uploadId: string, offset: number): Promise<number> {
    const file = path.join(this.dir, uploadId);
    if (path.dirname(file) !== this.dir) throw ERRORS.FILE_NOT_FOUND;
    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(readable, counter, createWriteStream(file, { flags: 'r+', start: offset }));
    } catch (error) {
      if (isDiskFull(error)) throw diskFullWhileReceiving(error);
      throw ERRORS.FILE_WRITE_ERROR;
    }
    return offset + received;
  }
}

export function diskFullWhileReceiving(cause: unknown): UploadsException {
  return new UploadsException(
    UploadsErrorCode.DiskFull,
    'The server ran out of disk space while receiving the file. Ask an administrator to free space, then resume the upload: what arrived is kept.',
    { cause },
  );
}
