import { useRealtimeStatus } from '../lib/realtime/realtime-context';

/** Says so while live updates are not arriving; what was missed is caught up on reconnect. */
export function ConnectionNotice() {
  const status = useRealtimeStatus();
  if (status !== 'offline') return null;
  return (
    <p className="connection-notice" role="status">
      Reconnecting… live updates resume when the connection is back.
    </p>
  );
}
