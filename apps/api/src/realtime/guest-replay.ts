import type { AssetEvent } from '@cutroom/contracts';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';

// Only the comment each event tells of: an event stored by an older release still parses.
const aboutComment = z.object({ comment: z.object({ id: z.string() }) });
const aboutRow = z.object({ commentId: z.string() });
const aboutCarried = z.object({ item: z.object({ comment: z.object({ id: z.string() }) }) });

/** The comment a stored event tells of, if it is a comment event (undefined if it cannot be read). */
export function commentOf(event: AssetEvent): { commentId?: string } | undefined {
  switch (event.type) {
    case 'comment.created':
    case 'comment.updated':
    case 'comment.resolved':
    case 'comment.reopened':
      return { commentId: aboutComment.safeParse(event.payload).data?.comment.id };
    case 'comment.deleted':
    case 'comment.reactions':
      return { commentId: aboutRow.safeParse(event.payload).data?.commentId };
    case 'comment.addressed':
    case 'comment.unaddressed':
      return { commentId: aboutCarried.safeParse(event.payload).data?.item.comment.id };
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
  manager: EntityManager,
  events: readonly AssetEvent[],
): Promise<CommentsNow> {
  const ids = [...new Set(events.flatMap((event) => commentOf(event)?.commentId ?? []))];
  if (ids.length === 0) return new Map();
  const rows: { id: string; internal: boolean }[] = await manager.query(
    `SELECT id::text, internal FROM comments WHERE id = ANY($1::uuid[])`,
    [ids.filter((id) => UUID.test(id))],
  );
  return new Map(rows.map((row) => [row.id, row.internal]));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
