import type { AssetEvent } from '@cutroom/contracts';

/** Every socket of a review-link guest, on every node: kept out of what only members may see. */
export const GUEST_ROOM = 'guests';

/**
 * Whether an event tells of an internal note (created, edited, resolved, reacted to, deleted,
 * marked addressed): such events reach members only, never a review-link guest.
 */
export function isInternalEvent(event: Pick<AssetEvent, 'payload'>): boolean {
  const payload = event.payload as {
    internal?: unknown;
    comment?: { internal?: unknown };
    item?: { comment?: { internal?: unknown } };
  } | null;
  return (
    payload?.internal === true ||
    payload?.comment?.internal === true ||
    payload?.item?.comment?.internal === true
  );
}
