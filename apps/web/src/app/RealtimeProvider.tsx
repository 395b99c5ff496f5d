import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { markLinkEnded, markSessionExpired, useSession } from '../features/auth/session-queries';
import { RealtimeClient } from '../lib/realtime/realtime-client';
import { RealtimeContext } from '../lib/realtime/realtime-context';
import { createCacheUpdates } from './cache-updates';

/** One socket for the signed-in person, open while they are signed in (and, for a guest, their link lives). */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [client] = useState(
    () =>
      new RealtimeClient(queryClient, createCacheUpdates(), (linkEnded) =>
        linkEnded ? markLinkEnded(queryClient, linkEnded) : markSessionExpired(queryClient),
      ),
  );
  const session = useSession();
  const linkEnded = session.data?.status === 'signed-in' && session.data.linkEnded !== undefined;
  useEffect(() => {
    if (linkEnded) return;
    client.start();
    return () => client.stop();
  }, [client, linkEnded]);
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}
