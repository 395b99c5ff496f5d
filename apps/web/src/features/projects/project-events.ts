import { projectJoinedSchema, projectServerEvents } from '@cutroom/contracts';
import type { CacheUpdateRegistry } from '../../lib/realtime/cache-update-registry';
import { projectKeys } from './project-queries';

/** I joined a project (added by an owner, or through an invitation): it shows in my list at once. */
export function registerProjectEvents(registry: CacheUpdateRegistry): void {
  registry
    .onPush(projectServerEvents.joined, projectJoinedSchema, (queryClient) => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.list() });
    })
    .onReconnected((queryClient) => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.list() });
    });
}
