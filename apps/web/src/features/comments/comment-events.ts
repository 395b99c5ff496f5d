import type { CommentList } from '@cutroom/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { AssetEventOf, CacheUpdateRegistry } from '../../lib/realtime/cache-update-registry';
import { patchQuery } from '../../lib/realtime/patch-query';
import { removeComment, upsertComment, withReactions } from './comment-list';
import { commentKeys } from './comment-queries';

// How socket events change the comments feature's cache entries: each version's comment list.

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

function applyComment(
  queryClient: QueryClient,
  event: AssetEventOf<'comment.created' | 'comment.updated' | 'comment.resolved' | 'comment.reopened'>,
): void {
  if (event.payload === null) return refetchAssetComments(queryClient);
  const { comment } = event.payload;
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
      if (event.payload === null) return refetchAssetComments(queryClient);
      const { versionId, commentId } = event.payload;
      patchComments(queryClient, versionId, (list) => ({
        comments: removeComment(list.comments, commentId),
      }));
    })
    .onEvent('comment.reactions', (queryClient, event) => {
      if (event.payload === null) return refetchAssetComments(queryClient);
      const { versionId, commentId, reactions } = event.payload;
      patchComments(queryClient, versionId, (list) => ({
        comments: withReactions(list.comments, commentId, reactions),
      }));
    })
    // Comments are kept per version; an asset's ones cannot be told apart by key, so all are read again.
    .onAssetJoined((queryClient) => refetchAssetComments(queryClient));
}
