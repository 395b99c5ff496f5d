import { linkChangedSchema, serverEvents } from '@cutroom/contracts';
import type { CacheUpdateRegistry } from '../../lib/realtime/cache-update-registry';
import { updateGuestAccess } from '../auth/session-queries';
import { sharingKeys } from './sharing-queries';

/**
 * A guest's link changed under them (what it grants, when it ends): the page follows at once. A cut
 * moved to another project leaves its old project's links: their rows say what they share now.
 */
export function registerSharingEvents(registry: CacheUpdateRegistry): void {
  registry
    .onPush(serverEvents.linkChanged, linkChangedSchema, (queryClient, message) =>
      updateGuestAccess(queryClient, message.guest),
    )
    .onEvent('asset.moved', (queryClient, event) => {
      const from = event.payload?.fromProjectId;
      if (from !== undefined) void queryClient.invalidateQueries({ queryKey: sharingKeys.links(from) });
    });
}
