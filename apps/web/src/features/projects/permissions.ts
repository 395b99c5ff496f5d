import type { Member, ProjectRole } from '@cutroom/contracts';

/** What the caller may do in a project; the API enforces the same rules, this only decides what to show. */
export interface ProjectPermissions {
  canRename: boolean;
  canDelete: boolean;
  canManageMembers: boolean;
  /** Upload new cuts and new versions of existing ones. */
  canUpload: boolean;
  /** Make, list and turn off review links for people without an account. */
  canShare: boolean;
}

export function permissionsFor(role: ProjectRole): ProjectPermissions {
  return {
    canRename: role === 'owner' || role === 'editor',
    canDelete: role === 'owner',
    canManageMembers: role === 'owner',
    canUpload: role === 'owner' || role === 'editor',
    canShare: role === 'owner' || role === 'editor',
  };
}

/** True when `userId` is the project's only owner, so leaving or stepping down would orphan it. */
export function isOnlyOwner(members: readonly Member[], userId: string): boolean {
  const owners = members.filter((member) => member.role === 'owner');
  return owners.length === 1 && owners[0].user.id === userId;
}
