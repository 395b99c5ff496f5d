import type { ActivityPage, ActivityUnread } from '@cutroom/contracts';
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import { getUnreadCount, listActivity, markActivityItemRead, markActivityRead } from './activity-api';
import { markPagesRead } from './activity-item';
import { activityKeys } from './activity-keys';

/** My unread count: read once, then pushed live over the socket (`activity:unread`). */
export function useUnreadCount() {
  return useQuery({
    queryKey: activityKeys.unread(),
    queryFn: ({ signal }) => getUnreadCount(signal),
    select: (unread) => unread.count,
  });
}

/** My feed, newest first, a page at a time; fetched while the bell's panel is open. */
export function useActivityFeed(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: activityKeys.feed(),
    queryFn: ({ pageParam, signal }) => listActivity(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
    staleTime: 0,
  });
}

/** Marks one item read, or everything up to the newest item shown; the list shows it at once. */
export function useMarkActivityRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: { itemId: string } | { upTo: string | 'all' }) =>
      'itemId' in target ? markActivityItemRead(target.itemId) : markActivityRead(target.upTo),
    onMutate: async (target) => {
      await queryClient.cancelQueries({ queryKey: activityKeys.feed() });
      queryClient.setQueryData<InfiniteData<ActivityPage>>(activityKeys.feed(), (feed) =>
        feed ? { ...feed, pages: markPagesRead(feed.pages, target) } : feed,
      );
    },
    onSuccess: (unread) => queryClient.setQueryData<ActivityUnread>(activityKeys.unread(), unread),
    onError: () => queryClient.invalidateQueries({ queryKey: activityKeys.all }),
  });
}
