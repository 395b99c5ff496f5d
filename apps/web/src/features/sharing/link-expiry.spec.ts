import { expiryFor } from './link-expiry';

describe('review link expiry', () => {
  const now = new Date(2026, 10, 25, 9, 30);

  it('sends nothing for a link that never expires', () => {
    expect(expiryFor({ kind: 'never' }, now)).toBeUndefined();
  });

  it('counts days from now', () => {
    expect(expiryFor({ kind: 'days', days: 7 }, now)).toBe(new Date(2026, 11, 2, 9, 30).toISOString());
  });

  it('runs to the end of a chosen day, in the person’s own time zone', () => {
    expect(expiryFor({ kind: 'until', date: '2026-12-24' }, now)).toBe(
      new Date(2026, 11, 24, 23, 59, 59, 999).toISOString(),
    );
  });

  it('refuses a missing or impossible date instead of guessing', () => {
    expect(expiryFor({ kind: 'until', date: '' }, now)).toBeNull();
    expect(expiryFor({ kind: 'until', date: '2026-02-30' }, now)).toBeNull();
  });
});
