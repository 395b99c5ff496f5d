import type { VersionStatus } from '@cutroom/contracts';
import type { EntityManager } from 'typeorm';

/** A cut as the rounds board reads it: its round under review and what surrounds it. */
export interface CutRound {
  assetId: string;
  projectId: string;
  assetName: string;
  createdBy: string | null;
  /** When its newest version was uploaded or became ready. */
  versionAt: Date;
  /** The newest ready version: the round under review. */
  versionId: string;
  versionNumber: number;
  /** Its place among the cut's versions that remain. */
  round: number;
  readyAt: Date;
  uploadedBy: string | null;
  /** The version before it (any status): whose open notes it carries over. */
  previousVersionId: string | null;
  /** The newest version after it, if any (on its way, or failed). */
  newer: { number: number; status: VersionStatus } | null;
}

interface CutRoundRow {
  asset_id: string;
  project_id: string;
  name: string;
  created_by: string | null;
  version_at: Date;
  version_id: string | null;
  number: number | null;
  round: string | null;
  ready_at: Date | null;
  uploaded_by: string | null;
  previous_id: string | null;
  newer_number: number | null;
  newer_status: VersionStatus | null;
}

/**
 * Every cut of these projects (not in Recently deleted; `assetIds`: only these), each with its
 * newest ready version, the version before that and any newer one, in one statement; cuts with no
 * ready version come back as a count. Access is the caller's to check.
 */
export async function cutRoundsOfProjects(
  manager: EntityManager,
  projectIds: readonly string[],
  assetIds?: readonly string[],
): Promise<{ cuts: CutRound[]; notReady: Map<string, number> }> {
  if (projectIds.length === 0 || assetIds?.length === 0) return { cuts: [], notReady: new Map() };
  const rows: CutRoundRow[] = await manager.query(
    `SELECT a.id AS asset_id, a.project_id, a.name, a.created_by,
            (SELECT max(coalesce(ready_at, created_at)) FROM versions w WHERE w.asset_id = a.id) AS version_at,
            cur.id AS version_id, cur.number, cur.ready_at, cur.uploaded_by,
            (SELECT count(*) FROM versions r WHERE r.asset_id = a.id AND r.number <= cur.number) AS round,
            prev.id AS previous_id, newer.number AS newer_number, newer.status AS newer_status
     FROM assets a
     LEFT JOIN LATERAL (
       SELECT id, number, coalesce(ready_at, created_at) AS ready_at, uploaded_by FROM versions
       WHERE asset_id = a.id AND status = 'ready' ORDER BY number DESC LIMIT 1) cur ON true
     LEFT JOIN LATERAL (
       SELECT id FROM versions WHERE asset_id = a.id AND number < cur.number
       ORDER BY number DESC LIMIT 1) prev ON true
     LEFT JOIN LATERAL (
       SELECT number, status FROM versions WHERE asset_id = a.id AND number > coalesce(cur.number, 0)
       ORDER BY number DESC LIMIT 1) newer ON true
     WHERE a.project_id = ANY ($1::uuid[]) AND a.deleted_at IS NULL AND ($2::uuid[] IS NULL OR a.id = ANY ($2))
     ORDER BY a.updated_at DESC, a.id`,
    [projectIds, assetIds ?? null],
  );
  const cuts: CutRound[] = [];
  const notReady = new Map<string, number>();
  for (const row of rows) {
    if (row.version_id === null || row.number === null || row.ready_at === null) {
      notReady.set(row.project_id, (notReady.get(row.project_id) ?? 0) + 1);
      continue;
    }
    cuts.push({
      assetId: row.asset_id,
      projectId: row.project_id,
      assetName: row.name,
      createdBy: row.created_by,
      versionAt: row.version_at,
      versionId: row.version_id,
      versionNumber: row.number,
      round: Number(row.round),
      readyAt: row.ready_at,
      uploadedBy: row.uploaded_by,
      previousVersionId: row.previous_id,
      newer: row.newer_number === null ? null : { number: row.newer_number, status: row.newer_status! },
    });
  }
  return { cuts, notReady };
}

/** A version beside the round its cut is in (its newest ready version; null while none is ready). */
export interface VersionBesideRound {
  assetId: string;
  number: number;
  status: VersionStatus;
  current: { versionId: string; number: number } | null;
}

export async function versionBesideRound(
  manager: EntityManager,
  versionId: string,
): Promise<VersionBesideRound | undefined> {
  const [row]: {
    asset_id: string;
    number: number;
    status: VersionStatus;
    current_id: string | null;
    current_number: number | null;
  }[] = await manager.query(
    `SELECT v.asset_id::text, v.number, v.status, cur.id::text AS current_id, cur.number AS current_number
     FROM versions v
     LEFT JOIN LATERAL (
       SELECT id, number FROM versions WHERE asset_id = v.asset_id AND status = 'ready'
       ORDER BY number DESC LIMIT 1) cur ON true
     WHERE v.id = $1`,
    [versionId],
  );
  return (
    row && {
      assetId: row.asset_id,
      number: row.number,
      status: row.status,
      current: row.current_id === null ? null : { versionId: row.current_id, number: row.current_number! },
    }
  );
}

/** The round a cut is in: its newest ready version, or undefined while none is ready. */
export async function currentRoundOf(
  manager: EntityManager,
  assetId: string,
): Promise<{ versionId: string; number: number } | undefined> {
  const [row]: { id: string; number: number }[] = await manager.query(
    `SELECT id::text, number FROM versions WHERE asset_id = $1 AND status = 'ready' ORDER BY number DESC LIMIT 1`,
    [assetId],
  );
  return row && { versionId: row.id, number: row.number };
}
