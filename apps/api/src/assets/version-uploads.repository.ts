import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows.js';

/** A version as its upload knows it (by the tus upload id). */
export interface UploadedVersion {
  id: string;
  assetId: string;
  status: string;
  uploadedBy: string | null;
}

export interface NewUploadVersion {
  uploadId: string;
  filename: string;
  sizeBytes: number;
  uploadedBy: string;
}

/** The `versions` rows of uploads: a version is born `uploading`, then queued, or removed if cancelled. */
@Injectable()
export class VersionUploadsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds the asset's next version as `uploading`, numbered under the asset's row lock. */
  async insert(manager: EntityManager, assetId: string, upload: NewUploadVersion): Promise<string> {
    await manager.query(`SELECT id FROM assets WHERE id = $1 FOR UPDATE`, [assetId]);
    const [{ next }]: { next: number }[] = await manager.query(
      `SELECT coalesce(max(number), 0) + 1 AS next FROM versions WHERE asset_id = $1`,
      [assetId],
    );
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO versions (asset_id, number, status, upload_id, original_filename, size_bytes, uploaded_by)
         VALUES ($1, $2, 'uploading', $3, $4, $5, $6) RETURNING id`,
      [assetId, next, upload.uploadId, upload.filename, upload.sizeBytes, upload.uploadedBy],
    );
    return row.id;
  }

  async byUpload(uploadId: string): Promise<UploadedVersion | undefined> {
    const rows: { id: string; asset_id: string; status: string; uploaded_by: string | null }[] =
      await this.dataSource.query(
        `SELECT id, asset_id, status, uploaded_by FROM versions WHERE upload_id = $1`,
        [uploadId],
      );
    const row = rows[0];
    return row && { id: row.id, assetId: row.asset_id, status: row.status, uploadedBy: row.uploaded_by };
  }

  /**
   * The whole file arrived: the version is queued with its size and hash. Once: a later (or
   * concurrent: it waits for the first) call changes nothing and answers false.
   */
  async markQueued(
    manager: EntityManager,
    versionId: string,
    sizeBytes: number,
    sha256: string,
  ): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE versions SET status = 'queued', size_bytes = $2, sha256 = $3
         WHERE id = $1 AND status = 'uploading' RETURNING id`,
      [versionId, sizeBytes, sha256],
    );
    return rows.length > 0;
  }

  /** Removes the upload's version while it is still `uploading`; returns what was removed. */
  async removeUploading(manager: EntityManager, uploadId: string): Promise<UploadedVersion[]> {
    const rows = await queryRows<{ id: string; asset_id: string; uploaded_by: string | null }>(
      manager,
      `DELETE FROM versions WHERE upload_id = $1 AND status = 'uploading' RETURNING id, asset_id, uploaded_by`,
      [uploadId],
    );
    return rows.map((row) => ({
      id: row.id,
      assetId: row.asset_id,
      status: 'uploading',
      uploadedBy: row.uploaded_by,
    }));
  }
}
