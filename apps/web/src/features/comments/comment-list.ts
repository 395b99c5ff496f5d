import type { Comment } from '@cutroom/contracts';

/** A top-level comment with its replies, oldest reply first. */
export interface CommentThread {
  comment: Comment;
  replies: Comment[];
}

export type StatusFilter = 'all' | 'open' | 'resolved';

export interface CommentFilter {
  status: StatusFilter;
  mine: boolean;
  hasDrawing: boolean;
  /** A hashtag with or without its '#'; empty for any. */
  hashtag: string;
}

export const NO_FILTER: CommentFilter = { status: 'all', mine: false, hasDrawing: false, hashtag: '' };

/** By frame (general notes, which have none, last), then by when they were written. */
export function compareComments(a: Comment, b: Comment): number {
  const frameA = a.frame ?? Number.POSITIVE_INFINITY;
  const frameB = b.frame ?? Number.POSITIVE_INFINITY;
  if (frameA !== frameB) return frameA < frameB ? -1 : 1;
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** Threads in list order; a reply whose comment is gone is not shown. */
export function threadComments(comments: readonly Comment[]): CommentThread[] {
  const replies = new Map<string, Comment[]>();
  for (const comment of comments) {
    if (comment.parentId === null) continue;
    replies.set(comment.parentId, [...(replies.get(comment.parentId) ?? []), comment]);
  }
  return comments
    .filter((comment) => comment.parentId === null)
    .sort(compareComments)
    .map((comment) => ({
      comment,
      replies: (replies.get(comment.id) ?? []).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    }));
}

function normalisedTag(tag: string): string {
  return tag.trim().replace(/^#/, '').toLowerCase();
}

/** The threads the filter lets through; the same rules as the API's list filters. */
export function filterThreads(
  threads: readonly CommentThread[],
  filter: CommentFilter,
  userId: string,
): CommentThread[] {
  const tag = normalisedTag(filter.hashtag);
  return threads.filter(({ comment }) => {
    if (filter.status === 'open' && comment.resolved) return false;
    if (filter.status === 'resolved' && !comment.resolved) return false;
    if (filter.mine && comment.author?.id !== userId) return false;
    if (filter.hasDrawing && comment.annotation === null) return false;
    if (tag !== '' && !comment.hashtags.includes(tag)) return false;
    return true;
  });
}

/** The list with `comment` added or replaced (by id). */
export function upsertComment(comments: readonly Comment[], comment: Comment): Comment[] {
  const index = comments.findIndex((existing) => existing.id === comment.id);
  if (index === -1) return [...comments, comment];
  return comments.map((existing, at) => (at === index ? comment : existing));
}

/** The list without the comment and its replies. */
export function removeComment(comments: readonly Comment[], commentId: string): Comment[] {
  return comments.filter((comment) => comment.id !== commentId && comment.parentId !== commentId);
}

export function withReactions(
  comments: readonly Comment[],
  commentId: string,
  reactions: Comment['reactions'],
): Comment[] {
  return comments.map((comment) => (comment.id === commentId ? { ...comment, reactions } : comment));
}

/** Whether a comment's frame (or range) holds `frame`. */
export function commentCovers(comment: Comment, frame: number): boolean {
  if (comment.frame === null) return false;
  return frame >= comment.frame && frame <= (comment.frameEnd ?? comment.frame);
}

/** Drawings to show over the picture while paused on `frame`. */
export function drawingsAt(comments: readonly Comment[], frame: number): Comment[] {
  return comments.filter((comment) => comment.annotation !== null && commentCovers(comment, frame));
}
