import type { User } from '@cutroom/contracts';

/** Who is calling: set on the request by the auth guard, and on sockets at the handshake. */
export interface AuthenticatedUser extends User {
  sessionId: string;
}
