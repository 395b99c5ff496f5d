import { activityPageSchema, activityUnreadSchema } from '@cutroom/contracts';
import { apiRequest } from '../../lib/api-client';

export const ACTIVITY_PAGE_SIZE = 20;

/** The feed, newest first; `before` is the previous page's `nextCursor`. */
export function listActivity(before: string | null, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: String(ACTIVITY_PAGE_SIZE) });
  if (before !== null) query.set('before', before);
  return apiRequest(`/activity?${query.toString()}`, { schema: activityPageSchema, signal });
}

export function getUnreadCount(signal?: AbortSignal) {
  return apiRequest('/activity/unread-count', { schema: activityUnreadSchema, signal });
}

/** Marks read every item up to and including `upTo` (the newest one seen), answering the new count. */
export function markActivityRead(upTo: string | 'all') {
  return apiRequest('/activity/read', { method: 'POST', body: { upTo }, schema: activityUnreadSchema });
}

export function markActivityItemRead(itemId: string) {
  return apiRequest(`/activity/${encodeURIComponent(itemId)}/read`, {
    method: 'POST',
    schema: activityUnreadSchema,
  });
}
