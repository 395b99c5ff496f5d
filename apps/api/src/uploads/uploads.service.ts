import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { type UploadMetadata, uploadMetadataSchema } from '@cutroom/contracts';
import { DataSource } from 'typeorm';
import { AssetsService } from '../assets/assets.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { Logger } from '../common/logging/logger.js';
import { ValidationException } from '../common/validation/validation.exception.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken, LoggerToken } from '../config/config.provider.js';
import { jobQueue } from '../media/job-queue.js';
import { MediaStorage } from '../media/media-storage.js';
import { ProjectsService } from '../projects/projects.service.js';
import { queryRows } from '../database/query-rows.js';
import { appendEvent } from '../realtime/event-log.js';
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
      await manager.query(`SELECT id FROM assets WHERE id = $1 FOR UPDATE`, [assetId]);
      const [{ next }]: { next: number }[] = await manager.query(
        `SELECT coalesce(max(number), 0) + 1 AS next FROM versions WHERE asset_id = $1`,
        [assetId],
      );
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO versions (asset_id, number, status, upload_id, original_filename, size_bytes, uploaded_by)
           VALUES ($1, $2, 'uploading', $3, $4, $5, $6) RETURNING id`,
        [assetId, next, uploadId, metadata.filename, size ?? 0, user.id],
      );
      const version = await this.assets.loadVersion(manager, row.id);
      await appendEvent(manager, {
        assetId,
        type: 'version.created',
        actorId: user.id,
        payload: { version },
      });
      return { versionId: row.id, assetId };
    });
    const { versionId, assetId } = accepted;
    this.logger.info({ versionId, assetId, uploadId, size }, 'upload accepted');
    return accepted;
  }

  /** Only the person who started an upload may resume, inspect or cancel it. */
  async requireOwnUpload(user: AuthenticatedUser, uploadId: string): Promise<void> {
    const rows: { uploaded_by: string | null }[] = await this.dataSource.query(
      `SELECT uploaded_by FROM versions WHERE upload_id = $1`,
      [uploadId],
    );
    if (rows.length === 0 || rows[0].uploaded_by !== user.id) {
      throw new UploadsException(UploadsErrorCode.UploadNotFound, 'No such upload, or it is not yours.');
    }
  }

  /**
   * The last byte arrived: move the file under its version, hash it, queue processing.
   * Safe to call twice: a version that is no longer `uploading` is left alone.
   */
  async complete(uploadId: string, storedPath: string): Promise<void> {
    const rows: { id: string; asset_id: string; status: string; uploaded_by: string | null }[] =
      await this.dataSource.query(
        `SELECT id, asset_id, status, uploaded_by FROM versions WHERE upload_id = $1`,
        [uploadId],
      );
    const version = rows[0];
    if (!version || version.status !== 'uploading') return;
    const original = this.storage.originalPath(version.id);
    await fs.mkdir(path.dirname(original), { recursive: true });
    await fs.rename(storedPath, original);
    await fs.rm(`${storedPath}.json`, { force: true });
    const { size } = await fs.stat(original);
    const sha256 = await hashFile(original);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE versions SET status = 'queued', size_bytes = $2, sha256 = $3 WHERE id = $1 AND status = 'uploading'`,
        [version.id, size, sha256],
      );
      const updated = await this.assets.loadVersion(manager, version.id);
      await appendEvent(manager, {
        assetId: version.asset_id,
        type: 'version.updated',
        actorId: version.uploaded_by,
        payload: { version: updated },
      });
      await jobQueue.enqueue(manager, version.id);
    });
    this.logger.info({ versionId: version.id, size, sha256 }, 'upload complete; processing queued');
  }

  /** The uploader cancelled: the half-uploaded version disappears from the stack, for everyone. */
  async cancel(uploadId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const removed = await queryRows<{ id: string; asset_id: string; uploaded_by: string | null }>(
        manager,
        `DELETE FROM versions WHERE upload_id = $1 AND status = 'uploading' RETURNING id, asset_id, uploaded_by`,
        [uploadId],
      );
      for (const version of removed) {
        await appendEvent(manager, {
          assetId: version.asset_id,
          type: 'version.deleted',
          actorId: version.uploaded_by,
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

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
