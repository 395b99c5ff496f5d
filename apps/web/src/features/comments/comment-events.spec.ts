import type { AssetEventType, Comment, CommentList } from '@cutroom/contracts';
import { QueryClient } from '@tanstack/react-query';
import { CacheUpdateRegistry } from '../../lib/realtime/cache-update-registry';
import { readEvent, type ReceivedEvent } from '../../lib/realtime/received-event';
import { registerCommentEvents } from './comment-events';
import { commentKeys } from './comment-queries';

const assetId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const versionOne = '00000000-0000-4000-8000-000000000001';

/** An event as the socket delivers it, read as the realtime client reads it. */
function event(seq: number, type: AssetEventType, payload: unknown): ReceivedEvent {
  return readEvent({ assetId, seq, type, actorId: null, createdAt: '2025-06-01T12:00:00.000Z', payload });
}

const registry = new CacheUpdateRegistry();
registerCommentEvents(registry);
const applyAssetEvent = (queryClient: QueryClient, event: ReceivedEvent) =>
  registry.applyEvent(queryClient, event);

describe('applying comment events to the cache', () => {
  const versionId = versionOne;
  const comment: Comment = {
    id: '5b0a2c3d-1111-4111-8111-111111111111',
    versionId,
    assetId,
    parentId: null,
    author: { id: '6c0a2c3d-1111-4111-8111-111111111111', displayName: 'Rosa' },
    body: 'Too dark here',
    frame: 12,
    frameEnd: null,
    internal: false,
    annotation: null,
    mentions: [],
    hashtags: [],
    resolved: false,
    resolvedAt: null,
    resolvedBy: null,
    reactions: [],
    createdAt: '2025-06-01T12:00:00.000Z',
    editedAt: null,
    clientId: null,
  };
  const comments = (queryClient: QueryClient) =>
    queryClient.getQueryData<CommentList>(commentKeys.list(versionId))?.comments ?? [];

  it('adds a new comment, resolves it, counts reactions and removes it', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<CommentList>(commentKeys.list(versionId), { comments: [] });
    applyAssetEvent(queryClient, event(1, 'comment.created', { comment }));
    applyAssetEvent(queryClient, event(2, 'comment.created', { comment }));
    expect(comments(queryClient)).toHaveLength(1);
    applyAssetEvent(queryClient, event(3, 'comment.resolved', { comment: { ...comment, resolved: true } }));
    expect(comments(queryClient)[0].resolved).toBe(true);
    applyAssetEvent(
      queryClient,
      event(4, 'comment.reactions', {
        commentId: comment.id,
        versionId,
        reactions: [{ emoji: '👍', userIds: [comment.author?.id] }],
      }),
    );
    expect(comments(queryClient)[0].reactions[0].emoji).toBe('👍');
    applyAssetEvent(
      queryClient,
      event(5, 'comment.deleted', { commentId: comment.id, versionId, parentId: null, internal: false }),
    );
    expect(comments(queryClient)).toEqual([]);
  });
});
