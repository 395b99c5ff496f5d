import { type AccessRole, can } from '@cutroom/policy';

/** A SQL condition on comments aliased `alias`: internal notes only for members, never for guests. */
export function visibleCommentsSql(role: AccessRole, alias: string): string {
  return can(role, 'comments.internal') ? 'true' : `NOT ${alias}.internal`;
}
