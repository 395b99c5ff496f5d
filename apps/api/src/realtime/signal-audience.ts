import type { Presence } from '@cutroom/contracts';
import { readerOf, seesPresenceOf, seesTeamActivity } from '@cutroom/policy';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { linkAssetRoom, teamViewRoom } from './rooms.js';

type Person = Pick<AuthenticatedUser, 'guest'>;

/**
 * The rooms that carry someone's presence, drafts and strokes in an asset's room (see
 * `seesPresenceOf`): a member's reach those who see the team; a guest's, those and their own link's guests.
 */
export function signalRooms(sender: Person, assetId: string): string[] {
  return sender.guest
    ? [teamViewRoom(assetId), linkAssetRoom(sender.guest.linkId, assetId)]
    : [teamViewRoom(assetId)];
}

/** The rooms a viewer joins with an asset's room, to hear the live signals they may see. */
export function viewerRooms(viewer: Person, assetId: string): string[] {
  if (!viewer.guest) return [teamViewRoom(assetId)];
  const own = linkAssetRoom(viewer.guest.linkId, assetId);
  return seesTeamActivity(readerOf(viewer.guest)) ? [own, teamViewRoom(assetId)] : [own];
}

/** Of the others' presence in a room, what the viewer may see. */
export function visiblePresence(
  viewer: Person,
  others: readonly { user: Person; presence?: Presence }[],
): Presence[] {
  const seer = { reader: readerOf(viewer.guest), linkId: viewer.guest?.linkId ?? null };
  return others.flatMap((other) =>
    other.presence && seesPresenceOf(seer, { linkId: other.user.guest?.linkId ?? null })
      ? [other.presence]
      : [],
  );
}
