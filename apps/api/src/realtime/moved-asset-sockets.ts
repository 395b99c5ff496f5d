import type { AssetEventOf } from '@cutroom/contracts';
import type { DataSource } from 'typeorm';
import { grantsOnAsset } from '../assets/asset-lookups.repository.js';
import type { RealtimeGateway } from './realtime.gateway.js';
import { assetRoom } from './rooms.js';
import type { SocketData } from './socket-auth.js';

/**
 * After a cut moved to another project (its `asset.moved` already sent to its room): each socket of
 * this node in its room stays only while its person may see it in the new project, acting by their
 * role there; anyone else (a member of the old project only, a guest of the old project's links)
 * leaves the room, so nothing more of the cut reaches them live.
 */
export async function settleMovedAssetSockets(
  gateway: RealtimeGateway,
  dataSource: DataSource,
  event: AssetEventOf<'asset.moved'>,
): Promise<void> {
  const { assetId } = event;
  const sockets = await gateway.server.local.in(assetRoom(assetId)).fetchSockets();
  if (sockets.length === 0) return;
  const userIds = [...new Set(sockets.map((socket) => (socket.data as SocketData).user.id))];
  const grants = await grantsOnAsset(dataSource.manager, assetId, userIds);
  for (const remote of sockets) {
    const socket = gateway.server.sockets.sockets.get(remote.id);
    if (!socket) continue;
    const data = socket.data as SocketData;
    const grant = grants.get(data.user.id);
    if (grant) data.joined?.set(assetId, grant);
    else await gateway.lostCut(socket.id, assetId);
  }
}
