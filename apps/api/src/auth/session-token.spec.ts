import { hashSessionToken, newSessionToken, parseCookieHeader, readSessionToken } from './session-token.js';

describe('session tokens', () => {
  it('are unique and never stored as given', () => {
    const a = newSessionToken();
    const b = newSessionToken();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashSessionToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(a)).not.toContain(a);
  });

  it('are read from a bearer header before the cookie', () => {
    const token = newSessionToken();
    const other = newSessionToken();
    expect(readSessionToken(`Bearer ${token}`, { s: other }, 's')).toBe(token);
    expect(readSessionToken(undefined, { s: other }, 's')).toBe(other);
    expect(readSessionToken('Basic abc', {}, 's')).toBeUndefined();
    expect(readSessionToken(undefined, { s: 'short' }, 's')).toBeUndefined();
  });

  it('come out of a raw Cookie header, where a malformed cookie is skipped rather than fatal', () => {
    expect(parseCookieHeader('a=1; cutroom_session=abc%2Ddef; bad=%E0%A4%A; flag')).toEqual({
      a: '1',
      cutroom_session: 'abc-def',
    });
    expect(parseCookieHeader(undefined)).toEqual({});
  });
});
