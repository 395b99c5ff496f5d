import { EphemeralThrottle } from './ephemeral-throttle.js';

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
