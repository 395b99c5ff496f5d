import type { LiveSessionState } from '@cutroom/contracts';
import { holdsSeat } from './seat-held';

const ME = '00000000-0000-4000-8000-000000000010';
const HOST = '00000000-0000-4000-8000-000000000011';

function session(participants: string[]): LiveSessionState {
  return {
    sessionId: '00000000-0000-4000-8000-000000000001',
    assetId: '00000000-0000-4000-8000-000000000002',
    host: { userId: HOST, displayName: 'Hana Host' },
    participants: participants.map((userId) => ({
      userId,
      displayName: userId === HOST ? 'Hana Host' : 'Rafa Reviewer',
      role: 'viewer',
      guest: false,
    })),
    transport: {
      versionId: '00000000-0000-4000-8000-000000000003',
      frame: 0,
      playing: false,
      rate: 1,
      loopIn: null,
      loopOut: null,
      compare: null,
    },
    revision: 1,
    changedAt: '2026-12-05T10:00:00.000Z',
    serverTime: '2026-12-05T10:00:00.000Z',
  };
}

describe('my seat in a live session, as this tab shows it', () => {
  it('is held while this tab joined and the session lists me', () => {
    expect(holdsSeat(true, session([HOST, ME]), ME)).toBe(true);
  });

  it('is gone once I left from another tab: the session no longer lists me', () => {
    expect(holdsSeat(true, session([HOST]), ME)).toBe(false);
  });

  it('is not held by a tab that never joined, or with no session', () => {
    expect(holdsSeat(false, session([HOST, ME]), ME)).toBe(false);
    expect(holdsSeat(true, null, ME)).toBe(false);
  });
});
