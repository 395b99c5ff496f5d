import { activityServerEvents, activityUnreadSchema, type ActivityUnread } from '@cutroom/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { CacheUpdateRegistry } from '../../lib/realtime/cache-update-registry';
import { activityKeys } from './activity-keys';

/** My unread count, pushed whenever it changes: new items arrived, or I read some elsewhere. */
export function applyActivityUnread(queryClient: QueryClient, unread: ActivityUnread): void {
  queryClient.setQueryData<ActivityUnread>(activityKeys.unread(), unread);
  // The feed holds the items themselves: read again when next shown (at once if it is open).
  void queryClient.invalidateQueries({ queryKey: activityKeys.feed() });
}

export function registerActivityEvents(registry: CacheUpdateRegistry): void {
  registry
    .onPush(activityServerEvents.unread, activityUnreadSchema, applyActivityUnread)
    // Unread counts pushed while the socket was down are lost: read them again on a reconnect.
    .onReconnected((queryClient) => {
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
    });
}
