import type { ProjectRole } from '@cutroom/contracts';
import type { EntityManager } from 'typeorm';

export interface MemberRow {
  userId: string;
  email: string;
  displayName: string;
  role: ProjectRole;
  addedAt: Date;
}

/**
 * A project's members (or one of them), by role (owner first), then name: the one read of
 * `project_members` as a list, for projects and for contexts that need the list (approvals).
 * Access is the caller's to check.
 */
export async function projectMembers(
  manager: EntityManager,
  projectId: string,
  userId?: string,
): Promise<MemberRow[]> {
  const rows: { id: string; email: string; display_name: string; role: ProjectRole; added_at: Date }[] =
    await manager.query(
      `SELECT u.id, u.email, u.display_name, m.role, m.added_at
       FROM project_members m JOIN users u ON u.id = m.user_id
       WHERE m.project_id = $1 AND ($2::uuid IS NULL OR m.user_id = $2)
       ORDER BY array_position(ARRAY['owner','editor','reviewer','viewer'], m.role), lower(u.display_name), u.id`,
      [projectId, userId ?? null],
    );
  return rows.map((row) => ({
    userId: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    addedAt: row.added_at,
  }));
}

/** The members of each of these projects, in {@link projectMembers}' order, in one read. */
export async function membersOfProjects(
  manager: EntityManager,
  projectIds: readonly string[],
): Promise<Map<string, MemberRow[]>> {
  const members = new Map<string, MemberRow[]>(projectIds.map((id) => [id, []]));
  if (projectIds.length === 0) return members;
  const rows: {
    project_id: string;
    id: string;
    email: string;
    display_name: string;
    role: ProjectRole;
    added_at: Date;
  }[] = await manager.query(
    `SELECT m.project_id::text, u.id, u.email, u.display_name, m.role, m.added_at
     FROM project_members m JOIN users u ON u.id = m.user_id
     WHERE m.project_id = ANY ($1::uuid[])
     ORDER BY m.project_id,
              array_position(ARRAY['owner','editor','reviewer','viewer'], m.role), lower(u.display_name), u.id`,
    [projectIds],
  );
  for (const row of rows) {
    members.get(row.project_id)?.push({
      userId: row.id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      addedAt: row.added_at,
    });
  }
  return members;
}
