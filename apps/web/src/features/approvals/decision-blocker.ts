import type { Version } from '@cutroom/contracts';
import { versionLabel } from '../assets/version-status';

/**
 * Why a decision cannot be made on this version now, or null when it can: only the newest version's
 * round is open, and only once it can be watched.
 */
export function decisionBlocker(
  version: Pick<Version, 'number' | 'status' | 'playable'>,
  newestNumber: number,
): string | null {
  if (version.number < newestNumber) {
    return `${versionLabel(version)} has been replaced by v${newestNumber}: decisions are made on the newest version.`;
  }
  if (version.status !== 'ready' && !version.playable) {
    return `${versionLabel(version)} cannot be watched yet: decide once it has been processed.`;
  }
  return null;
}
