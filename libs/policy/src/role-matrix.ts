import type { LinkPermission, ProjectRole } from '@cutroom/contracts';

/** A review-link guest's standing on the assets their link shows. */
export interface GuestRole {
  guest: readonly LinkPermission[];
}

/** Whoever is looking at an asset: a member with a project role, or a guest with a link's permissions. */
export type AccessRole = ProjectRole | GuestRole;

export function isGuest(role: AccessRole): role is GuestRole {
  return typeof role !== 'string';
}

/** Everything a project member may try to do. Later contexts add their actions here. */
export type ProjectAction =
  | 'project.view'
  | 'project.rename'
  | 'project.delete'
  | 'members.view'
  | 'members.manage'
  | 'assets.upload'
  | 'assets.manage'
  /** Take a cut out of the project, or bring one into it: both ends need it. */
  | 'assets.move'
  | 'comments.write'
  | 'comments.internal'
  | 'approvals.decide'
  | 'media.download'
  /** Notes leave the browser: markers, reports and stills. A guest's link must allow downloads. */
  | 'notes.export'
  | 'links.manage';

const allowedRoles: Record<ProjectAction, readonly ProjectRole[]> = {
  'project.view': ['owner', 'editor', 'reviewer', 'viewer'],
  'project.rename': ['owner', 'editor'],
  'project.delete': ['owner'],
  'members.view': ['owner', 'editor', 'reviewer', 'viewer'],
  'members.manage': ['owner'],
  'assets.upload': ['owner', 'editor'],
  'assets.manage': ['owner', 'editor'],
  'assets.move': ['owner', 'editor'],
  'comments.write': ['owner', 'editor', 'reviewer'],
  'comments.internal': ['owner', 'editor', 'reviewer', 'viewer'],
  'approvals.decide': ['owner', 'editor', 'reviewer'],
  'media.download': ['owner', 'editor', 'reviewer', 'viewer'],
  'notes.export': ['owner', 'editor', 'reviewer', 'viewer'],
  'links.manage': ['owner', 'editor'],
};

/** What each link permission lets a guest do; anything not listed is never a guest's. */
const guestActions: Partial<Record<ProjectAction, LinkPermission>> = {
  'project.view': 'view',
  'comments.write': 'comment',
  'approvals.decide': 'approve',
  'media.download': 'download',
  'notes.export': 'download',
};

export function can(role: AccessRole, action: ProjectAction): boolean {
  if (!isGuest(role)) return allowedRoles[action].includes(role);
  const needed = guestActions[action];
  return needed !== undefined && role.guest.includes(needed);
}
