import type { ActivityKind, AssetEventType, NotificationLevel } from '@cutroom/contracts';

/** The events that can put an item in someone's feed; every other event is passed over. */
export const ACTIVITY_EVENT_TYPES = [
  'comment.created',
  'comment.updated',
  'decision.recorded',
  'version.created',
  'round.reminder',
  'live.session',
] as const satisfies readonly AssetEventType[];
export type ActivityEventType = (typeof ACTIVITY_EVENT_TYPES)[number];

export function isActivityEvent(type: string): type is ActivityEventType {
  return (ACTIVITY_EVENT_TYPES as readonly string[]).includes(type);
}

/** What the rules need to know of the event itself. */
export interface ActivitySource {
  type: ActivityEventType;
  actorId: string | null;
  /** Comment events: the members @mentioned in the comment as it now reads. */
  mentions?: readonly string[];
  /** Comment events: the thread a reply belongs to. */
  parentId?: string | null;
  /** A due-date reminder: the pending approvers it is for. */
  remind?: readonly string[];
  /** A live session's log: who was in it (they need no telling). */
  present?: readonly string[];
}

/** What the rules need to know of the people around the event, read when it is fanned out. */
export interface Audience {
  /** The project's members now: nobody else is ever told anything about it. */
  memberIds: ReadonlySet<string>;
  /** A reply: who wrote the comment it answers. */
  parentAuthorId?: string | null;
  /** A reply: who else replied in the thread before it. */
  earlierReplierIds?: readonly string[];
  /** A decision, a new comment or a live session: who uploaded a version of the asset or commented on it. */
  assetWorkerIds?: readonly string[];
  /** Members' choices of what they hear; anyone not listed hears everything. */
  levels?: ReadonlyMap<string, NotificationLevel>;
  /** A comment: who has been told about it already (an edit tells only the newly mentioned). */
  alreadyToldIds?: ReadonlySet<string>;
}

export interface Recipient {
  userId: string;
  kind: ActivityKind;
}

/** Whether a member who chose `level` hears of an item of `kind`. */
export function levelAllows(level: NotificationLevel, kind: ActivityKind): boolean {
  if (level === 'none') return false;
  // A reminder asks for your own decision, as a mention asks for your answer.
  if (level === 'mentions') return kind === 'mention' || kind === 'reply' || kind === 'reminder';
  return true;
}

/**
 * Who is told about an event, and why. Nobody hears of their own doing, only current members
 * hear anything, each person gets one item per event (a mention outranks a reply, a reply a new
 * note on their cut), and nobody hears what their chosen level for the project leaves out.
 */
export function recipientsOf(source: ActivitySource, audience: Audience): Recipient[] {
  const told = new Map<string, ActivityKind>();
  const tell = (userIds: Iterable<string | null | undefined>, kind: ActivityKind) => {
    for (const userId of userIds) {
      if (!userId || userId === source.actorId || told.has(userId)) continue;
      if (!audience.memberIds.has(userId) || audience.alreadyToldIds?.has(userId)) continue;
      told.set(userId, kind);
    }
  };
  switch (source.type) {
    case 'comment.created':
      tell(source.mentions ?? [], 'mention');
      if (source.parentId) {
        tell([audience.parentAuthorId], 'reply');
        tell(audience.earlierReplierIds ?? [], 'reply');
      }
      tell(audience.assetWorkerIds ?? [], 'comment');
      break;
    case 'comment.updated':
      tell(source.mentions ?? [], 'mention');
      break;
    case 'decision.recorded':
      tell(audience.assetWorkerIds ?? [], 'decision');
      break;
    case 'version.created':
      tell(audience.memberIds, 'version');
      break;
    case 'round.reminder':
      tell(source.remind ?? [], 'reminder');
      break;
    case 'live.session': {
      const present = new Set(source.present ?? []);
      tell(
        (audience.assetWorkerIds ?? []).filter((userId) => !present.has(userId)),
        'session',
      );
      break;
    }
  }
  return [...told]
    .filter(([userId, kind]) => levelAllows(audience.levels?.get(userId) ?? 'all', kind))
    .map(([userId, kind]) => ({ userId, kind }));
}
