import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
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

/** Sends my ephemeral signals (presence, strokes) to the rooms I am in. */
export function useRoomSender(): Pick<RealtimeClient, 'sendPresence' | 'sendStroke' | 'sendTyping'> {
  const client = useRealtimeClient();
  return client;
}
