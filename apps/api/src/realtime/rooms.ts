/** socket.io rooms, on every api node through the Postgres adapter. */
export const assetRoom = (assetId: string) => `asset:${assetId}`;
export const projectRoom = (projectId: string) => `project:${projectId}`;
/** Every socket of one signed-in person: their own activity (unread count). */
export const userRoom = (userId: string) => `user:${userId}`;
/** Every socket opened with one session, on every node: they close when it ends. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** Every socket of a review link's guests, on every node: told when the link ends or changes. */
export const linkRoom = (linkId: string) => `link:${linkId}`;
/** Who sees the team's live signals in an asset's room: its members, and guests whose link shows the team. */
export const teamViewRoom = (assetId: string) => `sees-team:${assetId}`;
/** A review link's guests in an asset's room: they see each other whatever their link shows. */
export const linkAssetRoom = (linkId: string, assetId: string) => `link-asset:${linkId}:${assetId}`;
/** The sockets following an asset's live session, on every node: whether someone is still in it. */
export const liveSessionRoom = (assetId: string) => `live-session:${assetId}`;
/**
 * How a socket reads a busy room's events: several to a message (`asset:events`, for a client that
 * says `batches: true` in its handshake's auth), or one message each (any other, e.g. a page loaded
 * before the server learnt batches). Every socket is in one of the two.
 */
export const BATCH_READERS_ROOM = 'reads-batches';
export const SINGLE_READERS_ROOM = 'reads-singles';
