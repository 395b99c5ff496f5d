import { LIVE_LOG_MAX_ENTRIES } from '@cutroom/contracts';
import { sessionLogOf } from './live-session-log.js';
import type { StoredLiveLog } from './live-sessions.repository.js';

const V1 = '00000000-0000-4000-8000-000000000001';
const GONE = '00000000-0000-4000-8000-000000000002';
const OLIVE = '00000000-0000-4000-8000-000000000010';
const RITA = '00000000-0000-4000-8000-000000000011';
const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 10, minute));

function stored(lines: StoredLiveLog['lines'], leftOut = 0): StoredLiveLog {
  return { startedAt: at(0), now: at(30), leftOut, lines };
}

describe("a live session's log as the cut's activity keeps it", () => {
  it('names its starter, keeps its lines in order, and the frames with notes of versions still there', () => {
    const log = sessionLogOf({
      sessionId: V1,
      log: stored([
        { at: at(0), what: 'started', userId: OLIVE, displayName: 'Olive', guest: false },
        { at: at(1), what: 'joined', userId: RITA, displayName: 'Rita', guest: false },
        { at: at(2), what: 'host', userId: RITA, displayName: 'Rita', guest: false },
      ]),
      notes: [
        { versionId: V1, frame: 40, notes: 1, internalNotes: 2 },
        { versionId: GONE, frame: 12, notes: 3, internalNotes: 0 },
      ],
      versionNumbers: new Map([[V1, 2]]),
    });
    expect(log).toEqual({
      sessionId: V1,
      startedAt: '2026-12-05T10:00:00.000Z',
      endedAt: '2026-12-05T10:30:00.000Z',
      startedBy: { id: OLIVE, displayName: 'Olive' },
      entries: [
        {
          at: '2026-12-05T10:00:00.000Z',
          what: 'started',
          user: { id: OLIVE, displayName: 'Olive', guest: false },
        },
        {
          at: '2026-12-05T10:01:00.000Z',
          what: 'joined',
          user: { id: RITA, displayName: 'Rita', guest: false },
        },
        {
          at: '2026-12-05T10:02:00.000Z',
          what: 'host',
          user: { id: RITA, displayName: 'Rita', guest: false },
        },
      ],
      entriesLeftOut: 0,
      frames: [{ versionId: V1, versionNumber: 2, frame: 40, notes: 1, internalNotes: 2 }],
    });
  });

  it('counts the lines past its bound, and says nobody started it once their account is gone', () => {
    const joins = Array.from({ length: LIVE_LOG_MAX_ENTRIES + 3 }, () => ({
      at: at(1),
      what: 'joined' as const,
      userId: RITA,
      displayName: 'Rita',
      guest: false,
    }));
    const log = sessionLogOf({ sessionId: V1, log: stored(joins, 7), notes: [], versionNumbers: new Map() });
    expect(log.entries).toHaveLength(LIVE_LOG_MAX_ENTRIES);
    expect(log.entriesLeftOut).toBe(10);
    expect(log.startedBy).toBeNull();
  });
});
