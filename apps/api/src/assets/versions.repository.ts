import { Injectable } from '@nestjs/common';
import type { VersionStatus } from '@cutroom/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** A version by its place in its asset's order. */
export interface NumberedVersion {
  id: string;
  number: number;
  createdAt: Date;
  status: VersionStatus;
}

/**
 * Reads of the `versions` table for other contexts (revision rounds, activity): where a version
 * stands among its asset's others. Access is the caller's to check (AssetsService.require*).
 */
@Injectable()
export class VersionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The version before this one of the same asset, if any. */
  async previous(
    versionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; number: number } | null> {
    const rows: { id: string; number: number }[] = await manager.query(
      `SELECT p.id, p.number FROM versions v JOIN versions p ON p.asset_id = v.asset_id AND p.number < v.number
       WHERE v.id = $1 ORDER BY p.number DESC LIMIT 1`,
      [versionId],
    );
    return rows[0] ?? null;
  }

  /** Every version of an asset, oldest first. */
  async numbered(assetId: string): Promise<NumberedVersion[]> {
    const rows: { id: string; number: number; created_at: Date; status: VersionStatus }[] =
      await this.dataSource.query(
        `SELECT id, number, created_at, status FROM versions WHERE asset_id = $1 ORDER BY number`,
        [assetId],
      );
    return rows.map((row) => ({
      id: row.id,
      number: row.number,
      createdAt: row.created_at,
      status: row.status,
    }));
  }
}
