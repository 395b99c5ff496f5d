import type { LinkPermission, ProjectRole } from '@cutroom/contracts';
import { can, type GuestRole, type ProjectAction } from './role-matrix';

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

/** A member keeps their project role for everything; while it loads they are offered what every member may do. */
export function memberRights(role: ProjectRole | null): ReviewRights {
  return {
    commentRole: role,
    decisionRole: role,
    canDownload: role === null || can(role, 'media.download'),
    canPostInternal: role === null || can(role, 'comments.internal'),
    isGuest: false,
  };
}

/** A guest acts as a reviewer for what their link grants and as a viewer otherwise. */
export function guestRights(access: { permissions: readonly LinkPermission[] }): ReviewRights {
  const guest: GuestRole = { guest: access.permissions };
  const actsAs = (action: ProjectAction): ProjectRole => (can(guest, action) ? 'reviewer' : 'viewer');
  return {
    commentRole: actsAs('comments.write'),
    decisionRole: actsAs('approvals.decide'),
    canDownload: can(guest, 'media.download'),
    canPostInternal: can(guest, 'comments.internal'),
    isGuest: true,
  };
}
