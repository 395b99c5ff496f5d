import { type LiveLogEntry, type LiveSessionLog, liveSessionLogListSchema } from '@cutroom/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import type { CacheUpdateRegistry } from '../../lib/realtime/cache-update-registry';

export const liveSessionKeys = {
  history: (assetId: string) => ['live-sessions', assetId] as const,
};

function listLiveSessions(assetId: string, signal?: AbortSignal) {
  return apiRequest(`/assets/${encodeURIComponent(assetId)}/live-sessions`, {
    schema: liveSessionLogListSchema,
    signal,
  });
}

/** The cut's past live sessions, newest first (none for a guest whose link hides the team). */
export function useLiveSessionHistory(assetId: string) {
  return useQuery({
    queryKey: liveSessionKeys.history(assetId),
    queryFn: ({ signal }) => listLiveSessions(assetId, signal),
    select: (list) => list.sessions,
  });
}

/** A session that ends joins the top of the list, as the server told this reader of it. */
export function registerLiveSessionEvents(registry: CacheUpdateRegistry): void {
  registry
    .onEvent('live.session', (queryClient, event) => {
      const { payload } = event;
      if (payload === null) {
        void queryClient.invalidateQueries({ queryKey: liveSessionKeys.history(event.assetId) });
        return;
      }
      queryClient.setQueryData<{ sessions: { seq: number; log: LiveSessionLog }[] }>(
        liveSessionKeys.history(event.assetId),
        (list) =>
          list && !list.sessions.some((s) => s.seq === event.seq)
            ? { sessions: [{ seq: event.seq, log: payload }, ...list.sessions] }
            : list,
      );
    })
    .onAssetJoined((queryClient, assetId) => {
      void queryClient.invalidateQueries({ queryKey: liveSessionKeys.history(assetId) });
    });
}

const doing: Record<LiveLogEntry['what'], string> = {
  started: 'started the session',
  joined: 'joined',
  left: 'left',
  host: 'became host',
  annotator: 'was handed the pen',
  viewer: 'had the pen taken back',
};

/** "Rita Reviewer joined": a line of a session's log. */
export function describeLogEntry(entry: LiveLogEntry): string {
  return `${entry.user.displayName} ${doing[entry.what]}`;
}

/** "10:02–10:31" (or with the dates, across midnight), in the reader's time zone. */
export function sessionSpan(log: Pick<LiveSessionLog, 'startedAt' | 'endedAt'>, locale?: string): string {
  const start = new Date(log.startedAt);
  const end = new Date(log.endedAt);
  const time = (at: Date) => at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const day = (at: Date) =>
    at.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  return day(start) === day(end)
    ? `${day(start)}, ${time(start)}–${time(end)}`
    : `${day(start)}, ${time(start)} – ${day(end)}, ${time(end)}`;
}
