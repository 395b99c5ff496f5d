import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the value of the cookie and of `Authorization: Bearer`. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Finds the session token in a bearer header or the session cookie, bearer first. */
export function readSessionToken(
  authorization: string | undefined,
  cookies: Record<string, string | undefined> | undefined,
  cookieName: string,
): string | undefined {
  const bearer = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/i.exec(authorization?.trim() ?? '');
  if (bearer) return bearer[1];
  const cookie = cookies?.[cookieName];
  return cookie && /^[A-Za-z0-9_-]{20,200}$/.test(cookie) ? cookie : undefined;
}

/** A Cookie header as name → value (values URL-decoded); for the places express's cookie-parser does not reach. */
export function parseCookieHeader(header: string | null | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    try {
      cookies[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // a malformed escape: that cookie is not ours to read
    }
  }
  return cookies;
}
