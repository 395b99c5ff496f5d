import {
  type AssetEvent,
  type AssetEventOf,
  type AssetEventType,
  assetEventPayloadSchemas,
} from '@cutroom/contracts';

/** Every socket of a review-link guest, on every node: kept out of what only members may see. */
export const GUEST_ROOM = 'guests';

type CommentEvent = AssetEventOf<
  | 'comment.created'
  | 'comment.updated'
  | 'comment.deleted'
  | 'comment.resolved'
  | 'comment.reopened'
  | 'comment.reactions'
  | 'comment.addressed'
  | 'comment.unaddressed'
>;

/**
 * What a review-link guest receives of a stored event: the event itself, nothing (it tells of an
 * internal thread: any note in it posted, edited, resolved, reacted to, deleted or marked addressed),
 * or, for a thread just made internal, its deletion — the guest saw it, and now must not. A comment
 * event whose payload does not read as its type's is kept from guests.
 */
export function eventForGuest(event: AssetEvent): AssetEvent | undefined {
  switch (event.type) {
    case 'comment.created':
    case 'comment.updated':
    case 'comment.deleted':
    case 'comment.resolved':
    case 'comment.reopened':
    case 'comment.reactions':
    case 'comment.addressed':
    case 'comment.unaddressed':
      // The log is data: checked against the schema before its fields decide what a guest sees.
      return assetEventPayloadSchemas[event.type].safeParse(event.payload).success
        ? commentEventForGuest(event)
        : undefined;
    case 'asset.created':
    case 'asset.renamed':
    case 'asset.deleted':
    case 'version.created':
    case 'version.updated':
    case 'version.deleted':
    case 'decision.recorded':
    case 'approvers.changed':
      return event;
    default:
      return unknownType(event);
  }
}

function commentEventForGuest(event: CommentEvent): AssetEvent | undefined {
  switch (event.type) {
    case 'comment.created':
    case 'comment.resolved':
    case 'comment.reopened':
      return shownUnless(event, event.payload.comment.internal);
    case 'comment.updated': {
      const { comment, wasInternal } = event.payload;
      if (comment.internal && wasInternal === false && comment.parentId === null) {
        return {
          ...event,
          type: 'comment.deleted',
          payload: { commentId: comment.id, versionId: comment.versionId, parentId: null, internal: false },
        };
      }
      return shownUnless(event, comment.internal);
    }
    case 'comment.deleted':
    case 'comment.reactions':
      return shownUnless(event, event.payload.internal);
    case 'comment.addressed':
    case 'comment.unaddressed':
      return shownUnless(event, event.payload.item.comment.internal);
  }
}

function shownUnless(event: AssetEvent, internal: boolean | undefined): AssetEvent | undefined {
  return internal === false ? event : undefined;
}

// A new event type must be classified above before it compiles; until then guests never get it.
function unknownType(event: never): undefined {
  void (event as { type: AssetEventType });
  return undefined;
}
