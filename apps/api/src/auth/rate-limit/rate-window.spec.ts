import { clientAddressKey, decide } from './rate-window.js';

describe('sliding rate window', () => {
  it('allows up to the limit within a window, then refuses until the window ends', () => {
    expect(decide({ current: 20, previous: 0, elapsedSeconds: 10 }, 20)).toEqual({ allowed: true });
    expect(decide({ current: 21, previous: 0, elapsedSeconds: 10 }, 20)).toEqual({
      allowed: false,
      retryAfterSeconds: 50,
    });
  });

  it('counts the part of the previous window still inside the last minute, so an edge gives no second budget', () => {
    // 20 hits at the end of one window, then 1 a second into the next: 19.7 + 1 > 20.
    const refused = decide({ current: 1, previous: 20, elapsedSeconds: 1 }, 20);
    expect(refused.allowed).toBe(false);
    // The wait ends when enough of the previous window has slid out: 20·(1 − t/60) + 1 ≤ 20 at t = 3 s.
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(decide({ current: 1, previous: 20, elapsedSeconds: 3 }, 20)).toEqual({ allowed: true });
    expect(decide({ current: 10, previous: 20, elapsedSeconds: 30 }, 20)).toEqual({ allowed: true });
  });

  it('never tells a client to wait less than a second', () => {
    expect(decide({ current: 30, previous: 0, elapsedSeconds: 59.9 }, 20)).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });
});

describe('client address budget key', () => {
  it('is the IPv4 address, also when it arrives IPv6-mapped', () => {
    expect(clientAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the /64 of an IPv6 address, however it is written', () => {
    expect(clientAddressKey('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(clientAddressKey('2001:db8:aa:bb::99')).toBe('2001:db8:aa:bb::/64');
    expect(clientAddressKey('2001:0db8:00aa:00bb:ffff::1')).toBe('2001:db8:aa:bb::/64');
    expect(clientAddressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('still names a budget for an address it cannot read', () => {
    expect(clientAddressKey(undefined)).toBe('unknown');
    expect(clientAddressKey('not-an-address')).toBe('not-an-address');
  });
});
