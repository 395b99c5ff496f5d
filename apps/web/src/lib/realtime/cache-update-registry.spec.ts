import type { AssetEventType } from '@cutroom/contracts';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { z } from 'zod';
import { CacheUpdateRegistry } from './cache-update-registry';
import { patchQuery } from './patch-query';
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

describe('a change told while a page’s first fetch is on its way', () => {
  const notesKey = ['comments', 'version', 'v1'];

  /**
   * The notes as the server stores them, and a page watching them whose first read is held: it reads
   * the notes when asked, and its answer arrives when `arrive` is called. Later reads answer at once.
   */
  function pageLoadingNotes(queryClient: QueryClient) {
    const stored = ['Too dark here'];
    const reads: string[][] = [];
    let arrive = () => undefined as void;
    const observer = new QueryObserver(queryClient, {
      queryKey: notesKey,
      queryFn: () => {
        const read = [...stored];
        reads.push(read);
        if (reads.length > 1) return Promise.resolve(read);
        return new Promise<string[]>((resolve) => (arrive = () => resolve(read)));
      },
    });
    const stopWatching = observer.subscribe(() => undefined);
    return {
      stored,
      reads,
      arrive: () => arrive(),
      shown: () => observer.getCurrentResult().data,
      stopWatching,
    };
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('shows a note posted after the first read left, once its event arrives', async () => {
    const queryClient = new QueryClient();
    const registry = new CacheUpdateRegistry().onEvent('comment.created', (client) =>
      patchQuery<string[]>(client, notesKey, (notes) => [...notes, 'Logo bigger']),
    );
    const page = pageLoadingNotes(queryClient);
    page.stored.push('Logo bigger');
    registry.applyEvent(queryClient, event(5, 'comment.created'));
    page.arrive();
    await settle();
    expect(page.shown()).toEqual(['Too dark here', 'Logo bigger']);
    page.stopWatching();
  });

  it('shows a note posted before the room was joined, once the join asks for a fresh read', async () => {
    const queryClient = new QueryClient();
    const registry = new CacheUpdateRegistry().onAssetJoined((client) => {
      void client.invalidateQueries({ queryKey: ['comments'] });
    });
    const page = pageLoadingNotes(queryClient);
    page.stored.push('Logo bigger');
    registry.assetJoined(queryClient, assetId);
    page.arrive();
    await settle();
    expect(page.shown()).toEqual(['Too dark here', 'Logo bigger']);
    page.stopWatching();
  });

  it('lets the first read land, and reads nothing again for a message that does not touch it', async () => {
    const queryClient = new QueryClient();
    const registry = new CacheUpdateRegistry()
      .onEvent('comment.created', (client) => {
        void client.invalidateQueries({ queryKey: notesKey });
      })
      .onEvent('asset.renamed', (client) => {
        void client.invalidateQueries({ queryKey: ['assets'] });
      });
    const page = pageLoadingNotes(queryClient);
    registry.applyEvent(queryClient, event(5, 'comment.created'));
    registry.applyEvent(queryClient, event(6, 'comment.created'));
    registry.applyEvent(queryClient, event(7, 'asset.renamed'));
    page.arrive();
    await settle();
    // The first answer is shown, not dropped for a new read; one read after it covers both events.
    expect(page.reads).toHaveLength(2);
    expect(queryClient.getQueryState(notesKey)?.dataUpdateCount).toBe(2);

    registry.applyEvent(queryClient, event(8, 'asset.renamed'));
    await settle();
    expect(page.reads).toHaveLength(2);
    page.stopWatching();
  });
});
