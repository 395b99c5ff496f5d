import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { LiveSessionView } from './live-session-store';
import type { RealtimeClient, RealtimeStatus } from './realtime-client';
import type { RoomSignals } from './room-signals';

export const RealtimeContext = createContext<RealtimeClient | null>(null);

function useRealtimeClient(): RealtimeClient {
  const client = useContext(RealtimeContext);
  if (!client) throw new Error('realtime hooks are only usable inside RealtimeProvider');
  return client;
}

/** Live updates for a project's assets while the calling component is mounted. */
export function useProjectRoom(projectId: string): void {
  const client = useRealtimeClient();
  useEffect(() => client.watchProject(projectId), [client, projectId]);
}

/** Live events and processing progress of an asset while the calling component is mounted (null: none). */
export function useAssetRoom(assetId: string | null): void {
  const client = useRealtimeClient();
  useEffect(() => (assetId === null ? undefined : client.watchAsset(assetId)), [client, assetId]);
}

export function useRealtimeStatus(): RealtimeStatus {
  const client = useRealtimeClient();
  return useSyncExternalStore(client.subscribe, client.getStatus);
}

/** Who else is in an asset's room, and the strokes they are drawing. */
export function useRoomSignals(assetId: string): RoomSignals {
  const client = useRealtimeClient();
  return useSyncExternalStore(client.signals.subscribe, () => client.signals.get(assetId));
}

/** Sends my ephemeral signals (presence, strokes, laser pointer) to the rooms I am in. */
export function useRoomSender(): Pick<
  RealtimeClient,
  'sendPresence' | 'sendStroke' | 'sendTyping' | 'sendLaser'
> {
  const client = useRealtimeClient();
  return client;
}

/** The cut's live session as this page knows it (the cut's room must be watched). */
export function useLiveSessionView(assetId: string): LiveSessionView {
  const client = useRealtimeClient();
  return useSyncExternalStore(client.live.subscribe, () => client.live.get(assetId));
}

/** Start, join, drive, pass on, hand out the pen and leave live sessions. */
export function useLiveSessionActions(): Pick<
  RealtimeClient,
  | 'startLiveSession'
  | 'joinLiveSession'
  | 'caughtUpWithLiveSession'
  | 'leaveLiveSession'
  | 'driveLiveSession'
  | 'makeLiveHost'
  | 'setLiveRole'
  | 'breakAwayFromLiveSession'
  | 'lostLiveSeat'
> {
  return useRealtimeClient();
}

/**
 * The clock laser pointers are shown by, ticking while any is shown (a silent one fades by it), and
 * dropping those that have faded out.
 */
export function useLaserClock(assetId: string, pointers: number): number {
  const client = useRealtimeClient();
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    if (pointers === 0) return;
    const timer = setInterval(() => {
      const now = Date.now();
      setNowMs(now);
      client.signals.dropFadedLasers(assetId, now);
    }, 200);
    return () => clearInterval(timer);
  }, [client, assetId, pointers]);
  return nowMs;
}
