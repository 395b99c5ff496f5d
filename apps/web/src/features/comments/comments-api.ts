import {
  commentListSchema,
  commentSchema,
  type CreateCommentBody,
  type UpdateCommentBody,
} from '@cutroom/contracts';
import { apiRequest } from '../../lib/api-client';

const commentPath = (commentId: string) => `/comments/${encodeURIComponent(commentId)}`;

/** Every comment of a version (open and resolved); the panel filters them itself. */
export function listComments(versionId: string, signal?: AbortSignal) {
  return apiRequest(`/versions/${encodeURIComponent(versionId)}/comments?status=all`, {
    schema: commentListSchema,
    signal,
  });
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
