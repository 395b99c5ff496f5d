import type { Member, ProjectRole, Version } from '@cutroom/contracts';
import { versionLabel } from '../assets/version-status';

// The API enforces the same rules (apps/api/src/approvals/approval-policy.ts); these decide what to offer.

/** Owners, editors and reviewers approve or request changes; viewers only watch. */
export function mayDecide(role: ProjectRole): boolean {
  return role !== 'viewer';
}

/** Owners and editors, who run the project's work, choose who must approve. */
export function mayChooseApprovers(role: ProjectRole): boolean {
  return role === 'owner' || role === 'editor';
}

/** Marking a note of vN addressed in vN+1: owners and editors, or the note's author if they may comment. */
export function mayMarkAddressed(role: ProjectRole, userId: string, authorId: string | null): boolean {
  if (role === 'owner' || role === 'editor') return true;
  return role !== 'viewer' && authorId === userId;
}

/** The members who can be required approvers: those allowed to decide. */
export function eligibleApprovers<T extends Pick<Member, 'role'>>(members: readonly T[]): T[] {
  return members.filter((member) => mayDecide(member.role));
}

/**
 * Why a decision cannot be made on this version now, or null when it can: only the newest version's
 * round is open, and only once it can be watched.
 */
export function decisionBlocker(
  version: Pick<Version, 'number' | 'status' | 'playable'>,
  newestNumber: number,
): string | null {
  if (version.number < newestNumber) {
    return `${versionLabel(version)} has been replaced by v${newestNumber}: decisions are made on the newest version.`;
  }
  if (version.status !== 'ready' && !version.playable) {
    return `${versionLabel(version)} cannot be watched yet: decide once it has been processed.`;
  }
  return null;
}
