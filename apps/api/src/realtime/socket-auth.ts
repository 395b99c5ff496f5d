import { type Presence, SESSION_COOKIE } from '@cutroom/contracts';
import type { Socket } from 'socket.io';
import type { AuthService } from '../auth/auth.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { parseCookieHeader, readSessionToken } from '../auth/session-token.js';
import { foreignSite } from '../common/http/same-origin.js';
import type { JoinedAsset } from './write-rights.js';

export interface SocketData {
  user: AuthenticatedUser;
  /** The last presence this socket announced, for newcomers to the room. */
  presence?: Presence;
  /** The asset rooms this socket joined, with its role there: whether its strokes and typing are relayed. */
  joined?: Map<string, JoinedAsset>;
  /** The drafts (`draw:`/`typing:` + asset) guests were shown: cleared for them if they turn internal. */
  guestsHold?: Set<string>;
  /** The assets whose live session this socket follows: let go of a while after it disconnects. */
  liveSessions?: Set<string>;
  /** Its latest round trips (`live:clock`), in ms: a host's changes are dated by them. */
  roundTrips?: number[];
  /** When its round trip was last timed (Date.now()). */
  roundTripTimedAt?: number;
}

/**
 * Handshake middleware: the same session as REST — `auth: { token }` from API clients, or the
 * browser's session cookie. Refused connections get `connect_error` with message "unauthorized",
 * or "cross-site" when another site's page tries to use the cookie.
 */
export function socketAuthMiddleware(auth: AuthService, publicUrl: string) {
  return (socket: Socket, next: (error?: Error) => void) => {
    const given = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof given !== 'string' && foreignSite(socket.handshake.headers, publicUrl) !== undefined)
      return next(new Error('cross-site'));
    const token =
      typeof given === 'string'
        ? readSessionToken(`Bearer ${given}`, undefined, SESSION_COOKIE)
        : readSessionToken(undefined, parseCookieHeader(socket.handshake.headers.cookie), SESSION_COOKIE);
    if (!token) return next(new Error('unauthorized'));
    auth.authenticate(token).then(
      (user) => {
        if (!user) return next(new Error('unauthorized'));
        (socket.data as SocketData).user = user;
        next();
      },
      (error: unknown) => next(new Error('unavailable', { cause: error })),
    );
  };
}
