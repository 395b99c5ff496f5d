import type { ProjectRole } from '@cutroom/contracts';
import { type AccessRole, can, isGuest } from '@cutroom/policy';

/** An asset room a socket is in: the project it belongs to and the socket's role there. */
export interface JoinedAsset {
  projectId: string;
  role: AccessRole;
}

/** Whether a socket may write (comment) in an asset's room, so its strokes and typing are worth relaying. */
export function mayWrite(joined: ReadonlyMap<string, JoinedAsset> | undefined, assetId: string): boolean {
  const room = joined?.get(assetId);
  return room !== undefined && can(room.role, 'comments.write');
}

/**
 * A member's role in a project changed: every asset room of that project they are in follows it.
 * A guest's rights come from their link, which no member role changes.
 */
export function changeRole(
  joined: Map<string, JoinedAsset> | undefined,
  projectId: string,
  role: ProjectRole,
): void {
  for (const room of joined?.values() ?? [])
    if (room.projectId === projectId && !isGuest(room.role)) room.role = role;
}
