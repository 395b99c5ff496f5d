/**
 * Cache keys of the signed-in person's activity. The socket's unread pushes update them in one
 * place, activity-events.ts.
 */
export const activityKeys = {
  all: ['activity'] as const,
  unread: () => [...activityKeys.all, 'unread'] as const,
  feed: () => [...activityKeys.all, 'feed'] as const,
};
