import type { ActivityUnread } from '@cutroom/contracts';
import { QueryClient } from '@tanstack/react-query';
import { applyActivityUnread } from './activity-events';
import { activityKeys } from './activity-keys';

describe('applying my unread count', () => {
  it('shows the pushed count and reads the feed again', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<ActivityUnread>(activityKeys.unread(), { count: 0 });
    queryClient.setQueryData(activityKeys.feed(), { pages: [], pageParams: [] });
    applyActivityUnread(queryClient, { count: 3 });
    expect(queryClient.getQueryData<ActivityUnread>(activityKeys.unread())).toEqual({ count: 3 });
    expect(queryClient.getQueryState(activityKeys.feed())?.isInvalidated).toBe(true);
  });
});
