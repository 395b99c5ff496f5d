import type { ProjectRole } from '@cutroom/contracts';
import { type AccessRole, can } from './role-matrix';

export interface Actor {
  userId: string;
  role: AccessRole;
}

export interface ProjectMemberRole {
  userId: string;
  role: ProjectRole;
}

/** Owners, editors and reviewers approve or request changes; viewers only watch. */
export function mayDecide(role: AccessRole): boolean {
  return can(role, 'approvals.decide');
}

/**
 * Whether a decision on record counts toward a round's state. A member's counts while their role
 * lets them decide (someone demoted to viewer stops moving the cut). A guest's was allowed when it
 * was made and counts for good: turning their link off or narrowing it later changes what they
 * may do next, not what they decided, so the state and the history never disagree.
 */
export function decisionCounts(decider: { memberRole: ProjectRole | null; guest: boolean }): boolean {
  if (decider.guest) return true;
  return decider.memberRole !== null && mayDecide(decider.memberRole);
}

/** The people who run the project's work (owners and editors) choose who must approve. */
export function mayChooseApprovers(role: AccessRole): boolean {
  return can(role, 'assets.manage');
}

/**
 * Marking a note of vN "addressed in vN+1" is the answer to it: owners and editors (who make the
 * cut) may, and so may the note's author while they can still comment. Viewers never may.
 */
export function mayMarkAddressed(actor: Actor, authorId: string | null): boolean {
  if (actor.role === 'owner' || actor.role === 'editor') return true;
  return actor.userId === authorId && can(actor.role, 'comments.write');
}

/** The members who can be required approvers: those allowed to decide, in the given order. */
export function eligibleApprovers<T extends { role: ProjectRole }>(members: readonly T[]): T[] {
  return members.filter((member) => mayDecide(member.role));
}

/**
 * The required approvers in effect: the listed people who are still members allowed to decide,
 * in the list's order. Someone demoted to viewer stops blocking the round instead of blocking
 * it forever.
 */
export function effectiveApprovers(
  listedIds: readonly string[],
  members: readonly ProjectMemberRole[],
): string[] {
  const deciders = new Set(members.filter((m) => mayDecide(m.role)).map((m) => m.userId));
  return [...new Set(listedIds)].filter((id) => deciders.has(id));
}

/** Ids that cannot be required approvers: not members, or members who may not decide. */
export function ineligibleApprovers(
  userIds: readonly string[],
  members: readonly ProjectMemberRole[],
): string[] {
  const eligible = new Set(effectiveApprovers(userIds, members));
  return userIds.filter((id) => !eligible.has(id));
}
