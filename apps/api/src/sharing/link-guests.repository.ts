import type { LinkPermission } from '@cutroom/contracts';
import type { EntityManager } from 'typeorm';

/** A project's review-link guests, whatever became of their links since (revoked, expired). */
export async function projectGuestIds(manager: EntityManager, projectId: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT u.id FROM users u JOIN review_links l ON l.id = u.guest_link_id WHERE l.project_id = $1`,
    [projectId],
  );
  return rows.map((row) => row.id);
}

/** {@link projectGuestIds} of each of these projects, in one read. */
export async function guestIdsOfProjects(
  manager: EntityManager,
  projectIds: readonly string[],
): Promise<Map<string, string[]>> {
  const guests = new Map<string, string[]>(projectIds.map((id) => [id, []]));
  if (projectIds.length === 0) return guests;
  const rows: { project_id: string; id: string }[] = await manager.query(
    `SELECT l.project_id::text, u.id FROM users u JOIN review_links l ON l.id = u.guest_link_id
     WHERE l.project_id = ANY ($1::uuid[])`,
    [projectIds],
  );
  for (const row of rows) guests.get(row.project_id)?.push(row.id);
  return guests;
}

/** What a link grants now (undefined once it is deleted). */
export async function linkGrant(
  manager: EntityManager,
  linkId: string,
): Promise<{ permissions: LinkPermission[]; expiresAt: Date | null; showTeamActivity: boolean } | undefined> {
  const [link]: { permissions: LinkPermission[]; expires_at: Date | null; show_team_activity: boolean }[] =
    await manager.query(
      `SELECT permissions, expires_at, show_team_activity FROM review_links WHERE id = $1`,
      [linkId],
    );
  return (
    link && {
      permissions: link.permissions,
      expiresAt: link.expires_at,
      showTeamActivity: link.show_team_activity,
    }
  );
}
