import type { AccessRole } from './role-matrix';

export interface CommentActor {
  userId: string;
  role: AccessRole;
}

/** Only the author edits their words. */
export function mayEdit(actor: CommentActor, authorId: string | null): boolean {
  return actor.userId === authorId;
}

/** The author, or an owner tidying up. */
export function mayDelete(actor: CommentActor, authorId: string | null): boolean {
  return actor.userId === authorId || actor.role === 'owner';
}

/**
 * Resolving closes someone's note: its author may, and so may the people who act on notes
 * (owners and editors). A reviewer cannot resolve someone else's comment.
 */
export function mayResolve(actor: CommentActor, authorId: string | null): boolean {
  return actor.userId === authorId || actor.role === 'owner' || actor.role === 'editor';
}
