import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { markSessionExpired } from '../features/auth/session-queries';
import { RealtimeClient } from '../lib/realtime/realtime-client';
import { RealtimeContext } from '../lib/realtime/realtime-context';
import { createCacheUpdates } from './cache-updates';

/** One socket for the signed-in person, open while they are signed in. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [client] = useState(
    () => new RealtimeClient(queryClient, createCacheUpdates(), () => markSessionExpired(queryClient)),
  );
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}
