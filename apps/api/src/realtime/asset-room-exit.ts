import { serverEvents } from '@cutroom/contracts';
import type { Socket } from 'socket.io';
import { assetRoom, liveSessionRoom, teamViewRoom } from './rooms.js';
import { signalRooms, viewerRooms } from './signal-audience.js';
import type { SocketData } from './socket-auth.js';

/**
 * Takes a socket out of an asset's room and the signal rooms that go with it; whoever is still
 * there stops seeing it (its presence, and with it its strokes and typing).
 */
export async function leaveAssetRooms(socket: Socket, assetId: string): Promise<void> {
  const data = socket.data as SocketData;
  for (const room of [assetRoom(assetId), teamViewRoom(assetId), ...viewerRooms(data.user, assetId)])
    await socket.leave(room);
  data.joined?.delete(assetId);
  // No longer following the cut's live session either: the sweep takes them out of it.
  await socket.leave(liveSessionRoom(assetId));
  data.liveSessions?.delete(assetId);
  if (data.presence?.assetId === assetId) {
    data.presence = undefined;
    socket
      .to(signalRooms(data.user, assetId))
      .emit(serverEvents.presenceLeft, { socketId: socket.id, assetId });
  }
}
