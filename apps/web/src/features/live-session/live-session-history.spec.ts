import { describeLogEntry, sessionSpan } from './live-session-history';

const rita = { id: '00000000-0000-4000-8000-000000000001', displayName: 'Rita Reviewer', guest: false };
const AT = '2026-12-05T10:02:00.000Z';

describe("a live session's log as the cut's page shows it", () => {
  it('says who did what, a line each', () => {
    expect(describeLogEntry({ at: AT, what: 'started', user: rita })).toBe(
      'Rita Reviewer started the session',
    );
    expect(describeLogEntry({ at: AT, what: 'joined', user: rita })).toBe('Rita Reviewer joined');
    expect(describeLogEntry({ at: AT, what: 'left', user: rita })).toBe('Rita Reviewer left');
    expect(describeLogEntry({ at: AT, what: 'host', user: rita })).toBe('Rita Reviewer became host');
    expect(describeLogEntry({ at: AT, what: 'annotator', user: rita })).toBe(
      'Rita Reviewer was handed the pen',
    );
    expect(describeLogEntry({ at: AT, what: 'viewer', user: rita })).toBe(
      'Rita Reviewer had the pen taken back',
    );
  });

  it('gives a session within a day as its day and times, one across midnight with both days', () => {
    const within = sessionSpan({ startedAt: AT, endedAt: '2026-12-05T10:31:00.000Z' }, 'en-GB');
    expect(within).toMatch(/^5 Dec 2026, \d\d:\d\d–\d\d:\d\d$/);
    const across = sessionSpan({ startedAt: AT, endedAt: '2026-12-07T10:31:00.000Z' }, 'en-GB');
    expect(across).toMatch(/^5 Dec 2026, \d\d:\d\d – 7 Dec 2026, \d\d:\d\d$/);
  });
});
