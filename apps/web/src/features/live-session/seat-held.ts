import type { LiveSessionState } from '@cutroom/contracts';

/**
 * Whether I am in the session, as the page shows it: this tab joined it, and the session still lists
 * me. Leaving from another tab of mine (or being let go of after a long absence) takes my person out
 * of it: this tab then offers Join rather than following as if still in.
 */
export function holdsSeat(joined: boolean, session: LiveSessionState | null, userId: string): boolean {
  return joined && session !== null && session.participants.some((person) => person.userId === userId);
}
