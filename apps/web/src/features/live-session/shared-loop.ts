import type { LiveTransport } from '@cutroom/contracts';
import type { FrameRange } from '../player/loop-range';

/** The host's loop as a follower's player plays and shows it: on the host's version only. */
export function sharedLoopOf(transport: LiveTransport, versionId: string): FrameRange | null {
  if (transport.versionId !== versionId || transport.loopIn === null || transport.loopOut === null)
    return null;
  return { from: transport.loopIn, to: transport.loopOut };
}
