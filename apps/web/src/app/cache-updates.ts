import { registerActivityEvents } from '../features/activity/activity-events';
import { registerApprovalEvents } from '../features/approvals/approval-events';
import { registerAssetEvents } from '../features/assets/asset-events';
import { registerCommentEvents } from '../features/comments/comment-events';
import { CacheUpdateRegistry } from '../lib/realtime/cache-update-registry';

/** Every feature whose cache socket events change, registered once at start-up. */
export function createCacheUpdates(): CacheUpdateRegistry {
  const registry = new CacheUpdateRegistry();
  // Where several features apply one event they run in this order: the asset's own entries first.
  registerAssetEvents(registry);
  registerCommentEvents(registry);
  registerApprovalEvents(registry);
  registerActivityEvents(registry);
  return registry;
}
