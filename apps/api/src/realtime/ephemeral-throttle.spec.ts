import { EphemeralThrottle, LatestStateThrottle, TokenBucket } from './ephemeral-throttle.js';

describe('ephemeral throttle', () => {
  it('drops a socket’s signals beyond its rate and lets the next one through in time', () => {
    const throttle = new EphemeralThrottle(10);
    expect(throttle.admit('s1:presence', 1000)).toBe(true);
    expect(throttle.admit('s1:presence', 1050)).toBe(false);
    expect(throttle.admit('s2:presence', 1050)).toBe(true);
    expect(throttle.admit('s1:presence', 1100)).toBe(true);
  });

  it('forgets a socket when it leaves', () => {
    const throttle = new EphemeralThrottle(1);
    throttle.admit('s1:typing', 0);
    throttle.forget('s1:');
    expect(throttle.admit('s1:typing', 10)).toBe(true);
  });
});

describe('latest-state throttle', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('sends at once when in time, and of a burst only the last state, at the next turn', () => {
    const throttle = new LatestStateThrottle(10);
    const sent: string[] = [];
    for (const state of ['a', 'b', 'c', 'd']) throttle.offer('s1:shapes', () => sent.push(state));
    throttle.offer('s2:shapes', () => sent.push('other socket'));
    expect(sent).toEqual(['a', 'other socket']);
    jest.advanceTimersByTime(99);
    expect(sent).toEqual(['a', 'other socket']);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual(['a', 'other socket', 'd']);
    jest.advanceTimersByTime(1000);
    throttle.offer('s1:shapes', () => sent.push('e'));
    expect(sent.at(-1)).toBe('e');
  });

  it('drops what waits for a socket that has left', () => {
    const throttle = new LatestStateThrottle(10);
    const sent: string[] = [];
    throttle.offer('s1:shapes', () => sent.push('a'));
    throttle.offer('s1:shapes', () => sent.push('b'));
    throttle.forget('s1:');
    jest.advanceTimersByTime(1000);
    expect(sent).toEqual(['a']);
    throttle.offer('s1:shapes', () => sent.push('c'));
    expect(sent).toEqual(['a', 'c']);
  });
});

describe('token bucket', () => {
  it('lets a burst through at once, then as many a second as it refills, and says how long to wait', () => {
    const bucket = new TokenBucket(3, 10);
    expect([0, 0, 0].map(() => bucket.take('s1:cut', 1000))).toEqual([0, 0, 0]);
    expect(bucket.take('s1:cut', 1000)).toBe(100);
    expect(bucket.take('s2:cut', 1000)).toBe(0);
    expect(bucket.take('s1:cut', 1050)).toBe(50);
    expect(bucket.take('s1:cut', 1100)).toBe(0);
    expect(bucket.take('s1:cut', 1100)).toBe(100);
  });

  it('refills no further than its burst, and forgets a socket when it leaves', () => {
    const bucket = new TokenBucket(2, 10);
    bucket.take('s1:cut', 0);
    bucket.take('s1:cut', 0);
    expect([0, 0, 0].map(() => bucket.take('s1:cut', 60_000))).toEqual([0, 0, 100]);
    bucket.forget('s1:');
    expect(bucket.take('s1:cut', 60_000)).toBe(0);
  });
});
