/**
 * Whether a session is live (neither signed out nor run out), as an SQL condition on the
 * parameter holding its id: how a socket's session is asked again before it acts. Other contexts
 * put it in their own statement where a check rides along (a comment post: one round trip).
 */
export function liveSessionSql(sessionIdParam: string): string {
  return `EXISTS (SELECT 1 FROM sessions WHERE id = ${sessionIdParam} AND revoked_at IS NULL AND expires_at > now())`;
}
