import { registerActivityEvents } from '../features/activity/activity-events';
import { registerApprovalEvents } from '../features/approvals/approval-events';
import { registerAssetEvents } from '../features/assets/asset-events';
import { registerCommentEvents } from '../features/comments/comment-events';
import { registerLiveSessionEvents } from '../features/live-session/live-session-history';
import { registerProjectEvents } from '../features/projects/project-events';
import { registerRoundsBoardEvents } from '../features/rounds-board/rounds-board-events';
import { registerSharingEvents } from '../features/sharing/sharing-events';
import { CacheUpdateRegistry } from '../lib/realtime/cache-update-registry';

/** Every feature whose cache socket events change, registered once at start-up. */
export function createCacheUpdates(): CacheUpdateRegistry {
  const registry = new CacheUpdateRegistry();
  // Where several features apply one event they run in this order: the asset's own entries first.
  registerAssetEvents(registry);
  registerCommentEvents(registry);
  registerApprovalEvents(registry);
  registerActivityEvents(registry);
  registerSharingEvents(registry);
  registerProjectEvents(registry);
  registerRoundsBoardEvents(registry);
  registerLiveSessionEvents(registry);
  return registry;
}
