import {
  type AssetEvent,
  type AssetEventOf,
  type AssetEventType,
  assetEventPayloadSchemas,
  versionEventPayloadSchema,
} from '@cutroom/contracts';
import {
  type GuestView,
  approvalForReader,
  decisionForReader,
  liveSessionLogForReader,
} from '@cutroom/policy';

/** Every socket of a review-link guest, on every node: kept out of what only members may see. */
export const GUEST_ROOM = 'guests';

/**
 * Every socket of a team member, on every node. With GUEST_ROOM it splits a room into two disjoint
 * audiences, so each hears one message: two broadcasts to one socket can arrive out of order, as the
 * adapter publishes each to the other nodes before delivering it.
 */
export const MEMBER_ROOM = 'members';

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

/** A guest whose link shows nothing of the team beyond what is meant for them: the default. */
export const DEFAULT_GUEST_VIEW: GuestView = { showTeamActivity: false };

/** The event types whose guest version depends on the guest's link (what it shows, which it is). */
export function guestViewMatters(type: AssetEvent['type']): boolean {
  return type === 'decision.recorded' || type === 'approvers.changed' || type === 'live.session';
}

/**
 * What a review-link guest receives of a stored event: the event itself, nothing (it tells of an
 * internal thread: any note in it posted, edited, resolved, reacted to, deleted or marked addressed),
 * or, for a thread just made internal, its deletion — the guest saw it, and now must not. A comment
 * or decision event whose payload does not read as its type's is kept from guests. A decision
 * reaches them as `decisionForReader` says: never its internal note, and a team member's note only
 * through a link that shows the team's activity.
 */
export function eventForGuest(
  event: AssetEvent,
  view: GuestView = DEFAULT_GUEST_VIEW,
): AssetEvent | undefined {
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
    case 'version.created':
    case 'version.updated':
      // A guest hears of a version once it is ready, never while it uploads, processes or fails.
      return versionEventPayloadSchema.safeParse(event.payload).data?.version.status === 'ready'
        ? event
        : undefined;
    case 'asset.created':
      // A new cut has no ready version yet: its first ready one is what a guest hears of.
      return undefined;
    case 'decision.recorded': {
      const parsed = assetEventPayloadSchemas[event.type].safeParse(event.payload);
      if (!parsed.success) return undefined;
      const reader = { guest: view };
      const { decision, approval } = parsed.data;
      return {
        ...event,
        payload: {
          decision: decisionForReader(decision, reader),
          approval: approvalForReader(approval, reader),
        },
      };
    }
    case 'approvers.changed': {
      const parsed = assetEventPayloadSchemas[event.type].safeParse(event.payload);
      if (!parsed.success) return undefined;
      return {
        ...event,
        payload: { ...parsed.data, approval: approvalForReader(parsed.data.approval, { guest: view }) },
      };
    }
    case 'live.session': {
      // Who was in a live session is the team's presence: see liveSessionLogForReader.
      const parsed = assetEventPayloadSchemas[event.type].safeParse(event.payload);
      const log = parsed.success ? liveSessionLogForReader(parsed.data, { guest: view }) : null;
      return log ? { ...event, payload: log } : undefined;
    }
    case 'round.due':
    case 'round.reminder':
      // Due dates and reminders are the team's planning.
      return undefined;
    case 'asset.moved': {
      // That it left is the guest's to know (their link loses it); where it went is not.
      const parsed = assetEventPayloadSchemas[event.type].safeParse(event.payload);
      return parsed.success ? { ...event, payload: { fromProjectId: parsed.data.fromProjectId } } : undefined;
    }
    case 'asset.renamed':
    case 'asset.deleted':
    case 'asset.restored':
    case 'version.deleted':
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
