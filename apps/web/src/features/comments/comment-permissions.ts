import type { Comment, ProjectRole } from '@cutroom/contracts';

/** What a person may do with comments; the API enforces the same rules, this decides what to offer. */
export function canComment(role: ProjectRole): boolean {
  return role !== 'viewer';
}

export function canEditComment(userId: string, comment: Comment): boolean {
  return comment.author?.id === userId;
}

/** A drawing must be pinned to a frame, so a general note or a reply has none to change. */
export function canEditDrawing(userId: string, comment: Comment): boolean {
  return canEditComment(userId, comment) && comment.frame !== null;
}

export function canDeleteComment(role: ProjectRole, userId: string, comment: Comment): boolean {
  return comment.author?.id === userId || role === 'owner';
}

/** Threads are resolved, not replies. */
export function canResolveComment(role: ProjectRole, userId: string, comment: Comment): boolean {
  if (comment.parentId !== null) return false;
  return comment.author?.id === userId || role === 'owner' || role === 'editor';
}
