import type { ProjectRole } from '@cutroom/contracts';
import type { EntityManager } from 'typeorm';

/** Postgres channel: people who can no longer see a project, or whose role in it changed, sent on commit. */
export const ACCESS_CHANNEL = 'cutroom_access';
// NOTIFY payloads are capped at 8000 bytes: about 40 bytes a user id.
const USERS_PER_NOTICE = 150;

export interface AccessLostNotice {
  projectId: string;
  userIds: string[];
}

/** A member's new role: their sockets already in the project's rooms act by it from then on. */
export interface RoleChangedNotice {
  projectId: string;
  userId: string;
  role: ProjectRole;
}

/** Someone joined a project: their own sockets hear of it, so it shows in their list at once. */
export interface JoinedNotice {
  projectId: string;
  joinedUserId: string;
}

export type AccessNotice = AccessLostNotice | RoleChangedNotice | JoinedNotice;

/**
 * Inside the transaction that removes someone from a project (or deletes it): once it commits,
 * every api node takes those people's sockets out of the project's rooms, so nothing more of it
 * reaches them live.
 */
export async function announceAccessLost(
  manager: EntityManager,
  projectId: string,
  userIds: string[],
): Promise<void> {
  for (let start = 0; start < userIds.length; start += USERS_PER_NOTICE) {
    const notice: AccessLostNotice = { projectId, userIds: userIds.slice(start, start + USERS_PER_NOTICE) };
    await manager.query(`SELECT pg_notify($1, $2)`, [ACCESS_CHANNEL, JSON.stringify(notice)]);
  }
}

/** Inside the transaction that changes a member's role: once it commits, every api node applies it. */
export async function announceRoleChanged(manager: EntityManager, notice: RoleChangedNotice): Promise<void> {
  await manager.query(`SELECT pg_notify($1, $2)`, [ACCESS_CHANNEL, JSON.stringify(notice)]);
}

/** Once the membership commits (or at once, outside a transaction): the new member's sockets hear it. */
export async function announceJoined(manager: EntityManager, notice: JoinedNotice): Promise<void> {
  await manager.query(`SELECT pg_notify($1, $2)`, [ACCESS_CHANNEL, JSON.stringify(notice)]);
}
