import { z } from 'zod';
import { uuidInput } from './ids';
import { safeText } from './text';
import { annotationSchema } from './annotations';

export const COMMENT_BODY_MAX = 10_000;
export const REACTION_MAX_LENGTH = 16;

const frameIndex = z.number().int('must be a whole frame number').min(0).max(2_147_483_647);

const commentBody = z
  .string()
  .max(COMMENT_BODY_MAX, `must be at most ${COMMENT_BODY_MAX} characters`)
  .check(safeText('multiline'))
  .refine((body) => body.trim().length > 0, 'must not be empty');

export const createCommentBodySchema = z
  .strictObject({
    body: commentBody,
    /** The frame the note is pinned to (0 = first); omit for a general note. */
    frame: frameIndex.optional(),
    /** Last frame of a range note, inclusive. */
    frameEnd: frameIndex.optional(),
    /** Team-only: never shown to review-link guests. */
    internal: z.boolean().optional(),
    annotation: annotationSchema.optional(),
    /** Reply to this comment (replies carry no frame or drawing of their own). */
    parentId: uuidInput().optional(),
    /** Client-chosen id so a retried post is stored once. */
    clientId: z.string().min(8).max(64).check(safeText('line')).optional(),
  })
  .refine((c) => c.frameEnd === undefined || (c.frame !== undefined && c.frameEnd >= c.frame), {
    message: 'frameEnd needs frame and must not be before it',
    path: ['frameEnd'],
  })
  .refine((c) => c.annotation === undefined || c.frame !== undefined, {
    message: 'a drawing must be pinned to a frame',
    path: ['annotation'],
  })
  .refine((c) => !c.parentId || (c.frame === undefined && c.annotation === undefined), {
    message: 'a reply takes its frame from the comment it answers',
    path: ['parentId'],
  });
export type CreateCommentBody = z.infer<typeof createCommentBodySchema>;

export const updateCommentBodySchema = z
  .strictObject({
    body: commentBody.optional(),
    annotation: annotationSchema.nullable().optional(),
    internal: z.boolean().optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'nothing to change');
export type UpdateCommentBody = z.infer<typeof updateCommentBodySchema>;

export const reactionBodySchema = z.strictObject({
  emoji: z
    .string()
    .min(1)
    .max(REACTION_MAX_LENGTH)
    .check(safeText('line'))
    .refine((e) => /^\p{Extended_Pictographic}/u.test(e) && !/[\s<>]/.test(e), 'must be an emoji'),
});
export type ReactionBody = z.infer<typeof reactionBodySchema>;

/** The most threads one page of the notes list holds. */
export const COMMENT_PAGE_MAX = 500;

export const commentFiltersSchema = z.strictObject({
  status: z.enum(['open', 'resolved', 'all']).default('all'),
  mine: z.enum(['true', 'false']).optional(),
  authorId: uuidInput().optional(),
  hashtag: z
    .string()
    .regex(/^#?[\p{L}\p{N}_]{1,50}$/u)
    .optional(),
  hasDrawing: z.enum(['true', 'false']).optional(),
  /**
   * Threads per page, in list order; without it every thread comes in one answer (as before paging).
   * A page holds whole threads: a thread's replies always come with it.
   */
  limit: z.coerce.number().int().min(1).max(COMMENT_PAGE_MAX).optional(),
  /** `nextCursor` of the page before. */
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be a nextCursor the list returned')
    .optional(),
});
export type CommentFilters = z.infer<typeof commentFiltersSchema>;

export const reactionSchema = z.object({ emoji: z.string(), userIds: z.array(z.uuid()) });

export const commentSchema = z.object({
  id: z.uuid(),
  versionId: z.uuid(),
  assetId: z.uuid(),
  parentId: z.uuid().nullable(),
  author: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  body: z.string(),
  frame: z.number().int().nullable(),
  frameEnd: z.number().int().nullable(),
  /** Team-only, never shown to review-link guests. A reply always has its thread's value. */
  internal: z.boolean(),
  annotation: annotationSchema.nullable(),
  /** Ids of the project members @mentioned in the body. */
  mentions: z.array(z.uuid()),
  hashtags: z.array(z.string()),
  resolved: z.boolean(),
  resolvedAt: z.iso.datetime().nullable(),
  resolvedBy: z.uuid().nullable(),
  reactions: z.array(reactionSchema),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  clientId: z.string().nullable(),
});
export type Comment = z.infer<typeof commentSchema>;

/** Payload of `comment.created`, `comment.resolved` and `comment.reopened`: the comment as it now reads. */
export const commentEventPayloadSchema = z.object({ comment: commentSchema });

/** Payload of `comment.updated`. */
export const commentUpdatedPayloadSchema = commentEventPayloadSchema.extend({
  /**
   * Whether the thread was internal before this change: a thread made internal leaves the guests'
   * view (they are told it was deleted), one made shared joins it. Absent on events stored before.
   */
  wasInternal: z.boolean().optional(),
});

/**
 * The thread's visibility on a deletion or reaction event. Events stored before threads had one
 * visibility lack it unless the repair marked them internal: an event without it is no guest's.
 */
const threadInternal = z.boolean().optional();

/** Payload of `comment.deleted`; `internal` is the thread's. */
export const commentDeletedPayloadSchema = z.object({
  commentId: z.uuid(),
  versionId: z.uuid(),
  parentId: z.uuid().nullable(),
  internal: threadInternal,
});

/** Payload of `comment.reactions`; `internal` is the thread's. */
export const commentReactionsPayloadSchema = z.object({
  commentId: z.uuid(),
  versionId: z.uuid(),
  reactions: z.array(reactionSchema),
  internal: threadInternal,
});

export const commentListSchema = z.object({
  comments: z.array(commentSchema),
  /** Where the next page starts, given `limit`; null on the last page (and without `limit`). */
  nextCursor: z.string().nullable().optional(),
});
export type CommentList = z.infer<typeof commentListSchema>;
