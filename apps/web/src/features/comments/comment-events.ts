import { commentSchema, reactionSchema, type AssetEvent, type CommentList } from '@cutroom/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { CacheUpdateRegistry } from '../../lib/realtime/cache-update-registry';
import { patchQuery } from '../../lib/realtime/patch-query';
import { removeComment, upsertComment, withReactions } from './comment-list';
import { commentKeys } from './comment-queries';

// How socket events change the comments feature's cache entries: each version's comment list.

const commentPayloadSchema = z.object({ comment: commentSchema });
const commentDeletedPayloadSchema = z.object({ commentId: z.uuid(), versionId: z.uuid() });
const reactionsPayloadSchema = z.object({
  commentId: z.uuid(),
  versionId: z.uuid(),
  reactions: z.array(reactionSchema),
});

function patchComments(
  queryClient: QueryClient,
  versionId: string,
  update: (list: CommentList) => CommentList,
) {
  patchQuery<CommentList>(queryClient, commentKeys.list(versionId), update);
}

/** A comment event this client cannot read: the version's comments are fetched again. */
function refetchAssetComments(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: commentKeys.all });
}

function applyComment(queryClient: QueryClient, event: AssetEvent): void {
  const payload = commentPayloadSchema.safeParse(event.payload);
  if (!payload.success) return refetchAssetComments(queryClient);
  const { comment } = payload.data;
  patchComments(queryClient, comment.versionId, (list) => ({
    comments: upsertComment(list.comments, comment),
  }));
}

export function registerCommentEvents(registry: CacheUpdateRegistry): void {
  registry
    .onEvent('comment.created', applyComment)
    .onEvent('comment.updated', applyComment)
    .onEvent('comment.resolved', applyComment)
    .onEvent('comment.reopened', applyComment)
    .onEvent('comment.deleted', (queryClient, event) => {
      const payload = commentDeletedPayloadSchema.safeParse(event.payload);
      if (!payload.success) return refetchAssetComments(queryClient);
      patchComments(queryClient, payload.data.versionId, (list) => ({
        comments: removeComment(list.comments, payload.data.commentId),
      }));
    })
    .onEvent('comment.reactions', (queryClient, event) => {
      const payload = reactionsPayloadSchema.safeParse(event.payload);
      if (!payload.success) return refetchAssetComments(queryClient);
      patchComments(queryClient, payload.data.versionId, (list) => ({
        comments: withReactions(list.comments, payload.data.commentId, payload.data.reactions),
      }));
    })
    // Comments are kept per version; an asset's ones cannot be told apart by key, so all are read again.
    .onAssetJoined((queryClient) => refetchAssetComments(queryClient));
}
