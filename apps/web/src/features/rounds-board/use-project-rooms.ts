import { useContext, useEffect } from 'react';
import { RealtimeContext } from '../../lib/realtime/realtime-context';

/** Live updates from each of these projects while mounted ("My work" spans several). */
export function useProjectRooms(projectIds: readonly string[]): void {
  const client = useContext(RealtimeContext);
  const key = [...new Set(projectIds)].sort().join(',');
  useEffect(() => {
    if (!client || key === '') return undefined;
    const stops = key.split(',').map((projectId) => client.watchProject(projectId));
    return () => stops.forEach((stop) => stop());
  }, [client, key]);
}
