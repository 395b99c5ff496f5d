import type { Annotation, CarriedOverComment, Comment } from '@cutroom/contracts';

/** A comment as `COMMENT_SELECT` reads it. */
export interface CommentRow {
  id: string;
  version_id: string;
  asset_id: string;
  parent_id: string | null;
  author_id: string | null;
  author_name: string | null;
  client_id: string | null;
  body: string;
  frame: number | null;
  frame_end: number | null;
  internal: boolean;
  annotation: Annotation | null;
  mentions: string[];
  hashtags: string[];
  resolved_at: Date | null;
  resolved_by: string | null;
  created_at: Date;
  edited_at: Date | null;
  reactions: { emoji: string; userIds: string[] }[];
}

/** Every column a `Comment` is made of, with its author's name and its reactions; `c` is the comment. */
export const COMMENT_SELECT = `
  SELECT c.id, c.version_id, c.asset_id, c.parent_id, c.author_id, u.display_name AS author_name, c.client_id,
         c.body, c.frame, c.frame_end, c.internal, c.annotation, c.mentions, c.hashtags, c.resolved_at,
         c.resolved_by, c.created_at, c.edited_at,
         coalesce((
           SELECT json_agg(json_build_object('emoji', r.emoji, 'userIds', r.user_ids) ORDER BY r.first_at)
           FROM (SELECT emoji, array_agg(user_id ORDER BY created_at) AS user_ids, min(created_at) AS first_at
                 FROM comment_reactions WHERE comment_id = c.id GROUP BY emoji) r
         ), '[]') AS reactions
  FROM comments c LEFT JOIN users u ON u.id = c.author_id`;

export function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    versionId: row.version_id,
    assetId: row.asset_id,
    parentId: row.parent_id,
    author: row.author_id ? { id: row.author_id, displayName: row.author_name ?? '' } : null,
    body: row.body,
    frame: row.frame,
    frameEnd: row.frame_end,
    internal: row.internal,
    annotation: row.annotation,
    mentions: row.mentions,
    hashtags: row.hashtags,
    resolved: row.resolved_at !== null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedBy: row.resolved_by,
    reactions: row.reactions,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    clientId: row.client_id,
  };
}

/** What a change to a comment is decided on: its row as locked, before the change. */
export interface CommentState {
  id: string;
  versionId: string;
  assetId: string;
  parentId: string | null;
  authorId: string | null;
  frame: number | null;
  internal: boolean;
  resolved: boolean;
}

export const COMMENT_STATE_COLUMNS = `id, version_id, asset_id, parent_id, author_id, frame, internal, resolved_at`;

export function toCommentState(row: {
  id: string;
  version_id: string;
  asset_id: string;
  parent_id: string | null;
  author_id: string | null;
  frame: number | null;
  internal: boolean;
  resolved_at: Date | null;
}): CommentState {
  return {
    id: row.id,
    versionId: row.version_id,
    assetId: row.asset_id,
    parentId: row.parent_id,
    authorId: row.author_id,
    frame: row.frame,
    internal: row.internal,
    resolved: row.resolved_at !== null,
  };
}

/** A thread's first note as a later version carries it over (what it addressed is the caller's). */
export type ThreadSummary = CarriedOverComment['comment'] & { replyCount: number; resolved: boolean };

export interface ThreadSummaryRow {
  id: string;
  version_id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  frame: number | null;
  frame_end: number | null;
  internal: boolean;
  annotation: Annotation | null;
  created_at: Date;
  resolved_at: Date | null;
  reply_count: string;
}

export function toThreadSummary(row: ThreadSummaryRow): ThreadSummary {
  return {
    id: row.id,
    versionId: row.version_id,
    author: row.author_id ? { id: row.author_id, displayName: row.author_name ?? '' } : null,
    body: row.body,
    frame: row.frame,
    frameEnd: row.frame_end,
    internal: row.internal,
    annotation: row.annotation,
    createdAt: row.created_at.toISOString(),
    replyCount: Number(row.reply_count),
    resolved: row.resolved_at !== null,
  };
}
