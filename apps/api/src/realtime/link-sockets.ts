import { type GuestAccess, type LinkChanged, type LinkEnded, serverEvents } from '@cutroom/contracts';
import { isGuest, readerOf, seesPresenceOf } from '@cutroom/policy';
import type { DataSource } from 'typeorm';
import { sessionEnds } from '../auth/guest-sessions.repository.js';
import type { LinkNotice } from '../events/link-notice.js';
import { linkGrant } from '../sharing/link-guests.repository.js';
import type { RealtimeGateway } from './realtime.gateway.js';
import type { Socket } from 'socket.io';
import { assetRoom, linkRoom, teamViewRoom } from './rooms.js';
import { visiblePresence } from './signal-audience.js';
import type { SocketData } from './socket-auth.js';

/**
 * Applies a review link's turn-off or change to its guests' sockets on this node: an ended link's
 * guests are told why and disconnected; a changed one's act by its new rights at once, see (or stop
 * seeing) the team's live signals, are told them, and close when its (new) expiry passes.
 */
export async function applyLinkNotice(
  gateway: RealtimeGateway,
  dataSource: DataSource,
  notice: LinkNotice['link'],
): Promise<void> {
  const sockets = [...gateway.server.of('/').sockets.values()].filter((s) =>
    s.rooms.has(linkRoom(notice.id)),
  );
  if (sockets.length === 0) return;
  if (notice.ended) {
    const ended: LinkEnded = { linkId: notice.id, reason: notice.ended };
    for (const socket of sockets) {
      socket.emit(serverEvents.linkEnded, ended);
      socket.disconnect(true);
    }
    return;
  }
  const link = await linkGrant(dataSource.manager, notice.id);
  if (!link) return;
  const ends = await sessionEnds(
    dataSource.manager,
    sockets.map((s) => (s.data as SocketData).user.sessionId),
  );
  for (const socket of sockets) {
    const data = socket.data as SocketData;
    if (!data.user.guest) continue;
    const before = data.user.guest;
    const guest: GuestAccess = {
      ...before,
      permissions: link.permissions,
      expiresAt: link.expiresAt?.toISOString() ?? null,
      showTeamActivity: link.showTeamActivity,
    };
    data.user.guest = guest;
    if (before.showTeamActivity !== guest.showTeamActivity)
      await showTeamOrNot(gateway, socket, { guest: before }, { guest });
    data.user.sessionExpiresAt = ends.get(data.user.sessionId) ?? data.user.sessionExpiresAt;
    for (const room of data.joined?.values() ?? [])
      if (isGuest(room.role)) room.role = { guest: guest.permissions };
    await gateway.liveRightsChanged(data);
    gateway.expiry.arm(socket);
    const changed: LinkChanged = { guest };
    socket.emit(serverEvents.linkChanged, changed);
  }
}

/**
 * A guest's link started or stopped showing the team: in each asset room they are in, they join or
 * leave the team's signals, and are given the presence they may see now. Whoever they no longer see
 * leaves their screen whole — presence, live drawing and typing — whether or not that person had
 * announced where they are (a drawing or "is typing" can be on screen without it).
 */
async function showTeamOrNot(
  gateway: RealtimeGateway,
  socket: Socket,
  before: Pick<SocketData['user'], 'guest'>,
  after: Pick<SocketData['user'], 'guest'>,
): Promise<void> {
  for (const assetId of (socket.data as SocketData).joined?.keys() ?? []) {
    if (after.guest?.showTeamActivity) await socket.join(teamViewRoom(assetId));
    else await socket.leave(teamViewRoom(assetId));
    const others = (await gateway.server.in(assetRoom(assetId)).fetchSockets())
      .filter((other) => other.id !== socket.id)
      .map((other) => ({ socketId: other.id, ...(other.data as SocketData) }));
    const wasShown = new Set(visiblePresence(before, others).map((p) => p.socketId));
    const shown = visiblePresence(after, others).filter((p) => p.assetId === assetId);
    for (const presence of shown)
      if (!wasShown.has(presence.socketId)) socket.emit(serverEvents.presenceChanged, presence);
    for (const other of others) {
      if (!seesSignalsOf(before, other) || seesSignalsOf(after, other)) continue;
      socket.emit(serverEvents.presenceLeft, { socketId: other.socketId, assetId });
      socket.emit(serverEvents.typing, {
        assetId,
        typing: false,
        internal: false,
        user: { id: other.user.id, displayName: other.user.displayName },
      });
    }
  }
}

/** Whether a viewer sees someone's live signals in a room (see `seesPresenceOf`). */
function seesSignalsOf(viewer: Pick<SocketData['user'], 'guest'>, sender: Pick<SocketData, 'user'>): boolean {
  return seesPresenceOf(
    { reader: readerOf(viewer.guest), linkId: viewer.guest?.linkId ?? null },
    { linkId: sender.user.guest?.linkId ?? null },
  );
}
