import { useSession } from '../features/auth/session-queries';
import { useRealtimeStatus } from '../lib/realtime/realtime-context';

/** Says so while live updates are not arriving; what was missed is caught up on reconnect. */
export function ConnectionNotice() {
  const status = useRealtimeStatus();
  const session = useSession();
  // A guest whose link ended is told that instead: there is nothing to reconnect to.
  if (session.data?.status === 'signed-in' && session.data.linkEnded) return null;
  if (status !== 'offline') return null;
  return (
    <p className="connection-notice" role="status">
      Reconnecting… live updates resume when the connection is back.
    </p>
  );
}
