import { daysLeft } from './days-left';

const DAY_MS = 24 * 60 * 60 * 1000;
const now = Date.parse('2026-12-05T08:00:00Z');
const at = (ms: number) => new Date(now + ms).toISOString();

describe('days left before a deleted cut is erased', () => {
  it('counts whole days up, so a cut just deleted has the full retention', () => {
    expect(daysLeft(at(30 * DAY_MS - 1000), now)).toBe('30 days left');
    expect(daysLeft(at(DAY_MS + 1), now)).toBe('2 days left');
    expect(daysLeft(at(DAY_MS), now)).toBe('1 day left');
    expect(daysLeft(at(60_000), now)).toBe('1 day left');
  });

  it('says "erased soon" once the time is up and the purge has not run yet', () => {
    expect(daysLeft(at(0), now)).toBe('erased soon');
    expect(daysLeft(at(-DAY_MS), now)).toBe('erased soon');
  });
});
