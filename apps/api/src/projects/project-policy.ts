import type { ProjectRole } from '@cutroom/contracts';

/** Everything a project member may try to do. Later contexts add their actions here. */
export type ProjectAction =
  | 'project.view'
  | 'project.rename'
  | 'project.delete'
  | 'members.view'
  | 'members.manage'
  | 'assets.upload'
  | 'assets.manage'
  | 'comments.write'
  | 'approvals.decide';

const allowedRoles: Record<ProjectAction, readonly ProjectRole[]> = {
  'project.view': ['owner', 'editor', 'reviewer', 'viewer'],
  'project.rename': ['owner', 'editor'],
  'project.delete': ['owner'],
  'members.view': ['owner', 'editor', 'reviewer', 'viewer'],
  'members.manage': ['owner'],
  'assets.upload': ['owner', 'editor'],
  'assets.manage': ['owner', 'editor'],
  'comments.write': ['owner', 'editor', 'reviewer'],
  'approvals.decide': ['owner', 'editor', 'reviewer'],
};

export function can(role: ProjectRole, action: ProjectAction): boolean {
  return allowedRoles[action].includes(role);
}

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
