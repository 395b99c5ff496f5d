/**
 * Postgres channel: the id of a session that has just ended (signed out), sent when that commits,
 * so every api node closes the sockets opened with it.
 */
export const SESSION_ENDED_CHANNEL = 'cutroom_session_ended';
