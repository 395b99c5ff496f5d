import type { AssetEvent } from '@cutroom/contracts';
import type { EntityManager } from 'typeorm';
import type { CommentsRepository } from '../review/comments.repository.js';

/**
 * The comment a stored event tells of, if it is a comment event, read from its typed payload
 * (`commentId` undefined if the payload lacks it: the log is data, and such an event is not shown).
 */
export function commentOf(event: AssetEvent): { commentId?: string } | undefined {
  switch (event.type) {
    case 'comment.created':
    case 'comment.updated':
    case 'comment.resolved':
    case 'comment.reopened':
      return { commentId: event.payload.comment?.id };
    case 'comment.deleted':
    case 'comment.reactions':
      return { commentId: event.payload.commentId };
    case 'comment.addressed':
    case 'comment.unaddressed':
      return { commentId: event.payload.item?.comment?.id };
    default:
      return undefined;
  }
}

/** Each comment's visibility today: `true` internal, `false` shared; absent, deleted since. */
export type CommentsNow = ReadonlyMap<string, boolean>;

/**
 * A guest's replay judged by each thread as it is now, not as each event said then (a reply's row
 * has its thread's `internal`, so its own row decides). Of a comment that is internal or deleted now
 * nothing is replayed but deletion notices, and those only when its creation is outside the replay:
 * the guest may have it from before, and must drop it. `guestEvents` are the guest's versions of
 * `missed` (already judged by payload); `missed` is the whole replay, to see what was created in it.
 */
export function replayForGuest(
  missed: readonly AssetEvent[],
  guestEvents: readonly AssetEvent[],
  now: CommentsNow,
): AssetEvent[] {
  const createdInReplay = new Set(
    missed.flatMap((event) => (event.type === 'comment.created' ? (commentOf(event)?.commentId ?? []) : [])),
  );
  return guestEvents.filter((event) => {
    const about = commentOf(event);
    if (!about) return true;
    if (about.commentId === undefined) return false;
    if (now.get(about.commentId) === false) return true;
    return event.type === 'comment.deleted' && !createdInReplay.has(about.commentId);
  });
}

/** Reads today's visibility of every comment the events tell of, in one query. */
export async function commentsNow(
  comments: CommentsRepository,
  manager: EntityManager,
  events: readonly AssetEvent[],
): Promise<CommentsNow> {
  const ids = [...new Set(events.flatMap((event) => commentOf(event)?.commentId ?? []))];
  return comments.internalById(
    manager,
    ids.filter((id) => UUID.test(id)),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
