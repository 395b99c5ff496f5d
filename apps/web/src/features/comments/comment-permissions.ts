import type { Comment, ProjectRole } from '@cutroom/contracts';
import { can, mayDelete, mayEdit, mayResolve } from '@cutroom/policy';

// The rules are @cutroom/policy's, which the API enforces too; these read them off a listed comment.

/** Writing, replying and reacting: everyone but viewers. */
export function canComment(role: ProjectRole): boolean {
  return can(role, 'comments.write');
}

export function canEditComment(role: ProjectRole, userId: string, comment: Comment): boolean {
  return mayEdit({ userId, role }, comment.author?.id ?? null);
}

/** A drawing must be pinned to a frame, so a general note or a reply has none to change. */
export function canEditDrawing(role: ProjectRole, userId: string, comment: Comment): boolean {
  return canEditComment(role, userId, comment) && comment.frame !== null;
}

export function canDeleteComment(role: ProjectRole, userId: string, comment: Comment): boolean {
  return mayDelete({ userId, role }, comment.author?.id ?? null);
}

/** Threads are resolved, not replies. */
export function canResolveComment(role: ProjectRole, userId: string, comment: Comment): boolean {
  if (comment.parentId !== null) return false;
  return mayResolve({ userId, role }, comment.author?.id ?? null);
}
