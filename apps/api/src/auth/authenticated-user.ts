import type { GuestAccess, User } from '@cutroom/contracts';

/** Who is calling: set on the request by the auth guard, and on sockets at the handshake. */
export interface AuthenticatedUser extends User {
  sessionId: string;
  /** Set for a review-link guest: the link they came by and what it grants. */
  guest?: GuestAccess;
}
