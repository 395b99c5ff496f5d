import type { EntityManager } from 'typeorm';

/** Notes posted at one frame of a version. */
export interface NotesAtFrame {
  versionId: string;
  frame: number;
  /** Notes everyone on the cut may read. */
  notes: number;
  internalNotes: number;
}

/**
 * Where notes (not replies) were posted on a cut by some people over a stretch of time — a live
 * session's frames with notes — in the order the first note at each was posted, at most `limit`.
 * Access is the caller's to check.
 */
export async function notesByFrameBetween(
  manager: EntityManager,
  assetId: string,
  authorIds: readonly string[],
  from: Date,
  to: Date,
  limit: number,
): Promise<NotesAtFrame[]> {
  if (authorIds.length === 0) return [];
  const rows: { version_id: string; frame: number; notes: string; internal_notes: string }[] =
    await manager.query(
      `SELECT version_id, frame,
              count(*) FILTER (WHERE NOT internal) AS notes, count(*) FILTER (WHERE internal) AS internal_notes
         FROM comments
        WHERE asset_id = $1 AND parent_id IS NULL AND frame IS NOT NULL AND author_id = ANY ($2::uuid[])
          AND created_at >= $3 AND created_at <= $4
        GROUP BY version_id, frame
        ORDER BY min(created_at), version_id, frame
        LIMIT $5`,
      [assetId, authorIds, from, to, limit],
    );
  return rows.map((row) => ({
    versionId: row.version_id,
    frame: row.frame,
    notes: Number(row.notes),
    internalNotes: Number(row.internal_notes),
  }));
}
