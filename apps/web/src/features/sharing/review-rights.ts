import type { GuestAccess, ProjectRole } from '@cutroom/contracts';

/**
 * What the review page offers the caller. The API enforces the same rules; this only decides what
 * to show. A guest writes like a reviewer when their link grants commenting, and decides like
 * one when it grants approving — never more.
 */
export interface ReviewRights {
  /** The role comments are shown and written with; null while the project loads. */
  commentRole: ProjectRole | null;
  /** The role the approval panel works with; null while the project loads. */
  decisionRole: ProjectRole | null;
  canDownload: boolean;
  /** Internal notes: the team's own, never offered to guests. */
  canPostInternal: boolean;
  /** Members only: upload, mention, see the project. */
  isGuest: boolean;
}

export function memberRights(role: ProjectRole | null): ReviewRights {
  return { commentRole: role, decisionRole: role, canDownload: true, canPostInternal: true, isGuest: false };
}

export function guestRights(guest: GuestAccess): ReviewRights {
  return {
    commentRole: guest.permissions.includes('comment') ? 'reviewer' : 'viewer',
    decisionRole: guest.permissions.includes('approve') ? 'reviewer' : 'viewer',
    canDownload: guest.permissions.includes('download'),
    canPostInternal: false,
    isGuest: true,
  };
}
