import type { ProjectRole } from '@cutroom/contracts';
import { type AccessRole, can } from './role-matrix';

/** Why a cut cannot move (the api answers each with its own status), or `ok`. */
export type MoveRefusal = 'ok' | 'not_allowed_here' | 'no_such_target' | 'not_allowed_there' | 'same_project';

/**
 * Whether someone may move a cut from its project to another: they must be an owner or editor on
 * both sides (a guest never moves anything), and the target must be another project. `toRole` is
 * their role in the target; null when they are not a member, which reads as no such project (so
 * nobody learns a project exists) — asked only once their role here allows moving at all.
 */
export function mayMoveAsset(input: {
  fromRole: AccessRole;
  toRole: ProjectRole | null;
  fromProjectId: string;
  toProjectId: string;
}): MoveRefusal {
  if (!can(input.fromRole, 'assets.move')) return 'not_allowed_here';
  if (input.toRole === null) return 'no_such_target';
  if (input.fromProjectId === input.toProjectId) return 'same_project';
  if (!can(input.toRole, 'assets.move')) return 'not_allowed_there';
  return 'ok';
}

/** The projects a cut may be moved to: every other project where the mover may add cuts. */
export function moveTargets<P extends { id: string; role: ProjectRole }>(
  projects: readonly P[],
  fromProjectId: string,
): P[] {
  return projects.filter((project) => project.id !== fromProjectId && can(project.role, 'assets.move'));
}
