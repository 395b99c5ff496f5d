import type { LiveSessionLog } from '@cutroom/contracts';
import { liveSessionLogForReader } from './index';

const VERSION = '00000000-0000-4000-8000-000000000002';
const olive = { id: '00000000-0000-4000-8000-000000000010', displayName: 'Olive', guest: false };
const log: LiveSessionLog = {
  sessionId: '00000000-0000-4000-8000-000000000001',
  startedAt: '2026-12-05T10:00:00.000Z',
  endedAt: '2026-12-05T10:30:00.000Z',
  startedBy: { id: olive.id, displayName: 'Olive' },
  entries: [
    { at: '2026-12-05T10:00:00.000Z', what: 'started', user: olive },
    { at: '2026-12-05T10:30:00.000Z', what: 'left', user: olive },
  ],
  entriesLeftOut: 0,
  frames: [
    { versionId: VERSION, versionNumber: 1, frame: 12, notes: 2, internalNotes: 1 },
    { versionId: VERSION, versionNumber: 1, frame: 40, notes: 0, internalNotes: 3 },
  ],
};

describe("who reads a live session's log", () => {
  it('the team reads all of it, internal notes counted', () => {
    expect(liveSessionLogForReader(log, 'team')).toEqual(log);
  });

  it('a guest whose link shows the team reads who was there and where shared notes were posted, never an internal one', () => {
    expect(liveSessionLogForReader(log, { guest: { showTeamActivity: true, linkId: 'l1' } })).toEqual({
      ...log,
      frames: [{ versionId: VERSION, versionNumber: 1, frame: 12, notes: 2 }],
    });
  });

  it('a guest whose link does not show the team reads none of it', () => {
    expect(liveSessionLogForReader(log, { guest: { showTeamActivity: false, linkId: 'l1' } })).toBeNull();
  });
});
