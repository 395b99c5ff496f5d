import {
  type AssetEvent,
  type AssetEventType,
  carriedOverCommentSchema,
  commentDeletedPayloadSchema,
  commentSchema,
  commentUpdatedPayloadSchema,
} from '@cutroom/contracts';
import { z } from 'zod';

/** Every socket of a review-link guest, on every node: kept out of what only members may see. */
export const GUEST_ROOM = 'guests';

// Only the fields that decide: an event stored by an older release still parses.
const aboutComment = z.object({
  comment: commentSchema.pick({ id: true, versionId: true, parentId: true, internal: true }),
});
const aboutUpdate = aboutComment.extend(commentUpdatedPayloadSchema.pick({ wasInternal: true }).shape);
const aboutRow = commentDeletedPayloadSchema.pick({ internal: true });
const aboutCarried = z.object({
  item: z.object({ comment: carriedOverCommentSchema.shape.comment.pick({ internal: true }) }),
});

/**
 * What a review-link guest receives of a stored event: the event itself, nothing (it tells of an
 * internal thread: any note in it posted, edited, resolved, reacted to, deleted or marked addressed),
 * or, for a thread just made internal, its deletion — the guest saw it, and now must not. A comment
 * event whose payload cannot be read is kept from guests.
 */
export function eventForGuest(event: AssetEvent): AssetEvent | undefined {
  switch (event.type) {
    case 'comment.created':
    case 'comment.resolved':
    case 'comment.reopened':
      return shownUnless(event, aboutComment.safeParse(event.payload).data?.comment.internal);
    case 'comment.updated': {
      const update = aboutUpdate.safeParse(event.payload).data;
      const { comment, wasInternal } = update ?? {};
      if (comment?.internal === true && wasInternal === false && comment.parentId === null) {
        const payload = {
          commentId: comment.id,
          versionId: comment.versionId,
          parentId: null,
          internal: false,
        };
        return { ...event, type: 'comment.deleted', payload };
      }
      return shownUnless(event, comment?.internal);
    }
    case 'comment.deleted':
    case 'comment.reactions':
      return shownUnless(event, aboutRow.safeParse(event.payload).data?.internal);
    case 'comment.addressed':
    case 'comment.unaddressed':
      return shownUnless(event, aboutCarried.safeParse(event.payload).data?.item.comment.internal);
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
      return unknownType(event.type);
  }
}

function shownUnless(event: AssetEvent, internal: boolean | undefined): AssetEvent | undefined {
  return internal === false ? event : undefined;
}

// A new event type must be classified above before it compiles; until then guests never get it.
function unknownType(type: never): undefined {
  void (type as AssetEventType);
  return undefined;
}
