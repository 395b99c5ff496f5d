import type { VersionStatus } from '@cutroom/contracts';

/**
 * A review-link guest sees a version only once it is ready: never one uploading, queued,
 * processing or failed (nor a cut that has no ready version at all). The api's SQL says the same:
 * `GUEST_VERSION_SQL` below, used wherever versions are read for a guest.
 */
export function guestMaySeeVersion(status: VersionStatus): boolean {
  return status === 'ready';
}

/** The same rule as a SQL condition on a `versions` row aliased `v`. */
export const GUEST_VERSION_SQL = `v.status = 'ready'`;
