import type { AssetEventType } from '@cutroom/contracts';
import { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { CacheUpdateRegistry } from './cache-update-registry';
import type { ReceivedEvent } from './received-event';

const assetId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function event(seq: number, type: AssetEventType): ReceivedEvent {
  return { assetId, seq, type, actorId: null, createdAt: '2025-06-01T12:00:00.000Z', payload: null };
}

describe('dispatching socket messages to the features’ cache updates', () => {
  it('gives an event to every feature that registered its type, in registration order', () => {
    const queryClient = new QueryClient();
    const applied: string[] = [];
    const registry = new CacheUpdateRegistry()
      .onEvent('version.created', (_, e) => applied.push(`assets ${e.type} ${e.seq}`))
      .onEvent('comment.created', () => applied.push('comments'))
      .onEvent('version.created', (_, e) => applied.push(`approvals ${e.type} ${e.seq}`));
    registry.applyEvent(queryClient, event(4, 'version.created'));
    expect(applied).toEqual(['assets version.created 4', 'approvals version.created 4']);
  });

  it('leaves the cache alone for an event type no feature registered', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(['assets', 'detail', assetId], { name: 'Trailer' });
    const registry = new CacheUpdateRegistry().onEvent('asset.renamed', () => {
      throw new Error('not this one');
    });
    expect(() => registry.applyEvent(queryClient, event(2, 'asset.deleted'))).not.toThrow();
    expect(queryClient.getQueryData(['assets', 'detail', assetId])).toEqual({ name: 'Trailer' });
  });

  it('applies a pushed message its schema reads, and drops one it cannot read', () => {
    const queryClient = new QueryClient();
    const counts: number[] = [];
    const registry = new CacheUpdateRegistry().onPush(
      'activity:unread',
      z.object({ count: z.number() }),
      (_, unread) => counts.push(unread.count),
    );
    expect(registry.pushEvents()).toEqual(['activity:unread']);
    registry.applyPush(queryClient, 'activity:unread', { count: 3 });
    registry.applyPush(queryClient, 'activity:unread', { count: 'three' });
    registry.applyPush(queryClient, 'version:progress', { count: 4 });
    expect(counts).toEqual([3]);
  });

  it('reads again what each feature asks after joining a room or reconnecting', () => {
    const queryClient = new QueryClient();
    const refreshed: string[] = [];
    const registry = new CacheUpdateRegistry()
      .onProjectJoined((_, projectId) => refreshed.push(`project ${projectId}`))
      .onAssetJoined((_, id) => refreshed.push(`asset ${id}`))
      .onAssetJoined((_, id) => refreshed.push(`comments of ${id}`))
      .onReconnected(() => refreshed.push('activity'));
    registry.projectJoined(queryClient, 'p1');
    registry.assetJoined(queryClient, 'a1');
    registry.reconnected(queryClient);
    expect(refreshed).toEqual(['project p1', 'asset a1', 'comments of a1', 'activity']);
  });
});
