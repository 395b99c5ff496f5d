import {
  type Comment,
  type CommentList,
  commentListSchema,
  commentSchema,
  type CreateCommentBody,
  type UpdateCommentBody,
} from '@cutroom/contracts';
import { apiRequest } from '../../lib/api-client';

const commentPath = (commentId: string) => `/comments/${encodeURIComponent(commentId)}`;

/** Threads per request: a cut with thousands of notes arrives in pages, none of them a long answer. */
export const COMMENT_PAGE_SIZE = 250;

/**
 * Every comment of a version (open and resolved), page by page in list order; the panel filters
 * them itself. Realtime events keep the list current from the moment the first page is asked for.
 */
export async function listComments(versionId: string, signal?: AbortSignal): Promise<CommentList> {
  const comments: Comment[] = [];
  let cursor: string | null | undefined = null;
  do {
    const query = new URLSearchParams({ status: 'all', limit: String(COMMENT_PAGE_SIZE) });
    if (cursor) query.set('cursor', cursor);
    const page: CommentList = await apiRequest(
      `/versions/${encodeURIComponent(versionId)}/comments?${query}`,
      {
        schema: commentListSchema,
        signal,
      },
    );
    comments.push(...page.comments);
    cursor = page.nextCursor;
  } while (cursor);
  return { comments, nextCursor: null };
}

export function createComment(versionId: string, body: CreateCommentBody) {
  return apiRequest(`/versions/${encodeURIComponent(versionId)}/comments`, {
    method: 'POST',
    body,
    schema: commentSchema,
  });
}

export function updateComment(commentId: string, body: UpdateCommentBody) {
  return apiRequest(commentPath(commentId), { method: 'PATCH', body, schema: commentSchema });
}

export function deleteComment(commentId: string) {
  return apiRequest(commentPath(commentId), { method: 'DELETE' });
}

export function setCommentResolved(commentId: string, resolved: boolean) {
  return apiRequest(`${commentPath(commentId)}/${resolved ? 'resolve' : 'reopen'}`, {
    method: 'POST',
    schema: commentSchema,
  });
}

export function addReaction(commentId: string, emoji: string) {
  return apiRequest(`${commentPath(commentId)}/reactions`, {
    method: 'POST',
    body: { emoji },
    schema: commentSchema,
  });
}

export function removeReaction(commentId: string, emoji: string) {
  return apiRequest(`${commentPath(commentId)}/reactions/${encodeURIComponent(emoji)}`, {
    method: 'DELETE',
    schema: commentSchema,
  });
}
