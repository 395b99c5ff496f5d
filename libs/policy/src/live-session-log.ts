import type { LiveSessionLog } from '@cutroom/contracts';
import { type Reader, seesTeamActivity } from './guest-view';

/**
 * A live session's log as its reader may see it: the team, all of it; a guest, only through a link
 * that shows the team's activity (who was in it is the team's presence), and never the internal
 * notes posted during it — a frame where only internal notes were posted is left out altogether.
 */
export function liveSessionLogForReader(log: LiveSessionLog, reader: Reader): LiveSessionLog | null {
  if (reader === 'team') return log;
  if (!seesTeamActivity(reader)) return null;
  return {
    ...log,
    frames: log.frames.filter((f) => f.notes > 0).map(({ internalNotes: _internal, ...shared }) => shared),
  };
}
