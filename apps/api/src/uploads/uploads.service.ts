import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { type UploadMetadata, uploadMetadataSchema } from '@cutroom/contracts';
import { DataSource } from 'typeorm';
import { AssetsService } from '../assets/assets.service.js';
import { VersionUploadsRepository } from '../assets/version-uploads.repository.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { Logger } from '../common/logging/logger.js';
import { formatBytes } from '../common/text/format-bytes.js';
import { ValidationException } from '../common/validation/validation.exception.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken, LoggerToken } from '../config/config.provider.js';
import { jobQueue } from '../media/job-queue.js';
import { MediaStorage } from '../media/media-storage.js';
import { ProjectsService } from '../projects/projects.service.js';
import { appendEvent } from '../events/event-log.js';
import type { SealedUpload } from './upload-file-store.js';
import { UploadsErrorCode, UploadsException } from './uploads.exception.js';

export interface AcceptedUpload {
  versionId: string;
  assetId: string;
}

/** The rules of uploading: who may, where a file goes, and what happens once it is whole. */
@Injectable()
export class UploadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
    private readonly versionRows: VersionUploadsRepository,
    private readonly projects: ProjectsService,
    private readonly storage: MediaStorage,
    @Inject(AppConfigToken) private readonly config: AppConfig,
    @Inject(LoggerToken) private readonly logger: Logger,
  ) {}

  parseMetadata(raw: Record<string, string | null> | undefined): UploadMetadata {
    const parsed = uploadMetadataSchema.safeParse(
      Object.fromEntries(Object.entries(raw ?? {}).filter(([, value]) => value !== null)),
    );
    if (!parsed.success) throw ValidationException.fromZod(parsed.error, 'Upload-Metadata');
    return parsed.data;
  }

  /**
   * Accepts a new upload: checks the caller may upload there, that it fits, creates the asset
   * when the upload starts one, and records the version as `uploading`.
   */
  async accept(
    user: AuthenticatedUser,
    uploadId: string,
    metadata: UploadMetadata,
    size: number | undefined,
  ): Promise<AcceptedUpload> {
    if (size !== undefined && size > this.config.maxUploadBytes) {
      throw new UploadsException(
        UploadsErrorCode.TooLarge,
        `The file is ${formatBytes(size)}; this server accepts up to ${formatBytes(this.config.maxUploadBytes)}.`,
      );
    }
    await this.checkFreeSpace(size ?? 0);
    // The new asset, the version and their events land together or not at all.
    const accepted = await this.dataSource.transaction(async (manager) => {
      let assetId = metadata.assetId;
      if (assetId) {
        await this.assets.requireAsset(user.id, assetId, 'assets.upload', manager);
      } else {
        const projectId = metadata.projectId as string;
        await this.projects.requireRole(user.id, projectId, 'assets.upload', manager);
        const name = metadata.assetName ?? (path.parse(metadata.filename).name || metadata.filename);
        assetId = await this.assets.insert(manager, user.id, projectId, name);
      }
      const versionId = await this.versionRows.insert(manager, assetId, {
        uploadId,
        filename: metadata.filename,
        sizeBytes: size ?? 0,
        uploadedBy: user.id,
      });
      const version = await this.assets.loadVersion(manager, versionId);
      await appendEvent(manager, {
        assetId,
        type: 'version.created',
        actorId: user.id,
        payload: { version },
      });
      return { versionId, assetId };
    });
    const { versionId, assetId } = accepted;
    this.logger.info({ versionId, assetId, uploadId, size }, 'upload accepted');
    return accepted;
  }

  /**
   * Only the person who started an upload may resume, inspect or cancel it. Returns whether its
   * version still waits for its file (`uploading`).
   */
  async requireOwnUpload(user: AuthenticatedUser, uploadId: string): Promise<{ uploading: boolean }> {
    const version = await this.versionRows.byUpload(uploadId);
    if (version?.uploadedBy !== user.id) {
      throw new UploadsException(UploadsErrorCode.UploadNotFound, 'No such upload, or it is not yours.');
    }
    return { uploading: version.status === 'uploading' };
  }

  /**
   * The last byte arrived and is on disk (`sealed`: its size and sha256, hashed as it came in):
   * put the file under its version, durably, and queue processing. The file is linked there, not
   * moved: the caller takes it out of the upload store once this has queued the version. If
   * anything fails before, the upload is still whole where tus keeps it, and the client's next
   * HEAD finishes it (see TusUploadServer). Safe to call again, and at once from two requests: the version is
   * queued, and its processing enqueued, once.
   */
  async complete(uploadId: string, storedPath: string, sealed: SealedUpload): Promise<void> {
    const version = await this.versionRows.byUpload(uploadId);
    if (!version || version.status !== 'uploading') return;
    const original = this.storage.originalPath(version.id);
    const { size, sha256 } = sealed;
    await fs.mkdir(path.dirname(original), { recursive: true });
    const linked = `${original}.${randomBytes(6).toString('hex')}.partial`;
    try {
      await fs.link(storedPath, linked);
    } catch (error) {
      // Finished meanwhile by another request, which took the file out of the store.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !(await this.stillUploading(uploadId)))
        return;
      throw error;
    }
    await fs.rename(linked, original);
    // The new name and the version directory survive a power cut before the row says queued.
    await syncDirectory(path.dirname(original));
    await syncDirectory(path.dirname(path.dirname(original)));
    const queued = await this.dataSource.transaction(async (manager) => {
      if (!(await this.versionRows.markQueued(manager, version.id, size, sha256))) return false;
      const updated = await this.assets.loadVersion(manager, version.id);
      await appendEvent(manager, {
        assetId: version.assetId,
        type: 'version.updated',
        actorId: version.uploadedBy,
        payload: { version: updated },
      });
      await jobQueue.enqueue(manager, version.id);
      return true;
    });
    if (queued)
      this.logger.info({ versionId: version.id, size, sha256 }, 'upload complete; processing queued');
  }

  private async stillUploading(uploadId: string): Promise<boolean> {
    return (await this.versionRows.byUpload(uploadId))?.status === 'uploading';
  }

  /** The uploader cancelled: the half-uploaded version disappears from the stack, for everyone. */
  async cancel(uploadId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const removed = await this.versionRows.removeUploading(manager, uploadId);
      for (const version of removed) {
        await appendEvent(manager, {
          assetId: version.assetId,
          type: 'version.deleted',
          actorId: version.uploadedBy,
          payload: { versionId: version.id },
        });
      }
    });
  }

  /**
   * The upload's rows were written but its file could not be (the disk filled in between): the
   * version leaves the stack, and the asset too when this upload made it.
   */
  async discard(uploadId: string, metadata: Record<string, string | null> | undefined): Promise<void> {
    await this.cancel(uploadId);
    const assetId = metadata?.assetId;
    if (assetId && metadata?.projectId) await this.assets.deleteIfEmpty(assetId, null);
  }

  private async checkFreeSpace(size: number): Promise<void> {
    await this.storage.ensureDirs();
    const stats = await fs.statfs(this.storage.uploadsDir);
    const free = stats.bavail * stats.bsize;
    // The margin leaves room for the renditions and the database.
    if (free < size + this.config.minFreeDiskBytes) {
      throw new UploadsException(
        UploadsErrorCode.DiskFull,
        `The server has ${formatBytes(free)} free, not enough for this ${formatBytes(size)} file. Ask an administrator to free space.`,
      );
    }
  }
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await fs.open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
