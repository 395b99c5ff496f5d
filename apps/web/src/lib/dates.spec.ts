import { formatDate, formatDateTime, formatRelative, relativeRefreshMs } from './dates';

const now = Date.parse('2025-06-10T12:00:00.000Z');

describe('dates', () => {
  it('says how long ago in a few words, then the day', () => {
    expect(formatRelative('2025-06-10T11:59:30.000Z', now)).toBe('just now');
    expect(formatRelative('2025-06-10T12:00:05.000Z', now)).toBe('just now');
    expect(formatRelative('2025-06-10T11:58:00.000Z', now)).toBe('2 min ago');
    expect(formatRelative('2025-06-10T09:00:00.000Z', now)).toBe('3 h ago');
    expect(formatRelative('2025-06-09T10:00:00.000Z', now)).toBe('yesterday');
    expect(formatRelative('2025-06-06T12:00:00.000Z', now)).toBe('4 d ago');
    expect(formatRelative('2025-05-01T12:00:00.000Z', now)).toBe(formatDate('2025-05-01T12:00:00.000Z'));
    expect(formatDate('2025-05-01T12:00:00.000Z')).toMatch(/2025/);
  });

  it('writes the exact moment with its time of day', () => {
    const exact = formatDateTime('2025-05-01T12:34:00.000Z');
    expect(exact).toMatch(/2025/);
    expect(exact).not.toBe(formatDate('2025-05-01T12:34:00.000Z'));
  });

  it('refreshes when the words would change, not sooner', () => {
    // 30 s old: "just now" turns into "1 min ago" in 30 s.
    expect(relativeRefreshMs('2025-06-10T11:59:30.000Z', now)).toBe(30_050);
    const later = now + relativeRefreshMs('2025-06-10T11:59:30.000Z', now);
    expect(formatRelative('2025-06-10T11:59:30.000Z', later)).toBe('1 min ago');
    // 3 h 10 min old: the next change is at 4 h.
    expect(relativeRefreshMs('2025-06-10T08:50:00.000Z', now)).toBe(50 * 60_000 + 50);
  });
});
