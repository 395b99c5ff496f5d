import { Injectable } from '@nestjs/common';
import type { ProcessingStage, VersionStatus } from '@cutroom/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows.js';

export interface StatusChange {
  status: VersionStatus;
  stage?: ProcessingStage | null;
  progress?: number;
  playable?: boolean;
  failureReason?: string | null;
  /** Extra columns set with the change (media, probe, renditions, ready_at). */
  columns?: Record<string, unknown>;
}

const SETTABLE = new Set(['media', 'probe', 'renditions', 'ready_at']);

/** The `versions` columns that processing writes: status, stage, progress, results; and a retry's reset. */
@Injectable()
export class VersionProcessingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async assetOf(versionId: string): Promise<string | undefined> {
    const rows: { asset_id: string }[] = await this.dataSource.query(
      `SELECT asset_id FROM versions WHERE id = $1`,
      [versionId],
    );
    return rows[0]?.asset_id;
  }

  /** Applies a status change; returns the version's asset, or undefined when it was deleted meanwhile. */
  async change(manager: EntityManager, versionId: string, change: StatusChange): Promise<string | undefined> {
    const sets = ['status = $2'];
    const params: unknown[] = [versionId, change.status];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (change.stage !== undefined) set('stage', change.stage);
    if (change.progress !== undefined) set('progress', clampProgress(change.progress));
    if (change.playable !== undefined) set('playable', change.playable);
    if (change.failureReason !== undefined) set('failure_reason', change.failureReason);
    for (const [column, value] of Object.entries(change.columns ?? {})) {
      if (!SETTABLE.has(column)) throw new Error(`version column ${column} cannot be set here`);
      set(
        column,
        value !== null && typeof value === 'object' && !(value instanceof Date)
          ? JSON.stringify(value)
          : value,
      );
    }
    // Not FOR UPDATE: a comment posted meanwhile holds the asset and key-shares this row.
    const rows: { asset_id: string }[] = await manager.query(
      `SELECT asset_id FROM versions WHERE id = $1 FOR NO KEY UPDATE`,
      [versionId],
    );
    if (rows.length === 0) return undefined;
    await manager.query(`UPDATE versions SET ${sets.join(', ')} WHERE id = $1`, params);
    return rows[0].asset_id;
  }

  /** Stores progress on a processing version (for whoever loads the page later). */
  async progress(versionId: string, stage: ProcessingStage, progress: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE versions SET stage = $2, progress = $3 WHERE id = $1 AND status = 'processing'`,
      [versionId, stage, progress],
    );
  }

  /** A failed version goes back to `queued`, its failure forgotten; false if it was not failed. */
  async requeueFailed(manager: EntityManager, versionId: string): Promise<boolean> {
    const requeued = await queryRows<{ id: string }>(
      manager,
      `UPDATE versions SET status = 'queued', failure_reason = NULL, stage = NULL, progress = 0, playable = false
       WHERE id = $1 AND status = 'failed' RETURNING id`,
      [versionId],
    );
    return requeued.length > 0;
  }

  /** Versions whose original is whole (uploaded and hashed): what a rebuild can work from. */
  async withOriginals(versionId?: string): Promise<RebuildableVersion[]> {
    const rows = await this.dataSource.query(
      `SELECT id, status, media->>'kind' AS kind FROM versions
       WHERE sha256 IS NOT NULL AND status <> 'uploading' ${versionId ? 'AND id = $1' : ''}
       ORDER BY created_at, id`,
      versionId ? [versionId] : [],
    );
    return rows as RebuildableVersion[];
  }

  /**
   * A ready or failed version goes back to `queued` to be processed again from its original;
   * it stays playable meanwhile only if its renditions are still there. False otherwise.
   */
  async requeueForRebuild(manager: EntityManager, versionId: string, playable: boolean): Promise<boolean> {
    const requeued = await queryRows<{ id: string }>(
      manager,
      `UPDATE versions SET status = 'queued', failure_reason = NULL, stage = NULL, progress = 0,
              playable = playable AND $2
       WHERE id = $1 AND status IN ('ready', 'failed') AND sha256 IS NOT NULL RETURNING id`,
      [versionId, playable],
    );
    return requeued.length > 0;
  }
}

export interface RebuildableVersion {
  id: string;
  status: string;
  /** video, audio or still once probed; null if it never was. */
  kind: string | null;
}

export function clampProgress(progress: number): number {
  return Math.max(0, Math.min(100, Math.round(progress * 10) / 10));
}
