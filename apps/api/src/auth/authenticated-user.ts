import type { GuestAccess, User } from '@cutroom/contracts';

/** Who is calling: set on the request by the auth guard, and on sockets at the handshake. */
export interface AuthenticatedUser extends User {
  sessionId: string;
  /** When the session runs out (ISO 8601): a socket opened with it closes then. */
  sessionExpiresAt: string;
  /** Set for a review-link guest: the link they came by and what it grants. */
  guest?: GuestAccess;
}
