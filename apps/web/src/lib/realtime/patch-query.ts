import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Sets a cached entry from an event. A fetch in flight may have read the database before the event
 * committed and would overwrite it with older data, so such a fetch is restarted (a first one, with no
 * data yet, is read again once it lands: see CacheUpdateRegistry).
 */
export function patchQuery<T>(queryClient: QueryClient, queryKey: QueryKey, update: (current: T) => T): void {
  const state = queryClient.getQueryState<T>(queryKey);
  if (!state) return;
  if (state.data !== undefined)
    queryClient.setQueryData<T>(queryKey, (current) => current && update(current));
  if (state.fetchStatus === 'fetching') void queryClient.invalidateQueries({ queryKey, exact: true });
}
