import type { ProjectRole } from '@cutroom/contracts';
import { can } from './role-matrix';

export type MemberChangeRefusal = 'not_allowed' | 'last_owner';

export interface MemberChange {
  actor: { userId: string; role: ProjectRole };
  target: { userId: string; role: ProjectRole };
  /** The target's new role, or null to remove them from the project. */
  newRole: ProjectRole | null;
  ownerCount: number;
}

/**
 * Whether a member change may happen. Owners manage everyone; anyone may leave;
 * a project never loses its last owner.
 */
export function refuseMemberChange(change: MemberChange): MemberChangeRefusal | undefined {
  const { actor, target, newRole, ownerCount } = change;
  const isSelf = actor.userId === target.userId;
  const leaving = isSelf && newRole === null;
  if (!leaving && !can(actor.role, 'members.manage')) return 'not_allowed';
  const losesOwner = target.role === 'owner' && newRole !== 'owner';
  if (losesOwner && ownerCount <= 1) return 'last_owner';
  return undefined;
}

/** True when `userId` is the project's only owner, so leaving or stepping down would orphan it. */
export function isOnlyOwner(
  members: readonly { role: ProjectRole; user: { id: string } }[],
  userId: string,
): boolean {
  const owners = members.filter((member) => member.role === 'owner');
  return owners.length === 1 && owners[0].user.id === userId;
}
