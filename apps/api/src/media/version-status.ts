import { Injectable } from '@nestjs/common';
import type { ProcessingStage, VersionStatus } from '@cutroom/contracts';
import { DataSource } from 'typeorm';
import { AssetsService } from '../assets/assets.service.js';
import { appendEvent, PROGRESS_CHANNEL } from '../realtime/event-log.js';

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

/** Every persisted change of a version's processing state, each with its event, in one transaction. */
@Injectable()
export class VersionStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
  ) {}

  async assetOf(versionId: string): Promise<string | undefined> {
    const rows: { asset_id: string }[] = await this.dataSource.query(
      `SELECT asset_id FROM versions WHERE id = $1`,
      [versionId],
    );
    return rows[0]?.asset_id;
  }

  async change(versionId: string, change: StatusChange): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const sets = ['status = $2'];
      const params: unknown[] = [versionId, change.status];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (change.stage !== undefined) set('stage', change.stage);
      if (change.progress !== undefined) set('progress', clamp(change.progress));
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
      if (rows.length === 0) return; // deleted while processing: nothing to tell anyone
      await manager.query(`UPDATE versions SET ${sets.join(', ')} WHERE id = $1`, params);
      const version = await this.assets.loadVersion(manager, versionId);
      await appendEvent(manager, {
        assetId: rows[0].asset_id,
        type: 'version.updated',
        actorId: null,
        payload: { version },
      });
    });
  }

  /** Progress is stored on the row (for whoever loads the page later) and pushed live, not logged as events. */
  async progress(
    assetId: string,
    versionId: string,
    stage: ProcessingStage,
    progress: number,
    playable: boolean,
  ): Promise<void> {
    const value = clamp(progress);
    await this.dataSource.query(
      `UPDATE versions SET stage = $2, progress = $3 WHERE id = $1 AND status = 'processing'`,
      [versionId, stage, value],
    );
    await this.dataSource.query(`SELECT pg_notify($1, $2)`, [
      PROGRESS_CHANNEL,
      JSON.stringify({ assetId, versionId, stage, progress: value, playable }),
    ]);
  }
}

function clamp(progress: number): number {
  return Math.max(0, Math.min(100, Math.round(progress * 10) / 10));
}
