import { z } from 'zod';
import { decisionKindSchema } from './approvals';

/** Longest excerpt of a comment or note shown in the feed, in characters (… included). */
export const ACTIVITY_EXCERPT_MAX = 140;
export const ACTIVITY_PAGE_MAX = 100;

/** Socket.io event names, server → client, for the signed-in person's own activity. */
export const activityServerEvents = {
  /** The person's unread count changed: a new item arrived, or items were marked read. */
  unread: 'activity:unread',
} as const;

/**
 * Why an item is in someone's feed: they were @mentioned, someone replied to their comment or
 * in a thread they took part in, someone left a note on a cut they uploaded or commented on,
 * someone decided on an asset they work on, a new version arrived in one of their projects, or a
 * live session was held on a cut they work on without them.
 */
export const activityKinds = [
  'mention',
  'reply',
  'comment',
  'decision',
  'version',
  'reminder',
  'session',
] as const;
export const activityKindSchema = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof activityKindSchema>;

/** An item's id, also the cursor of the feed: items are listed by it, newest first. */
export const activityCursorSchema = z.string().regex(/^[1-9]\d{0,17}$/, 'must be an activity item id');

export const activityItemSchema = z.object({
  id: activityCursorSchema,
  kind: activityKindSchema,
  /** Who did it (`id` null for a review-link guest); null when nobody is known to have. */
  actor: z.object({ id: z.uuid().nullable(), displayName: z.string() }).nullable(),
  project: z.object({ id: z.uuid(), name: z.string() }),
  asset: z.object({ id: z.uuid(), name: z.string() }),
  version: z.object({ id: z.uuid(), number: z.number().int().positive() }).nullable(),
  /** The event of the asset's log this item comes from. */
  seq: z.number().int().positive(),
  commentId: z.uuid().nullable(),
  /** The frame the comment (or the thread a reply answers) is pinned to. */
  frame: z.number().int().nonnegative().nullable(),
  decision: decisionKindSchema.nullable(),
  /** Plain text, one line, at most ACTIVITY_EXCERPT_MAX characters: never render it as HTML. */
  excerpt: z.string().max(ACTIVITY_EXCERPT_MAX).nullable(),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
});
export type ActivityItem = z.infer<typeof activityItemSchema>;

export const activityQuerySchema = z.strictObject({
  /** Items older than this one (the `nextCursor` of the previous page). */
  before: activityCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(ACTIVITY_PAGE_MAX).default(30),
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

export const activityPageSchema = z.object({
  items: z.array(activityItemSchema),
  /** Pass as `before` for the next page; null on the last page. */
  nextCursor: activityCursorSchema.nullable(),
});
export type ActivityPage = z.infer<typeof activityPageSchema>;

export const activityUnreadSchema = z.object({ count: z.number().int().nonnegative() });
export type ActivityUnread = z.infer<typeof activityUnreadSchema>;

/** Marks read every item up to and including `upTo` (an item id), or all of them. */
export const markActivityReadBodySchema = z.strictObject({
  upTo: z.union([activityCursorSchema, z.literal('all')]).default('all'),
});
export type MarkActivityReadBody = z.infer<typeof markActivityReadBodySchema>;

/**
 * What a project tells a member, in the feed and by e-mail alike: everything (the default),
 * only @mentions and replies to them, or nothing.
 */
export const notificationLevels = ['all', 'mentions', 'none'] as const;
export const notificationLevelSchema = z.enum(notificationLevels);
export type NotificationLevel = z.infer<typeof notificationLevelSchema>;

export const notificationSettingSchema = z.strictObject({ level: notificationLevelSchema });
export type NotificationSetting = z.infer<typeof notificationSettingSchema>;
