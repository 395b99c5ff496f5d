import type { EntityManager } from 'typeorm';

/** Writes and reads of review-link guests' `sessions`, for sharing and the sockets it tells. */

/** A link's guests' live sessions end no later than the link: from their start plus the TTL, capped at its end. */
export async function capLinkSessions(
  manager: EntityManager,
  linkId: string,
  sessionTtlMs: number,
  linkExpiresAt: Date | null,
): Promise<void> {
  await manager.query(
    `UPDATE sessions s
     SET expires_at = least(s.created_at + $2 * interval '1 millisecond', coalesce($3::timestamptz, 'infinity'))
     FROM users u WHERE u.id = s.user_id AND u.guest_link_id = $1 AND s.revoked_at IS NULL`,
    [linkId, sessionTtlMs, linkExpiresAt],
  );
}

/** When each of these sessions ends (ISO), by session id; unknown ids are left out. */
export async function sessionEnds(
  manager: EntityManager,
  sessionIds: string[],
): Promise<Map<string, string>> {
  const rows: { id: string; expires_at: Date }[] = await manager.query(
    `SELECT id, expires_at FROM sessions WHERE id = ANY ($1::uuid[])`,
    [sessionIds],
  );
  return new Map(rows.map((row) => [row.id, row.expires_at.toISOString()]));
}
