import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type AssetEvent, serverEvents, versionProgressSchema } from '@cutroom/contracts';
import { DataSource } from 'typeorm';
import type { Logger } from '../common/logging/logger.js';
import { SESSION_ENDED_CHANNEL } from '../auth/session-ended.js';
import { PgListener } from '../database/pg-listener.js';
import { LoggerToken } from '../config/config.provider.js';
import { EVENTS_CHANNEL, type EventNotice, PROGRESS_CHANNEL, eventsAfter } from './event-log.js';
import {
  type AccessLostNotice,
  type AccessNotice,
  ACCESS_CHANNEL,
  type RoleChangedNotice,
} from './access-lost.js';
import { AssetEventOrder } from './event-order.js';
import { GUEST_ROOM, eventForGuest } from './event-visibility.js';
import { RealtimeGateway, assetRoom, projectRoom, sessionRoom, userRoom } from './realtime.gateway.js';
import type { SocketData } from './socket-auth.js';
import { changeRole } from './write-rights.js';

const PROJECT_CACHE_LIMIT = 10_000;

/**
 * Hears committed events and progress through Postgres LISTEN, from this node, other api nodes
 * and workers alike, and hands each to the sockets connected to this node; and, likewise, ended
 * sessions and changed access, applied to this node's sockets.
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private listener: PgListener | undefined;
  /** asset → project; an asset never changes project. */
  private readonly projectOf = new Map<string, string>();
  private listenedBefore = false;
  private readonly order = new AssetEventOrder({
    read: (assetId, afterSeq, count) => eventsAfter(this.dataSource.manager, assetId, afterSeq, count),
    deliver: (event) => this.broadcast(event),
    onError: (error, assetId) => this.logger.error({ err: error, assetId }, 'could not relay an event'),
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly gateway: RealtimeGateway,
    @Inject(LoggerToken) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new PgListener({
      url: (this.dataSource.options as { url: string }).url,
      channels: [EVENTS_CHANNEL, PROGRESS_CHANNEL, ACCESS_CHANNEL, SESSION_ENDED_CHANNEL],
      name: 'cutroom-relay',
      logger: this.logger,
      onNotification: (channel, payload) => void this.deliver(channel, payload),
      onListening: () => {
        if (this.listenedBefore) void this.catchUp();
        this.listenedBefore = true;
      },
    });
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.stop();
  }

  private async deliver(channel: string, payload: string): Promise<void> {
    try {
      if (channel === SESSION_ENDED_CHANNEL) {
        const sockets = this.gateway.server.local.in(sessionRoom(payload));
        sockets.emit(serverEvents.sessionEnded);
        sockets.disconnectSockets(true);
        return;
      }
      if (channel === ACCESS_CHANNEL) {
        const notice = JSON.parse(payload) as AccessNotice;
        await ('role' in notice ? this.changeRole(notice) : this.revoke(notice));
        return;
      }
      if (channel === PROGRESS_CHANNEL) {
        const progress = versionProgressSchema.parse(JSON.parse(payload));
        this.gateway.server.local
          .to(assetRoom(progress.assetId))
          .emit(serverEvents.versionProgress, progress);
        return;
      }
      this.order.offer(JSON.parse(payload) as EventNotice);
    } catch (error) {
      this.logger.error({ err: error, channel }, 'could not relay a notification');
    }
  }

  /**
   * After LISTEN was lost and is back: each asset with a room on this node (its own, or its
   * project's) is brought up to its latest seq, so what committed meanwhile still goes out, in
   * order, once. An asset this node relayed nothing for yet gets its latest event; a client that
   * sees a gap there rejoins with its last seq.
   */
  private async catchUp(): Promise<void> {
    const assetIds: string[] = [];
    const projectIds: string[] = [];
    for (const room of this.gateway.server.of('/').adapter.rooms.keys()) {
      if (room.startsWith('asset:')) assetIds.push(room.slice('asset:'.length));
      else if (room.startsWith('project:')) projectIds.push(room.slice('project:'.length));
    }
    if (assetIds.length === 0 && projectIds.length === 0) return;
    try {
      const latest: { id: string; last_seq: string }[] = await this.dataSource.query(
        `SELECT id, last_seq FROM assets
         WHERE (id = ANY($1::uuid[]) OR project_id = ANY($2::uuid[])) AND last_seq > 0`,
        [assetIds, projectIds],
      );
      for (const asset of latest) this.order.offer({ assetId: asset.id, seq: Number(asset.last_seq) });
    } catch (error) {
      this.logger.warn({ err: error }, 'could not catch up after LISTEN came back');
    }
  }

  /** Sends an event to its asset's room and its project's room on this node. */
  private broadcast(event: AssetEvent): void | Promise<void> {
    const projectId = this.knownProject(event);
    if (projectId !== undefined) return this.emit(event, projectId);
    // Once per asset and node: later events of the asset wait for it rather than overtake.
    return this.lookupProject(event.assetId).then((found) => this.emit(event, found));
  }

  private emit(event: AssetEvent, projectId: string | undefined): void | Promise<void> {
    const rooms = projectId ? [assetRoom(event.assetId), projectRoom(projectId)] : [assetRoom(event.assetId)];
    const audience = this.gateway.server.local.to(rooms);
    const forGuests = eventForGuest(event);
    if (forGuests === event) {
      audience.emit(serverEvents.assetEvent, event);
      return;
    }
    audience.except(GUEST_ROOM).emit(serverEvents.assetEvent, event);
    if (forGuests) return this.emitToGuests(rooms, forGuests);
  }

  /** Rare (a thread made internal): the guests among the listeners get their own version of it. */
  private async emitToGuests(rooms: string[], event: AssetEvent): Promise<void> {
    for (const socket of await this.gateway.server.local.in(rooms).fetchSockets()) {
      if (socket.rooms.has(GUEST_ROOM)) socket.emit(serverEvents.assetEvent, event);
    }
  }

  /** A member's sockets on this node write (or stop writing) in the project's rooms by their new role. */
  private async changeRole(notice: RoleChangedNotice): Promise<void> {
    const sockets = await this.gateway.server.local.in(userRoom(notice.userId)).fetchSockets();
    for (const socket of sockets)
      changeRole((socket.data as SocketData).joined, notice.projectId, notice.role);
  }

  /**
   * Takes people who lost access out of the project's room and its assets' rooms on this node; a
   * guest of a revoked link, whose session ends with it, is disconnected.
   */
  private async revoke(notice: AccessLostNotice): Promise<void> {
    for (const userId of notice.userIds) {
      const sockets = await this.gateway.server.local.in(userRoom(userId)).fetchSockets();
      for (const socket of sockets) {
        if ((socket.data as SocketData).user.guest?.projectId === notice.projectId) {
          socket.emit(serverEvents.sessionEnded);
          socket.disconnect(true);
          continue;
        }
        for (const room of socket.rooms) {
          if (room === projectRoom(notice.projectId)) socket.leave(room);
          if (!room.startsWith('asset:')) continue;
          const assetId = room.slice('asset:'.length);
          // An asset gone with its project has nothing more to say: leave it too.
          const projectId = await this.projectFor(assetId);
          if (projectId === undefined || projectId === notice.projectId) socket.leave(room);
        }
      }
    }
  }

  private async projectFor(assetId: string): Promise<string | undefined> {
    return this.projectOf.get(assetId) ?? this.lookupProject(assetId);
  }

  /** A deleted asset's event names its project: the asset is no longer there to look it up. */
  private knownProject(event: AssetEvent): string | undefined {
    return event.type === 'asset.deleted' ? event.payload.projectId : this.projectOf.get(event.assetId);
  }

  private async lookupProject(assetId: string): Promise<string | undefined> {
    const rows: { project_id: string }[] = await this.dataSource.query(
      `SELECT project_id FROM assets WHERE id = $1`,
      [assetId],
    );
    if (!rows[0]) return undefined;
    if (this.projectOf.size >= PROJECT_CACHE_LIMIT) this.projectOf.clear();
    this.projectOf.set(assetId, rows[0].project_id);
    return rows[0].project_id;
  }
}
