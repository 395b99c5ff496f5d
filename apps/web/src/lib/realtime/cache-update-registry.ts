import type { AssetEventType } from '@cutroom/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';

import type { ReceivedEvent } from './received-event';

/** The event of one `type`: its payload typed, or null when it could not be read. */
export type AssetEventOf<T extends AssetEventType> = ReceivedEvent & { type: T };

export type AssetEventApplier<T extends AssetEventType = AssetEventType> = (
  queryClient: QueryClient,
  event: AssetEventOf<T>,
) => void;

/** After (re)joining a room (project or asset id), or after a reconnect (no id). */
type Refresher<Id> = (queryClient: QueryClient, id: Id) => void;

interface PushApplier {
  schema: z.ZodType;
  apply: (queryClient: QueryClient, message: unknown) => void;
}

/**
 * The one place socket messages reach the react-query cache. Each feature registers, next to its query
 * keys, how it applies the events that touch its entries; the realtime client dispatches through here
 * and knows no feature. Several features may apply the same event; they run in registration order.
 */
export class CacheUpdateRegistry {
  private readonly eventAppliers = new Map<AssetEventType, AssetEventApplier[]>();
  private readonly pushAppliers = new Map<string, PushApplier[]>();
  private readonly projectRefreshers: Refresher<string>[] = [];
  private readonly assetRefreshers: Refresher<string>[] = [];
  private readonly reconnectRefreshers: Refresher<void>[] = [];

  /** How a persisted asset event of `type` changes the cache. */
  onEvent<T extends AssetEventType>(type: T, apply: AssetEventApplier<T>): this {
    const appliers = this.eventAppliers.get(type) ?? [];
    appliers.push(apply as AssetEventApplier);
    this.eventAppliers.set(type, appliers);
    return this;
  }

  /** How an ephemeral server message (not in the event log, so without a seq) changes the cache. */
  onPush<T>(
    socketEvent: string,
    schema: z.ZodType<T>,
    apply: (queryClient: QueryClient, message: T) => void,
  ): this {
    const appliers = this.pushAppliers.get(socketEvent) ?? [];
    appliers.push({ schema, apply: apply as PushApplier['apply'] });
    this.pushAppliers.set(socketEvent, appliers);
    return this;
  }

  /** What to read again after (re)joining a project's room: anything before the join. */
  onProjectJoined(refresh: Refresher<string>): this {
    this.projectRefreshers.push(refresh);
    return this;
  }

  /** What to read again after joining an asset's room without (all of) its missed events. */
  onAssetJoined(refresh: Refresher<string>): this {
    this.assetRefreshers.push(refresh);
    return this;
  }

  /** What to read again after a reconnect: pushes sent while the socket was down are lost. */
  onReconnected(refresh: Refresher<void>): this {
    this.reconnectRefreshers.push(refresh);
    return this;
  }

  /** Applies one persisted asset event; the caller guarantees each seq arrives here once, in order. */
  applyEvent(queryClient: QueryClient, event: ReceivedEvent): void {
    // A type nobody registered changes nothing.
    const appliers = this.eventAppliers.get(event.type) ?? [];
    rereadingFirstFetches(queryClient, () => {
      for (const apply of appliers) apply(queryClient, event);
    });
  }

  /** Socket event names with a registered push applier, for the client to listen to. */
  pushEvents(): string[] {
    return [...this.pushAppliers.keys()];
  }

  /** Applies a pushed message; one its applier cannot read is dropped. */
  applyPush(queryClient: QueryClient, socketEvent: string, raw: unknown): void {
    rereadingFirstFetches(queryClient, () => {
      for (const { schema, apply } of this.pushAppliers.get(socketEvent) ?? []) {
        const message = schema.safeParse(raw);
        if (message.success) apply(queryClient, message.data);
      }
    });
  }

  projectJoined(queryClient: QueryClient, projectId: string): void {
    rereadingFirstFetches(queryClient, () => {
      for (const refresh of this.projectRefreshers) refresh(queryClient, projectId);
    });
  }

  assetJoined(queryClient: QueryClient, assetId: string): void {
    rereadingFirstFetches(queryClient, () => {
      for (const refresh of this.assetRefreshers) refresh(queryClient, assetId);
    });
  }

  reconnected(queryClient: QueryClient): void {
    rereadingFirstFetches(queryClient, () => {
      for (const refresh of this.reconnectRefreshers) refresh(queryClient);
    });
  }
}

/**
 * Runs the cache updates of one socket message, then reads again each first fetch they invalidated while
 * it was on its way. react-query restarts an invalidated fetch only when its entry already has data; a
 * first one runs on, and may have read the database before the change the message tells of (a note
 * posted while the page loads): its answer would land without it, and nothing later would bring it.
 * The answer on its way is kept, not cancelled, so a stream of messages cannot keep a page from loading.
 */
function rereadingFirstFetches(queryClient: QueryClient, update: () => void): void {
  // What the update invalidates is told by the flag it sets; one already set (a reread already due) shows nothing.
  const firstFetches = queryClient.getQueryCache().findAll({
    fetchStatus: 'fetching',
    predicate: (query) => query.state.data === undefined && !query.state.isInvalidated,
  });
  update();
  for (const query of firstFetches) {
    if (!query.state.isInvalidated) continue;
    const entry = { queryKey: query.queryKey, exact: true };
    void queryClient
      .refetchQueries(entry, { cancelRefetch: false })
      .then(() => queryClient.invalidateQueries(entry));
  }
}
